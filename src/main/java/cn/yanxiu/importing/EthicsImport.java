package cn.yanxiu.importing;

import java.time.LocalDate;
import java.util.List;

/** 师德记录: whether a teacher's professional ethics met the standard in a term, and any violation. */
final class EthicsImport extends TableImport {

    static final Column TEACHER = Column.required("工号", "teacher_id");
    static final Column TERM = Column.required("学期编号", "term_id", "term");
    static final Column MET = Column.required("师德达标", "standard_met", "ethics_ok");
    static final Column DATE = Column.required("日期", "date");
    static final Column DESCRIPTION = Column.optional("情况说明", "description");
    static final List<Column> COLUMNS = columns(TEACHER, TERM, MET, DATE, DESCRIPTION);

    private final FactRows rows;

    EthicsImport(Context context) {
        super(context);
        rows = new FactRows(jdbc, "ethics_record", List.of("teacher_id", "term_id", "standard_met", "recorded_on", "description"),
                List.of("term_id", "teacher_id"), sourceFile);
    }

    @Override
    void begin() {
        rows.replacePreviousImport();
    }

    @Override
    void accept(RowValues row) {
        String teacher = row.text(TEACHER, 32);
        String term = row.text(TERM, 16);
        Boolean met = row.yesNo(MET);
        LocalDate date = row.date(DATE);
        String description = row.text(DESCRIPTION, 500);
        if (teacher != null && !references.hasTeacher(teacher)) {
            row.reject(TEACHER, "工号“" + teacher + "”不存在，请先导入教师名单" + references.outsideNote());
        }
        ImportReferences.TermDates dates = term == null ? null : references.term(term);
        if (term != null && dates == null) {
            row.reject(TERM, "学期“" + term + "”不存在，请先导入学期");
        }
        if (dates != null && date != null && !dates.contains(date)) {
            row.reject(DATE, "日期 " + date + " 不在学期 " + term + " 内");
        }
        if (Boolean.FALSE.equals(met) && (description == null || description.isEmpty())) {
            row.reject(DESCRIPTION, "师德不达标时必须写明情况");
        }
        if (!row.ok()) {
            return;
        }
        rows.add(List.of(teacher, term, date), teacher, term, met, date, description);
    }

    @Override
    String finish() {
        rows.flush();
        return FactCounts.of("师德记录", rows);
    }
}
