package cn.yanxiu.importing;

import java.util.List;
import java.util.function.Function;

/** The kinds of table Yanxiu imports, in the order they depend on each other. */
enum ImportKind {
    SCHOOLS("学校名单", SchoolImport.COLUMNS, SchoolImport::new),
    TERMS("学期", TermImport.COLUMNS, TermImport::new),
    TEACHERS("教师名单", TeacherImport.COLUMNS, TeacherImport::new),
    LEAVES("请假记录", LeaveImport.COLUMNS, LeaveImport::new),
    ACTIVITIES("研修活动记录", ActivityImport.COLUMNS, ActivityImport::new),
    SCORES("评分记录", ScoreImport.COLUMNS, ScoreImport::new),
    ETHICS("师德记录", EthicsImport.COLUMNS, EthicsImport::new),
    PRIOR_HOURS("往年学时", PriorHoursImport.COLUMNS, PriorHoursImport::new);

    final String label;
    final List<Column> columns;
    final Function<TableImport.Context, TableImport> factory;

    ImportKind(String label, List<Column> columns, Function<TableImport.Context, TableImport> factory) {
        this.label = label;
        this.columns = columns;
        this.factory = factory;
    }

    /** True when the header row has every required column of this kind. */
    boolean fits(List<String> headers) {
        return columns.stream().filter(Column::required)
                .allMatch(c -> headers.stream().anyMatch(c::matches));
    }

    long matchedColumns(List<String> headers) {
        return columns.stream().filter(c -> headers.stream().anyMatch(c::matches)).count();
    }

    /** The kind whose required columns the headers hold, preferring the one that explains most columns. */
    static ImportKind detect(List<String> headers) {
        ImportKind best = null;
        for (ImportKind kind : values()) {
            if (kind.fits(headers) && (best == null || kind.matchedColumns(headers) > best.matchedColumns(headers))) {
                best = kind;
            }
        }
        return best;
    }
}
