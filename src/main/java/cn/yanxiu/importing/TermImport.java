package cn.yanxiu.importing;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/** 学期: the terms of an academic year, with dates and teaching weeks. */
final class TermImport extends TableImport {

    static final Column ID = Column.required("学期编号", "term_id", "term");
    static final Column YEAR = Column.required("学年", "academic_year");
    static final Column NUMBER = Column.required("学期", "term_no");
    static final Column NAME = Column.optional("学期名称", "term_name");
    static final Column START = Column.required("开始日期", "start_date", "start");
    static final Column END = Column.required("结束日期", "end_date", "end");
    static final Column WEEKS = Column.required("教学周数", "teaching_weeks", "weeks");
    static final List<Column> COLUMNS = columns(ID, YEAR, NUMBER, NAME, START, END, WEEKS);

    private static final Pattern YEAR_PATTERN = Pattern.compile("(\\d{4})-(\\d{4})");
    private final UpsertRows terms;

    TermImport(Context context) {
        super(context);
        terms = new UpsertRows(jdbc, "term", List.of("id", "academic_year", "term_no", "name", "start_date", "end_date", "teaching_weeks"));
    }

    @Override
    void accept(RowValues row) {
        String id = row.text(ID, 16);
        String year = row.text(YEAR, 9);
        Integer number = row.integer(NUMBER, 1, 2);
        String name = row.text(NAME, 64);
        LocalDate start = row.date(START);
        LocalDate end = row.date(END);
        Integer weeks = row.integer(WEEKS, 1, 30);
        if (year != null) {
            var m = YEAR_PATTERN.matcher(year);
            if (!m.matches() || Integer.parseInt(m.group(2)) != Integer.parseInt(m.group(1)) + 1) {
                row.reject(YEAR, "学年应写作“2025-2026”，实为“" + year + "”");
            }
        }
        if (id != null && year != null && number != null && !id.equals(year + "-" + number)) {
            row.reject(ID, "学期编号应为“" + year + "-" + number + "”，实为“" + id + "”");
        }
        if (start != null && end != null && !end.isAfter(start)) {
            row.reject(END, "结束日期 " + end + " 不晚于开始日期 " + start);
        }
        if (!row.ok()) {
            return;
        }
        String label = name == null || name.isEmpty() ? year + "学年第" + (number == 1 ? "一" : "二") + "学期" : name;
        terms.add(id, year, number, label, start, end, weeks);
    }

    @Override
    String finish() {
        terms.flush();
        return counts("学期", terms.inserted(), terms.updated());
    }
}
