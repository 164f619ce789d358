package cn.yanxiu.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
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

    public SampleCountyGenerator(int teachers, long seed) {
        this.teachers = teachers;
        this.seed = seed;
    }

    /** Writes the county into spreadsheet files in a folder and reports progress per teacher written. */
    public List<Path> write(Path out, IntConsumer progress) throws IOException {
        CountyTables.Folder folder = CountyTables.folder(out, teachers);
        write(folder, progress);
        return folder.written();
    }

    /** Writes the county table by table and reports progress per teacher written. */
    public void write(CountyTables tables, IntConsumer progress) throws IOException {
        CountyShape shape = CountyShape.of(teachers);
        try (TableWriter w = tables.open("schools", List.of("学校编号", "学校名称", "学校类型", "区县编号", "区县名称"))) {
            for (CountyShape.SchoolPlan s : shape.schools()) {
                w.row(s.id(), s.name(), s.kind().label(), s.districtId(), s.districtName());
            }
        }
        try (TableWriter w = tables.open("terms", List.of("学期编号", "学年", "学期", "学期名称", "开始日期", "结束日期", "教学周数"))) {
            for (GeneratedTerm t : TERMS) {
                w.row(t.id(), YEAR, t.number(), YEAR + "学年第" + (t.number() == 1 ? "一" : "二") + "学期", t.start(), t.end(), t.weeks());
            }
        }
        try (TableWriter rosterOut = tables.open("teachers", List.of("工号", "姓名", "学校编号", "教研组", "学科", "岗位", "出生年份", "教龄", "职称", "骨干级别", "入职日期"));
             TableWriter leaveOut = tables.open("leaves", List.of("工号", "请假类型", "开始日期", "结束日期"));
             TableWriter scoreOut = tables.open("scores", List.of("工号", "学期编号", "评分类型", "分数", "日期"));
             TableWriter ethicsOut = tables.open("ethics", List.of("工号", "学期编号", "师德达标", "日期", "情况说明"));
             TableWriter priorOut = tables.open("prior-hours", List.of("工号", "学年", "认定学时"));
             TableWriter activity1 = tables.open("activities-" + TERMS.get(0).id(), ActivityLog.HEADERS);
             TableWriter activity2 = tables.open("activities-" + TERMS.get(1).id(), ActivityLog.HEADERS)) {
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
    }

    private static void row(TableWriter writer, Object... cells) {
        try {
            writer.row(cells);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
