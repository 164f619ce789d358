package cn.yanxiu.web;

import cn.yanxiu.importing.ImportResult;
import cn.yanxiu.importing.SpreadsheetImporter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Uploaded spreadsheets imported in the background, one upload after another, so a county's files do not
 * hold a browser request open for minutes: the page follows the job file by file until its results are in.
 * The job's state is kept in the database, so the page may be served by any instance behind the balancer.
 */
@Component
class ImportJobs {

    /** Finished jobs older than this are removed when a new one starts. */
    private static final Duration KEPT = Duration.ofDays(7);

    /** One upload as stored: which file is under way, how many have started, and at the end every file's result. */
    record Job(String id, String by, int files, int started, String current, List<ImportResult> results, String failure) {
        boolean finished() {
            return results != null || failure != null;
        }
    }

    private final SpreadsheetImporter importer;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "yanxiu-web-import");
        t.setDaemon(true);
        return t;
    });

    private final cn.yanxiu.audit.AuditLog audit;

    ImportJobs(SpreadsheetImporter importer, JdbcTemplate jdbc, cn.yanxiu.audit.AuditLog audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.importer = importer;
    }

    /** Imports the saved files of {@code dir} (as far as {@code scope} reaches) and deletes the folder afterwards. */
    String submit(String by, cn.yanxiu.accounts.Scope scope, Path dir, List<Path> files) {
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("DELETE FROM import_job WHERE created_at < ?", Timestamp.from(now.toInstant().minus(KEPT)));
        jdbc.update("INSERT INTO import_job (id, started_by, files, started, created_at) VALUES (?, ?, ?, 0, ?)", id, by, files.size(), now);
        executor.execute(() -> {
            try {
                List<ImportResult> results = importer.importFiles(files, scope, new SpreadsheetImporter.Listener() {
                    @Override
                    public void starting(String file, long rows) {
                        jdbc.update("UPDATE import_job SET started = started + 1, current_file = ? WHERE id = ?", file, id);
                    }
                });
                jdbc.update("UPDATE import_job SET results_json = ? WHERE id = ?", json.writeValueAsString(results), id);
                audit.record(by, "导入", results.size() + " 个文件", results.stream()
                        .map(r -> r.file() + (r.imported() ? "：已导入" : "：拒绝")).collect(java.util.stream.Collectors.joining("；")));
            } catch (RuntimeException | JsonProcessingException e) {
                String failure = "导入中断：" + e.getMessage();
                jdbc.update("UPDATE import_job SET failure = ? WHERE id = ?", failure.length() > 2000 ? failure.substring(0, 2000) : failure, id);
            } finally {
                try {
                    FileSystemUtils.deleteRecursively(dir);
                } catch (IOException e) {
                    // a temporary folder left behind is cleaned by the system
                }
            }
        });
        return id;
    }

    /** The job, to the person who started it only. */
    Job find(String id, String by) {
        return jdbc.query("SELECT id, started_by, files, started, current_file, results_json, failure FROM import_job WHERE id = ? AND started_by = ?",
                (rs, i) -> new Job(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5), results(rs.getString(6)), rs.getString(7)),
                id, by).stream().findFirst().orElseThrow(() -> new IllegalArgumentException("没有这次导入（可能已过期）：" + id));
    }

    private List<ImportResult> results(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return json.readValue(stored, new TypeReference<List<ImportResult>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("导入结果无法读取：" + e.getOriginalMessage(), e);
        }
    }
}
