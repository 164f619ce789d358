package cn.yanxiu.importing;

import cn.yanxiu.activity.ActivityType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** 研修活动记录: the activity log, one row per activity (or per week's tally, with 数量). */
final class ActivityImport extends TableImport {

    static final Column TEACHER = Column.required("工号", "teacher_id");
    static final Column TERM = Column.required("学期编号", "term_id", "term");
    static final Column TYPE = Column.required("活动类型", "activity_type", "type");
    static final Column DATE = Column.required("日期", "date");
    static final Column HOURS = Column.optional("学时", "hours");
    static final Column QUANTITY = Column.optional("数量", "quantity", "count");
    static final Column NOTE = Column.optional("备注", "note", "title");
    static final List<Column> COLUMNS = columns(TEACHER, TERM, TYPE, DATE, HOURS, QUANTITY, NOTE);

    private final FactRows rows;

    ActivityImport(Context context) {
        super(context);
        rows = new FactRows(jdbc, "activity", List.of("teacher_id", "term_id", "type", "activity_date", "hours", "quantity", "note"),
                List.of("term_id", "teacher_id", "type", "activity_date", "hours", "quantity"), sourceFile);
    }

    @Override
    void begin() {
        rows.replacePreviousImport();
    }

    @Override
    void accept(RowValues row) {
        String teacher = row.text(TEACHER, 32);
        String term = row.text(TERM, 16);
        ActivityType type = row.parsed(TYPE, ActivityType::parse, "活动类型");
        LocalDate date = row.date(DATE);
        BigDecimal hours = row.raw(HOURS).isEmpty() ? BigDecimal.ZERO : row.decimal(HOURS, 0, limits.maxHoursPerRow());
        Integer quantity = row.raw(QUANTITY).isEmpty() ? Integer.valueOf(1) : row.integer(QUANTITY, 0, limits.maxQuantityPerRow());
        String note = row.text(NOTE, 500);
        if (teacher != null && !references.hasTeacher(teacher)) {
            row.reject(TEACHER, "工号“" + teacher + "”不存在，请先导入教师名单" + references.outsideNote());
        }
        ImportReferences.TermDates dates = term == null ? null : references.term(term);
        if (term != null && dates == null) {
            row.reject(TERM, "学期“" + term + "”不存在，请先导入学期");
        }
        if (dates != null && date != null && !dates.contains(date)) {
            row.reject(DATE, "日期 " + date + " 不在学期 " + term + "（" + dates.start() + " 至 " + dates.end() + "）内");
        }
        if (!row.ok()) {
            return;
        }
        rows.add(List.of(teacher, term, type, date, hours.stripTrailingZeros().toPlainString(), quantity, note),
                teacher, term, type.name(), date, hours, quantity, note);
    }

    @Override
    String finish() {
        rows.flush();
        return FactCounts.of("活动记录", rows);
    }
}
