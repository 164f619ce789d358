package cn.yanxiu.importing;

import java.time.LocalDate;
import java.util.List;

/** 请假记录: leave (病假、产假 …) that takes weeks out of a teacher's duty, pro-rating weekly quotas. */
final class LeaveImport extends TableImport {

    static final Column TEACHER = Column.required("工号", "teacher_id");
    static final Column KIND = Column.required("请假类型", "leave_kind");
    static final Column START = Column.required("开始日期", "start_date");
    static final Column END = Column.required("结束日期", "end_date");
    static final List<Column> COLUMNS = columns(TEACHER, KIND, START, END);

    private final FactRows rows;

    LeaveImport(Context context) {
        super(context);
        rows = new FactRows(jdbc, "leave_period", List.of("teacher_id", "kind", "start_date", "end_date"), List.of("teacher_id"), sourceFile);
    }

    @Override
    void begin() {
        rows.replacePreviousImport();
    }

    @Override
    void accept(RowValues row) {
        String teacher = row.text(TEACHER, 32);
        String kind = row.text(KIND, 16);
        LocalDate start = row.date(START);
        LocalDate end = row.date(END);
        if (teacher != null && !references.hasTeacher(teacher)) {
            row.reject(TEACHER, "工号“" + teacher + "”不存在，请先导入教师名单" + references.outsideNote());
        }
        if (start != null && end != null && end.isBefore(start)) {
            row.reject(END, "结束日期 " + end + " 早于开始日期 " + start);
        }
        if (start != null && end != null && start.plusYears(2).isBefore(end)) {
            row.reject(END, "请假超过两年，请检查日期");
        }
        if (!row.ok()) {
            return;
        }
        rows.add(List.of(teacher, kind, start, end), teacher, kind, start, end);
    }

    @Override
    String finish() {
        rows.flush();
        return FactCounts.of("请假记录", rows);
    }
}
