package cn.yanxiu.web;

import cn.yanxiu.accounts.Accounts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * Teacher accounts for a whole county created in the background (hashing a thousand passwords takes about a
 * minute): the page follows the progress, and at the end offers the password sheets — one worksheet per school,
 * to print and hand out — once. The passwords are kept only in memory and only until that one download.
 */
@Component
class AccountJobs {

    private static final int KEPT = 20;

    /** One creation job; its public methods are what the page reads. */
    public static final class Job {
        final String id = UUID.randomUUID().toString();
        final String by;
        volatile int done;
        volatile int total = -1;
        volatile List<Accounts.Created> created;
        volatile String failure;
        volatile boolean downloaded;

        Job(String by) {
            this.by = by;
        }

        public String id() {
            return id;
        }

        public int done() {
            return done;
        }

        public int total() {
            return total;
        }

        public String failure() {
            return failure;
        }

        public boolean downloaded() {
            return downloaded;
        }

        /** How many accounts were created (the passwords themselves are never on the page). */
        public int createdCount() {
            return created == null ? 0 : created.size();
        }

        public boolean finished() {
            return created != null || failure != null;
        }

        /** The schools on the sheets and how many accounts each: for the page, without the passwords. */
        public Map<String, Integer> bySchool() {
            Map<String, Integer> counts = new LinkedHashMap<>();
            if (created != null) {
                created.forEach(c -> counts.merge(c.school() == null ? "（未分校）" : c.school(), 1, Integer::sum));
            }
            return counts;
        }
    }

    private final Accounts accounts;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "yanxiu-web-accounts");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    AccountJobs(Accounts accounts) {
        this.accounts = accounts;
    }

    synchronized Job submit(String by, cn.yanxiu.accounts.Scope scope) {
        Job job = new Job(by);
        jobs.put(job.id, job);
        while (jobs.size() > KEPT) {
            jobs.remove(jobs.keySet().iterator().next());
        }
        executor.execute(() -> {
            try {
                job.created = accounts.createForTeachers(by, scope, (done, total) -> {
                    job.done = done;
                    job.total = total;
                });
            } catch (RuntimeException e) {
                job.failure = "创建账号中断：" + e.getMessage() + "（已创建的账号不受影响，可再次点击为其余教师创建）";
            }
        });
        return job;
    }

    /** The job, seen only by the administrator who started it. */
    synchronized Job find(String id, String by) {
        Job job = jobs.get(id);
        return job != null && job.by.equals(by) ? job : null;
    }

    /**
     * The password sheets as an XLSX, once: the passwords are then dropped from memory, and a second request gets
     * nothing (a lost sheet means resetting those passwords).
     */
    synchronized byte[] takeSheets(Job job) {
        if (job.created == null || job.downloaded) {
            return null;
        }
        byte[] sheets = sheets(job.created);
        job.downloaded = true;
        job.created = job.created.stream().map(c -> new Accounts.Created(c.username(), c.displayName(), c.roles(), "", c.schoolId(), c.school())).toList();
        return sheets;
    }

    static byte[] sheets(List<Accounts.Created> created) {
        Map<String, List<Accounts.Created>> bySchool = new LinkedHashMap<>();
        created.forEach(c -> bySchool.computeIfAbsent(c.school() == null ? "未分校" : c.school(), k -> new java.util.ArrayList<>()).add(c));
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            java.util.Set<String> names = new java.util.HashSet<>();
            bySchool.forEach((school, list) -> {
                Sheet sheet = workbook.createSheet(sheetName(school, names));
                header(sheet.createRow(0), school + " 教师账号初始密码（请分发到本人，并提醒首次登录后修改）");
                header(sheet.createRow(1), "用户名（工号）", "姓名", "角色", "初始密码", "本人签收");
                int r = 2;
                for (Accounts.Created c : list) {
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(c.username());
                    row.createCell(1).setCellValue(c.displayName());
                    row.createCell(2).setCellValue(String.join("、", c.roles().stream().map(cn.yanxiu.accounts.AccountRole::label).toList()));
                    row.createCell(3).setCellValue(c.password());
                    row.createCell(4).setCellValue("");
                }
                for (int col = 0; col < 5; col++) {
                    sheet.setColumnWidth(col, (col == 2 ? 18 : 16) * 256);
                }
                sheet.getPrintSetup().setLandscape(false);
                sheet.setFitToPage(true);
                sheet.getPrintSetup().setFitWidth((short) 1);
                sheet.getPrintSetup().setFitHeight((short) 0);
                sheet.setRepeatingRows(new org.apache.poi.ss.util.CellRangeAddress(1, 1, 0, 4));
            });
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A worksheet name Excel accepts: no []:*?/\, at most 31 characters, unique in the workbook. */
    private static String sheetName(String school, java.util.Set<String> taken) {
        String base = school.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        base = base.isEmpty() ? "学校" : base.length() > 28 ? base.substring(0, 28) : base;
        String name = base;
        for (int i = 2; !taken.add(name); i++) {
            name = base + "-" + i;
        }
        return name;
    }

    private static void header(Row row, String... cells) {
        for (int c = 0; c < cells.length; c++) {
            row.createCell(c).setCellValue(cells[c]);
        }
    }
}
