package cn.yanxiu.importing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports spreadsheets into the database. Files go in dependency order (schools, terms, teachers, logs);
 * each file is imported whole in one transaction or not at all.
 */
@Service
public class SpreadsheetImporter {

    /** Problems kept in full per file; the rest are counted. */
    static final int PROBLEMS_SHOWN = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ImportLimits limits;

    SpreadsheetImporter(JdbcTemplate jdbc, TransactionTemplate transactions, ImportLimits limits) {
        this.jdbc = jdbc;
        // each file's transaction reads committed data: under MySQL's and MariaDB's repeatable read, a correction that
        // deleted thousands of its file's rows also held a lock on the row after them — the first row of the file
        // imported next — and that file's own correction, another county's, waited for the hour-long one and failed
        this.transactions = new TransactionTemplate(transactions.getTransactionManager(), transactions);
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.limits = limits;
    }

    /** Told how far an import has got, for a progress display. */
    public interface Listener {
        /** A file is taken up, before its rows are counted (a CSV of a province's term takes seconds to count). */
        default void opening(String file) {
        }

        /** A file's import begins; {@code rows}: its data rows as counted before reading (a CSV's lines), or -1 when not known. */
        default void starting(String file, long rows) {
        }

        /** Data rows of the current file read so far (called every {@value #EVERY} rows). */
        default void read(long rows) {
        }

        /** The current file is read: its data rows. */
        default void finished(long rows) {
        }

        int EVERY = 1024;
    }

    /** Imports files in the order their contents depend on each other, whatever order they were given. */
    public List<ImportResult> importFiles(List<Path> files) {
        return importFiles(files, new Listener() { });
    }

    /** The same, telling {@code starting} each file's name as its import begins (for a progress display). */
    public List<ImportResult> importFiles(List<Path> files, java.util.function.Consumer<String> starting) {
        return importFiles(files, new Listener() {
            @Override
            public void starting(String file, long rows) {
                starting.accept(file);
            }
        });
    }

    /** The same, telling {@code listener} each file's start, the rows read inside it, and its end. */
    public List<ImportResult> importFiles(List<Path> files, Listener listener) {
        return importFiles(files, cn.yanxiu.accounts.Scope.PROVINCE, listener);
    }

    /**
     * The same for an administrator whose reach is {@code scope}: outside the province, only teacher lists and logs
     * of the scope's schools and teachers are taken (a row about anyone else is refused like an unknown one), and
     * re-importing a file replaces only what the same scope brought with it.
     */
    public List<ImportResult> importFiles(List<Path> files, cn.yanxiu.accounts.Scope scope, Listener listener) {
        Map<Path, Object> kinds = new HashMap<>();
        for (Path file : files) {
            kinds.put(file, peekKind(file));
        }
        List<Path> ordered = new ArrayList<>(files);
        ordered.sort(Comparator.comparingInt(f -> kinds.get(f) instanceof ImportKind k ? k.ordinal() : -1));
        List<ImportResult> results = new ArrayList<>();
        for (Path file : ordered) {
            listener.opening(file.getFileName().toString());
            listener.starting(file.getFileName().toString(), dataRows(file));
            Object kind = kinds.get(file);
            results.add(kind instanceof ImportKind k ? importFile(file, k, scope, listener) : refused(file, null, (String) kind));
        }
        return results;
    }

    /** The kind of table a file holds, or the reason it cannot be read, from its header row alone. */
    private Object peekKind(Path file) {
        try {
            List<String> headers = HeaderPeek.headers(TableReader.forFile(file, limits), file);
            if (headers == null) {
                return "文件没有任何内容";
            }
            ImportKind kind = ImportKind.detect(headers);
            return kind != null ? kind : "无法识别表格类型：表头 " + headers + " 不含任一种表格的全部必需列（见 data-samples/README.md）";
        } catch (ImportRejected e) {
            return e.getMessage();
        }
    }

    /** A CSV file's data rows, counted as line breaks less the header (a quoted line break counts too: an estimate); -1 for a workbook. */
    private static long dataRows(Path file) {
        if (!file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
            return -1;
        }
        long lines = 0;
        byte last = '\n';
        byte[] buffer = new byte[1 << 16];
        try (var in = java.nio.file.Files.newInputStream(file)) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                last = buffer[n - 1];
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        if (last != '\n') {
            lines++;
        }
        return Math.max(0, lines - 1);
    }

    ImportResult importFile(Path file, ImportKind kind) {
        return importFile(file, kind, cn.yanxiu.accounts.Scope.PROVINCE, new Listener() { });
    }

    private ImportResult importFile(Path file, ImportKind kind, cn.yanxiu.accounts.Scope scope, Listener listener) {
        String name = file.getFileName().toString();
        if (!scope.province() && (kind == ImportKind.SCHOOLS || kind == ImportKind.TERMS)) {
            return refused(file, kind.label, "只有省级管理员可以导入" + kind.label + "；您的范围是" + scope + "，本文件未导入任何数据");
        }
        // what a scope imported is replaced only by the same scope's re-import of that file
        String source = scope.province() ? name : "[" + scope.id() + "] " + name;
        List<RowProblem> problems = new ArrayList<>();
        int[] problemCount = {0};
        boolean[] committing = {false};
        try {
            String summary = transactions.execute(status -> {
                FileImportPass pass = new FileImportPass(name, kind,
                        kind.factory.apply(new TableImport.Context(source, jdbc, new ImportReferences(jdbc, scope), limits)));
                TableReader.forFile(file, limits).read(file, row -> {
                    pass.accept(row);
                    if (pass.dataRows() % Listener.EVERY == 0 && pass.dataRows() > 0) {
                        listener.read(pass.dataRows());
                    }
                });
                String done = pass.finish();
                listener.finished(pass.dataRows());
                problemCount[0] = pass.problems().size();
                problems.addAll(pass.problems().subList(0, Math.min(PROBLEMS_SHOWN, pass.problems().size())));
                if (!pass.problems().isEmpty()) {
                    status.setRollbackOnly();
                }
                committing[0] = pass.problems().isEmpty();
                return done;
            });
            return new ImportResult(name, kind.label, summary, problems, problemCount[0]);
        } catch (ImportRejected e) {
            return refused(file, kind.label, e.getMessage());
        } catch (DataAccessException | IllegalStateException e) {
            if (lockTableFull(e)) {
                return refused(file, kind.label, "文件太大，数据库无法在一次导入中容纳（MySQL/MariaDB 错误 1206：锁表已满，其上限随 "
                        + "innodb_buffer_pool_size 而定），本文件未导入任何数据。请把文件按学校或月份拆成几个分别导入，或调大 innodb_buffer_pool_size（见 README 的 Databases）");
            }
            if (diskFull(e)) {
                return refused(file, kind.label, "数据库服务器的磁盘已满（或表已达其文件系统的上限），本文件未导入任何数据；"
                        + "请为数据库腾出磁盘空间后重新导入（MariaDB 存一条活动记录连同索引约 0.5 KB，见 README 的 Databases）");
            }
            if (lockWaitGaveUp(e)) {
                return refused(file, kind.label, "数据库在等待另一项写入（另一个导入或运行正在写同一批数据）时超时，本文件未导入任何数据；"
                        + "请在那项写入完成后重新导入本文件");
            }
            if (e instanceof DataAccessException access && committing[0]) {
                // the commit was sent and no answer came back: the server may have stored the file or not
                return refused(file, kind.label, "数据库连接在提交本文件时中断（" + access.getMostSpecificCause().getMessage()
                        + "），无法确定本文件是否已导入；请再导入一次同一文件：同一文件再次导入不会重复，只会替换为同样的内容");
            }
            if (e instanceof DataAccessException access) {
                return refused(file, kind.label, "写入数据库失败，本文件未导入任何数据: " + access.getMostSpecificCause().getMessage());
            }
            throw e;
        }
    }

    /** MySQL's and MariaDB's error code for "lock table is full". */
    private static final java.util.Set<Integer> LOCK_TABLE_FULL = java.util.Set.of(1206);
    /**
     * The errors of a transaction that gave up waiting for another's locks: MySQL's and MariaDB's lock wait timeout,
     * deadlock, and the auto-increment lock a bulk load waits for ("Failed to read auto-increment value"); H2's
     * lock timeout and deadlock.
     */
    private static final java.util.Set<Integer> LOCK_WAIT_GAVE_UP = java.util.Set.of(1205, 1213, 1467, 50200, 40001);

    /** MySQL's and MariaDB's "the table is full" and "disk full": the server has no room left for the file's rows. */
    private static final java.util.Set<Integer> DISK_FULL = java.util.Set.of(1114, 1021);

    /** MySQL's and MariaDB's "lock table is full": one file's rows outgrew the locks one transaction may hold. */
    static boolean lockTableFull(Throwable failure) {
        return errorCodeIn(failure, LOCK_TABLE_FULL);
    }

    /** The database server ran out of room for the file's rows (and rolled it back). */
    static boolean diskFull(Throwable failure) {
        return errorCodeIn(failure, DISK_FULL);
    }

    /** The file's transaction gave up waiting for another writer's locks (and was rolled back). */
    static boolean lockWaitGaveUp(Throwable failure) {
        return errorCodeIn(failure, LOCK_WAIT_GAVE_UP);
    }

    private static boolean errorCodeIn(Throwable failure, java.util.Set<Integer> codes) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && codes.contains(sql.getErrorCode())) {
                return true;
            }
        }
        return false;
    }

    private static ImportResult refused(Path file, String kind, String reason) {
        String name = file.getFileName().toString();
        return new ImportResult(name, kind, null, List.of(new RowProblem(name, 0, "-", reason)), 1);
    }
}
