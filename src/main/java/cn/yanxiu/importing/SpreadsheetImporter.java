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
        this.transactions = transactions;
        this.limits = limits;
    }

    /** Imports files in the order their contents depend on each other, whatever order they were given. */
    public List<ImportResult> importFiles(List<Path> files) {
        return importFiles(files, name -> { });
    }

    /** The same, telling {@code starting} each file's name as its import begins (for a progress display). */
    public List<ImportResult> importFiles(List<Path> files, java.util.function.Consumer<String> starting) {
        Map<Path, Object> kinds = new HashMap<>();
        for (Path file : files) {
            kinds.put(file, peekKind(file));
        }
        List<Path> ordered = new ArrayList<>(files);
        ordered.sort(Comparator.comparingInt(f -> kinds.get(f) instanceof ImportKind k ? k.ordinal() : -1));
        List<ImportResult> results = new ArrayList<>();
        for (Path file : ordered) {
            starting.accept(file.getFileName().toString());
            Object kind = kinds.get(file);
            results.add(kind instanceof ImportKind k ? importFile(file, k) : refused(file, null, (String) kind));
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

    ImportResult importFile(Path file, ImportKind kind) {
        String name = file.getFileName().toString();
        List<RowProblem> problems = new ArrayList<>();
        int[] problemCount = {0};
        try {
            String summary = transactions.execute(status -> {
                FileImportPass pass = new FileImportPass(name, kind,
                        kind.factory.apply(new TableImport.Context(name, jdbc, new ImportReferences(jdbc), limits)));
                TableReader.forFile(file, limits).read(file, pass::accept);
                String done = pass.finish();
                problemCount[0] = pass.problems().size();
                problems.addAll(pass.problems().subList(0, Math.min(PROBLEMS_SHOWN, pass.problems().size())));
                if (!pass.problems().isEmpty()) {
                    status.setRollbackOnly();
                }
                return done;
            });
            return new ImportResult(name, kind.label, summary, problems, problemCount[0]);
        } catch (ImportRejected e) {
            return refused(file, kind.label, e.getMessage());
        } catch (DataAccessException e) {
            return refused(file, kind.label, "写入数据库失败，本文件未导入任何数据: " + e.getMostSpecificCause().getMessage());
        }
    }

    private static ImportResult refused(Path file, String kind, String reason) {
        String name = file.getFileName().toString();
        return new ImportResult(name, kind, null, List.of(new RowProblem(name, 0, "-", reason)), 1);
    }
}
