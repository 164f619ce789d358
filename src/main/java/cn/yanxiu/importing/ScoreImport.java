package cn.yanxiu.importing;

import cn.yanxiu.activity.ScoreKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** 评分记录: routine inspection scores and the four year-end views. */
final class ScoreImport extends TableImport {

    static final Column TEACHER = Column.required("工号", "teacher_id");
    static final Column TERM = Column.required("学期编号", "term_id", "term");
    static final Column KIND = Column.required("评分类型", "score_kind", "kind");
    static final Column SCORE = Column.required("分数", "score");
    static final Column DATE = Column.optional("日期", "date");
    static final List<Column> COLUMNS = columns(TEACHER, TERM, KIND, SCORE, DATE);

    private final FactRows rows;

    ScoreImport(Context context) {
        super(context);
        rows = new FactRows(jdbc, "score_record", List.of("teacher_id", "term_id", "kind", "score", "recorded_on"),
                List.of("term_id", "teacher_id", "kind", "score"), sourceFile);
    }

    @Override
    void begin() {
        rows.replacePreviousImport();
    }

    @Override
    void accept(RowValues row) {
        String teacher = row.text(TEACHER, 32);
        String term = row.text(TERM, 16);
        ScoreKind kind = row.parsed(KIND, ScoreKind::parse, "评分类型（平时检查/教师自评/小组互评/校长导评/指导组审评）");
        BigDecimal score = row.decimal(SCORE, 0, 100);
        LocalDate date = row.raw(DATE).isEmpty() ? null : row.date(DATE);
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
        if (!row.ok()) {
            return;
        }
        LocalDate recorded = date != null ? date : dates.end();
        rows.add(List.of(teacher, term, kind, recorded), teacher, term, kind.name(), score, recorded);
    }

    @Override
    String finish() {
        rows.flush();
        return FactCounts.of("评分记录", rows);
    }
}
