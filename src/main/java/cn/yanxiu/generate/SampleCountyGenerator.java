package cn.yanxiu.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * Makes a synthetic county (or province) of any size, deterministically: the same size and seed always
 * give the same files. Each teacher draws from a random stream of their own, so teacher 17 is the same
 * person in a county of 1,030 and in a province of a million.
 * <p>
 * The mix exercises every policy: leave and mid-term joiners, several roles at once, ages on both sides
 * of 45 and 50, every career stage, ethics violations (one on a top performer), hour and quota shortfalls,
 * excellent performers, and earlier years' hours.
 */
public final class SampleCountyGenerator {

    static final String YEAR = "2025-2026";
    static final List<GeneratedTerm> TERMS = List.of(
            new GeneratedTerm(YEAR + "-1", 1, LocalDate.of(2025, 9, 1), LocalDate.of(2026, 1, 11), 19),
            new GeneratedTerm(YEAR + "-2", 2, LocalDate.of(2026, 2, 23), LocalDate.of(2026, 7, 5), 19));

    record GeneratedTerm(String id, int number, LocalDate start, LocalDate end, int weeks) {
    }

    private final int teachers;
    private final long seed;
    private final Path out;

    public SampleCountyGenerator(int teachers, long seed, Path out) {
        this.teachers = teachers;
        this.seed = seed;
        this.out = out;
    }

    /** Writes the county's files into the output folder and reports progress per teacher written. */
    public List<Path> write(IntConsumer progress) throws IOException {
        Files.createDirectories(out);
        CountyShape shape = CountyShape.of(teachers);
        String rosterExt = teachers <= 100_000 ? ".xlsx" : ".csv";
        Path schools = out.resolve("schools.xlsx");
        Path terms = out.resolve("terms.csv");
        Path roster = out.resolve("teachers" + rosterExt);
        Path leaves = out.resolve("leaves.csv");
        Path scores = out.resolve("scores.csv");
        Path ethics = out.resolve("ethics.csv");
        Path prior = out.resolve("prior-hours.csv");
        List<Path> activityFiles = TERMS.stream().map(t -> out.resolve("activities-" + t.id() + ".csv")).toList();

        try (TableWriter w = TableWriter.open(schools, List.of("学校编号", "学校名称", "学校类型", "区县编号", "区县名称"))) {
            for (CountyShape.SchoolPlan s : shape.schools()) {
                w.row(s.id(), s.name(), s.kind().label(), s.districtId(), s.districtName());
            }
        }
        try (TableWriter w = TableWriter.open(terms, List.of("学期编号", "学年", "学期", "学期名称", "开始日期", "结束日期", "教学周数"))) {
            for (GeneratedTerm t : TERMS) {
                w.row(t.id(), YEAR, t.number(), YEAR + "学年第" + (t.number() == 1 ? "一" : "二") + "学期", t.start(), t.end(), t.weeks());
            }
        }
        try (TableWriter rosterOut = TableWriter.open(roster, List.of("工号", "姓名", "学校编号", "教研组", "学科", "岗位", "出生年份", "教龄", "职称", "骨干级别", "入职日期"));
             TableWriter leaveOut = TableWriter.open(leaves, List.of("工号", "请假类型", "开始日期", "结束日期"));
             TableWriter scoreOut = TableWriter.open(scores, List.of("工号", "学期编号", "评分类型", "分数", "日期"));
             TableWriter ethicsOut = TableWriter.open(ethics, List.of("工号", "学期编号", "师德达标", "日期", "情况说明"));
             TableWriter priorOut = TableWriter.open(prior, List.of("工号", "学年", "认定学时"));
             TableWriter activity1 = TableWriter.open(activityFiles.get(0), ActivityLog.HEADERS);
             TableWriter activity2 = TableWriter.open(activityFiles.get(1), ActivityLog.HEADERS)) {
            List<TableWriter> activityOut = List.of(activity1, activity2);
            int index = 0;
            for (CountyShape.SchoolPlan school : shape.schools()) {
                for (int i = 0; i < school.teachers(); i++) {
                    GeneratedTeacher t = GeneratedTeacher.draw(new SplittableRandom(seed * 1_000_003L + index), index, school, i);
                    rosterOut.row(t.id(), t.name(), school.id(), t.group(), t.subject(), String.join("、", t.roles()),
                            t.birthYear(), t.teachingYears(), t.title(), t.backboneLevel(), t.joinedOn());
                    t.leave().ifPresent(l -> row(leaveOut, t.id(), l.kind(), l.start(), l.end()));
                    for (int term = 0; term < TERMS.size(); term++) {
                        new ActivityLog(t, TERMS.get(term), school).write(activityOut.get(term), scoreOut, ethicsOut);
                    }
                    for (var p : t.priorHours()) {
                        priorOut.row(t.id(), p.year(), p.hours());
                    }
                    index++;
                    progress.accept(index);
                }
            }
        }
        List<Path> files = new ArrayList<>(List.of(schools, terms, roster, leaves, scores, ethics, prior));
        files.addAll(activityFiles);
        return files;
    }

    private static void row(TableWriter writer, Object... cells) {
        try {
            writer.row(cells);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
