package cn.yanxiu.web;

import cn.yanxiu.importing.ImportResult;
import cn.yanxiu.importing.SpreadsheetImporter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Uploaded spreadsheets imported in the background, one upload after another, so a county's files do not
 * hold a browser request open for minutes: the page follows the job file by file until its results are in.
 */
@Component
class ImportJobs {

    private static final int KEPT = 50;

    /** One upload being imported: which file is under way, how many are done, and at the end every file's result. */
    static final class Job {
        final String id = UUID.randomUUID().toString();
        final String by;
        final int files;
        volatile int started;
        volatile String current;
        volatile List<ImportResult> results;
        volatile String failure;

        Job(String by, int files) {
            this.by = by;
            this.files = files;
        }

        boolean finished() {
            return results != null || failure != null;
        }
    }

    private final SpreadsheetImporter importer;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "yanxiu-web-import");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    private final cn.yanxiu.audit.AuditLog audit;

    ImportJobs(SpreadsheetImporter importer, cn.yanxiu.audit.AuditLog audit) {
        this.audit = audit;
        this.importer = importer;
    }

    /** Imports the saved files of {@code dir} and deletes the folder afterwards. */
    synchronized Job submit(String by, cn.yanxiu.accounts.Scope scope, Path dir, List<Path> files) {
        Job job = new Job(by, files.size());
        jobs.put(job.id, job);
        while (jobs.size() > KEPT) {
            jobs.remove(jobs.keySet().iterator().next());
        }
        executor.execute(() -> {
            try {
                job.results = importer.importFiles(files, scope, new cn.yanxiu.importing.SpreadsheetImporter.Listener() {
                    @Override
                    public void starting(String file, long rows) {
                        job.current = file;
                        job.started++;
                    }
                });
                audit.record(job.by, "导入", job.results.size() + " 个文件", job.results.stream()
                        .map(r -> r.file() + (r.imported() ? "：已导入" : "：拒绝")).collect(java.util.stream.Collectors.joining("；")));
            } catch (RuntimeException e) {
                job.failure = "导入中断：" + e.getMessage();
            } finally {
                try {
                    FileSystemUtils.deleteRecursively(dir);
                } catch (IOException e) {
                    // a temporary folder left behind is cleaned by the system
                }
            }
        });
        return job;
    }

    /** The job, to the person who started it only. */
    synchronized Job find(String id, String by) {
        Job job = jobs.get(id);
        if (job == null || !job.by.equals(by)) {
            throw new IllegalArgumentException("没有这次导入（可能已过期）：" + id);
        }
        return job;
    }
}
