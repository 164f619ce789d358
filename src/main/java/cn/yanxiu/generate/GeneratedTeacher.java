package cn.yanxiu.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/** One synthetic teacher: who they are and how diligent they were, drawn from their own random stream. */
record GeneratedTeacher(String id, String name, String group, String subject, List<String> roles, int birthYear,
                        int teachingYears, String title, String backboneLevel, LocalDate joinedOn,
                        Optional<Leave> leave, Diligence diligence, boolean ethicsViolation, List<Prior> priorHours,
                        SplittableRandom random) {

    /** How a teacher did this year; each weak kind misses a different requirement. */
    enum Diligence { EXCELLENT, NORMAL, SHORT_OF_HOURS, SHORT_OF_OBSERVATIONS, CARELESS, LOW_SCORES }

    record Leave(String kind, LocalDate start, LocalDate end) {
    }

    record Prior(String year, double hours) {
    }

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红玲辉建文斌宇浩凯俊婷雪琳晨欣怡佳颖";
    private static final String[] PRIMARY_GROUPS = {"语文", "数学", "英语", "综合"};
    private static final String[] SECONDARY_GROUPS = {"语文", "数学", "英语", "理化生", "政史地", "体艺"};
    private static final String[] TITLES = {"二级教师", "一级教师", "高级教师"};

    static GeneratedTeacher draw(SplittableRandom r, int index, CountyShape.SchoolPlan school, int indexInSchool) {
        String id = String.format("T%07d", index + 1);
        String name = "" + SURNAMES.charAt(r.nextInt(SURNAMES.length())) + GIVEN.charAt(r.nextInt(GIVEN.length()))
                + (r.nextInt(3) == 0 ? "" : String.valueOf(GIVEN.charAt(r.nextInt(GIVEN.length()))));
        String[] groups = school.kind() == cn.yanxiu.teacher.SchoolKind.PRIMARY ? PRIMARY_GROUPS : SECONDARY_GROUPS;
        String subject = groups[indexInSchool % groups.length];
        String group = subject + "组";
        List<String> roles = new ArrayList<>();
        switch (indexInSchool) {
            case 0 -> roles.add("校长");
            case 1 -> roles.addAll(List.of("主管领导", "教师"));
            case 2 -> roles.addAll(List.of("教导主任", "教师"));
            default -> {
                if (indexInSchool - 3 < groups.length) {
                    roles.add("教研组长");
                }
                if (r.nextInt(10) < 4) {
                    roles.add("班主任");
                }
                roles.add("教师");
            }
        }
        int age = 23 + r.nextInt(37);
        int birthYear = 2025 - age;
        int teachingYears = Math.max(0, Math.min(age - 22, r.nextInt(age - 21)));
        String title = TITLES[Math.min(2, teachingYears / 10)];
        String backbone = teachingYears >= 7 && r.nextInt(8) == 0 ? (r.nextInt(3) == 0 ? "市级骨干" : "县级骨干") : "";
        int d = r.nextInt(100);
        Diligence diligence = d < 15 ? Diligence.EXCELLENT : d < 80 ? Diligence.NORMAL : d < 85 ? Diligence.SHORT_OF_HOURS
                : d < 90 ? Diligence.SHORT_OF_OBSERVATIONS : d < 96 ? Diligence.CARELESS : Diligence.LOW_SCORES;
        // a top performer with an ethics violation, so the veto is visible on a high score
        boolean violation = index == 7 || r.nextInt(100) == 0;
        if (index == 7) {
            diligence = Diligence.EXCELLENT;
        }
        LocalDate joinedOn = null;
        Optional<Leave> leave = Optional.empty();
        int l = r.nextInt(100);
        var term1 = SampleCountyGenerator.TERMS.get(0);
        var term2 = SampleCountyGenerator.TERMS.get(1);
        if (l < 2 && indexInSchool > 2) {
            joinedOn = term1.start().plusWeeks(5 + r.nextInt(6));
        } else if (l < 5) {
            LocalDate start = term1.start().plusWeeks(3 + r.nextInt(8));
            leave = Optional.of(new Leave("病假", start, start.plusWeeks(3 + r.nextInt(6)).minusDays(1)));
        } else if (l < 6 && age < 40) {
            LocalDate start = term2.start().plusWeeks(2 + r.nextInt(4));
            leave = Optional.of(new Leave("产假", start, start.plusDays(157)));
        }
        List<Prior> prior = new ArrayList<>();
        if (joinedOn == null && r.nextInt(10) < 3) {
            prior.add(new Prior("2023-2024", 20 + r.nextInt(30)));
            prior.add(new Prior("2024-2025", 20 + r.nextInt(30)));
        }
        return new GeneratedTeacher(id, name, group, subject, roles, birthYear, teachingYears, title, backbone, joinedOn,
                leave, diligence, violation, prior, r);
    }

    int ageIn(int year) {
        return year - birthYear;
    }

    boolean onDuty(LocalDate weekStart) {
        if (joinedOn != null && weekStart.plusDays(4).isBefore(joinedOn)) {
            return false;
        }
        return leave.map(l -> weekStart.plusDays(4).isBefore(l.start()) || weekStart.isAfter(l.end())).orElse(true);
    }
}
