package cn.yanxiu.generate;

import cn.yanxiu.generate.GeneratedTeacher.Diligence;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One teacher's term as a school would log it: weekly study and observation tallies, reflections, notes,
 * lessons, group activities, scores and the ethics record. The amounts describe how typical teachers
 * behave (synthetic data), not what the policy requires: the rule files decide what is enough.
 */
final class ActivityLog {

    static final List<String> HEADERS = List.of("工号", "学期编号", "活动类型", "日期", "学时", "数量", "备注");

    private final GeneratedTeacher t;
    private final SampleCountyGenerator.GeneratedTerm term;
    private final CountyShape.SchoolPlan school;
    private final SplittableRandom r;

    ActivityLog(GeneratedTeacher t, SampleCountyGenerator.GeneratedTerm term, CountyShape.SchoolPlan school) {
        this.t = t;
        this.term = term;
        this.school = school;
        this.r = t.random();
    }

    void write(TableWriter activities, TableWriter scores, TableWriter ethics) throws IOException {
        Diligence d = t.diligence();
        boolean excellent = d == Diligence.EXCELLENT;
        int observationsPerWeek = t.roles().contains("教导主任") ? 6 : t.roles().contains("主管领导") ? 4 : 3;
        int dutyWeeks = 0;
        LocalDate firstDutyDay = null;
        int groupDay = Math.floorMod(t.group().hashCode() + school.id().hashCode(), 3) + 1;
        for (int w = 0; w < term.weeks(); w++) {
            LocalDate monday = term.start().plusWeeks(w);
            if (!t.onDuty(monday)) {
                continue;
            }
            dutyWeeks++;
            if (firstDutyDay == null) {
                firstDutyDay = monday;
            }
            LocalDate day = monday.plusDays(r.nextInt(5));
            double theory = switch (d) {
                case EXCELLENT -> 2.5;
                case SHORT_OF_HOURS -> 1.0;
                case CARELESS -> 2.0;
                default -> 2.0 + r.nextInt(3) * 0.5;
            };
            act(activities, "理论学习", day, theory, 1, "");
            if (d != Diligence.SHORT_OF_HOURS || w % 2 == 0) {
                act(activities, "自学", monday.plusDays(r.nextInt(5)), excellent ? 1.5 : 1.0, 1, "");
            }
            if (w % 2 == 0) {
                act(activities, "集中学习", monday.plusDays(groupDay), 1.5, 1, "教研组理论学习");
                boolean absent = r.nextInt(100) < (d == Diligence.CARELESS ? 30 : 3);
                act(activities, absent ? "教研活动缺勤" : "教研活动", monday.plusDays(groupDay), absent ? 0 : 2, 1, t.group() + "教研活动");
                act(activities, "学习笔记", day, 0, 1, "");
            }
            if (w % 4 == 1) {
                act(activities, "师德学习", monday.plusDays(r.nextInt(5)), 1, 1, "");
            }
            int observed = d == Diligence.SHORT_OF_OBSERVATIONS ? observationsPerWeek - 2 : observationsPerWeek + (excellent ? 1 : 0);
            act(activities, "听课", day, 0, Math.max(0, observed), "");
            if (t.ageIn(2025) < 50 && (d != Diligence.CARELESS || w % 3 != 0)) {
                act(activities, "多媒体课", day, 0, 1, "");
            }
            if (w % 2 == 1 && (d != Diligence.CARELESS || w % 4 == 1)) {
                act(activities, "教学反思", day, 0, 1, "");
            }
        }
        if (firstDutyDay == null) {
            return;
        }
        LocalDate mid = firstDutyDay.plusWeeks(Math.max(0, dutyWeeks / 2 - 1));
        int designs = d == Diligence.CARELESS ? 5 : excellent ? 10 : 8;
        if (t.ageIn(2025) < 50) {
            for (int i = 0; i < designs; i++) {
                act(activities, "教学设计", firstDutyDay.plusWeeks(i * Math.max(1, dutyWeeks - 1) / designs).plusDays(4), 0, 1, "教学设计+课件");
            }
        }
        act(activities, "全校培训", firstDutyDay.plusDays(2), 3, 1, "全校校本研修培训");
        act(activities, "研讨课", mid, 0, 1, "组内研讨课");
        if (d != Diligence.CARELESS) {
            act(activities, "评优课", mid.plusDays(7), 0, 1, "");
            act(activities, "研修课题", firstDutyDay.plusDays(1), 0, 1, "个人研修课题");
        }
        if (t.ageIn(2025) < 45) {
            act(activities, "电子白板", mid.plusDays(2), 0, 1, "");
            act(activities, "微课", mid.plusDays(3), 0, 1, "");
        }
        if (t.teachingYears() < 3 || t.teachingYears() >= 7) {
            act(activities, "师徒结对", firstDutyDay.plusDays(3), 0, 1, t.teachingYears() < 3 ? "徒弟" : "师傅");
        }
        if (t.teachingYears() >= 7) {
            act(activities, "示范课", mid.plusDays(8), 0, 1, "");
        } else if (t.teachingYears() >= 3) {
            act(activities, "公开课", mid.plusDays(8), 0, 1, "");
        }
        if (!t.backboneLevel().isEmpty()) {
            act(activities, "集中培训", mid.plusDays(9), 30, 1, "骨干教师集中培训");
        }
        if (excellent && r.nextInt(3) == 0) {
            act(activities, "论文", mid.plusDays(10), 0, 1, "");
        }
        writeScores(scores, mid);
        boolean violation = t.ethicsViolation() && term.number() == 1;
        ethics.row(t.id(), term.id(), violation ? "否" : "是", term.end().minusDays(7), violation ? "有偿补课，经查属实" : "");
    }

    private void writeScores(TableWriter scores, LocalDate mid) throws IOException {
        int low = switch (t.diligence()) {
            case EXCELLENT -> 88;
            case LOW_SCORES -> 40;
            case NORMAL -> 72;
            default -> 62;
        };
        int spread = t.diligence() == Diligence.LOW_SCORES ? 16 : 14;
        LocalDate firstInspection = mid.minusWeeks(3).isBefore(term.start()) ? term.start() : mid.minusWeeks(3);
        scores.row(t.id(), term.id(), "平时检查", Math.min(100, low + r.nextInt(spread)), firstInspection);
        scores.row(t.id(), term.id(), "平时检查", Math.min(100, low + r.nextInt(spread)), term.end().minusWeeks(2));
        for (String view : List.of("教师自评", "小组互评", "校长导评", "指导组审评")) {
            scores.row(t.id(), term.id(), view, Math.min(100, low + r.nextInt(spread) + (view.equals("教师自评") ? 3 : 0)), term.end().minusDays(5));
        }
    }

    private void act(TableWriter out, String type, LocalDate date, double hours, int quantity, String note) throws IOException {
        LocalDate clamped = date.isAfter(term.end()) ? term.end() : date;
        out.row(t.id(), term.id(), type, clamped, hours == Math.rint(hours) ? (Object) (long) hours : (Object) hours, quantity, note);
    }
}
