package cn.yanxiu.importing;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/** 往年学时: hours recognised in earlier academic years, for the three-year target. */
final class PriorHoursImport extends TableImport {

    static final Column TEACHER = Column.required("工号", "teacher_id");
    static final Column YEAR = Column.required("学年", "academic_year");
    static final Column HOURS = Column.required("认定学时", "recognised_hours");
    static final List<Column> COLUMNS = columns(TEACHER, YEAR, HOURS);

    private static final Pattern YEAR_PATTERN = Pattern.compile("\\d{4}-\\d{4}");
    private final FactRows rows;

    PriorHoursImport(Context context) {
        super(context);
        rows = new FactRows(jdbc, "prior_hours", List.of("teacher_id", "academic_year", "hours"), List.of("teacher_id"), sourceFile);
    }

    @Override
    void begin() {
        rows.replacePreviousImport();
    }

    @Override
    void accept(RowValues row) {
        String teacher = row.text(TEACHER, 32);
        String year = row.text(YEAR, 9);
        BigDecimal hours = row.decimal(HOURS, 0, 1000);
        if (teacher != null && !references.hasTeacher(teacher)) {
            row.reject(TEACHER, "工号“" + teacher + "”不存在，请先导入教师名单" + references.outsideNote());
        }
        if (year != null && !YEAR_PATTERN.matcher(year).matches()) {
            row.reject(YEAR, "学年应写作“2024-2025”，实为“" + year + "”");
        }
        if (!row.ok()) {
            return;
        }
        rows.add(List.of(teacher, year), teacher, year, hours);
    }

    @Override
    String finish() {
        rows.flush();
        return FactCounts.of("往年学时", rows);
    }
}
