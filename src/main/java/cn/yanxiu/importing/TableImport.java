package cn.yanxiu.importing;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The import of one kind of table (schools, teachers, activities …): which columns it reads, how it checks
 * a row, and how it writes. One instance serves one file, inside that file's transaction.
 */
abstract class TableImport {

    protected final String sourceFile;
    protected final JdbcTemplate jdbc;
    protected final ImportReferences references;
    protected final ImportLimits limits;

    TableImport(Context context) {
        this.sourceFile = context.sourceFile();
        this.jdbc = context.jdbc();
        this.references = context.references();
        this.limits = context.limits();
    }

    record Context(String sourceFile, JdbcTemplate jdbc, ImportReferences references, ImportLimits limits) {
    }

    /** Called once before the first row. */
    void begin() {
    }

    /** Checks a row; when it has no problem, stages it for writing. */
    abstract void accept(RowValues row);

    /** Writes what is still staged and says what was done, e.g. "新增 12，更新 3". */
    abstract String finish();

    static String counts(String what, int inserted, int updated) {
        return what + "：新增 " + inserted + "，更新 " + updated;
    }

    static List<Column> columns(Column... columns) {
        return List.of(columns);
    }
}
