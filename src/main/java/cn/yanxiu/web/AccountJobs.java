package cn.yanxiu.web;

import cn.yanxiu.accounts.Accounts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Teacher accounts for a whole county created in the background (hashing a thousand passwords takes about a
 * minute): the page follows the progress, and at the end offers the password sheets — one worksheet per school,
 * to print and hand out — once. The job lives in the database, so any instance behind the balancer shows it and
 * hands out the sheets; the sheets are deleted on that one download, and unclaimed ones after a day.
 */
@Component
class AccountJobs {

    /** Jobs (and sheets never downloaded) older than this are removed when a new one starts. */
    private static final Duration KEPT = Duration.ofDays(1);
    /** A running job whose instance has written nothing for this long has stopped with it. */
    private static final Duration SILENT = Duration.ofMinutes(2);
    /** Progress is written at most this often (a thousand hashes would otherwise be a thousand updates). */
    private static final long PROGRESS_EVERY_MS = 500;

    /** One creation job as stored; its methods are what the page reads (the passwords are never on it). */
    public record Job(String id, String by, int done, int total, Integer createdCount, Map<String, Integer> bySchool, boolean downloaded,
                      String failure) {

        public boolean finished() {
            return createdCount != null || failure != null;
        }
    }

    private final Accounts accounts;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "yanxiu-web-accounts");
        t.setDaemon(true);
        return t;
    });

    AccountJobs(Accounts accounts, JdbcTemplate jdbc) {
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    String submit(String by, cn.yanxiu.accounts.Scope scope) {
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("DELETE FROM account_job WHERE created_at < ?", Timestamp.from(now.toInstant().minus(KEPT)));
        jdbc.update("INSERT INTO account_job (id, started_by, done, total, created_at, updated_at) VALUES (?, ?, 0, -1, ?, ?)", id, by, now, now);
        executor.execute(() -> {
            AtomicLong written = new AtomicLong();
            try {
                List<Accounts.Created> created = accounts.createForTeachers(by, scope, (done, total) -> {
                    long at = System.currentTimeMillis();
                    long last = written.get();
                    if ((done == total || at - last >= PROGRESS_EVERY_MS) && written.compareAndSet(last, at)) {
                        jdbc.update("UPDATE account_job SET done = GREATEST(done, ?), total = ?, updated_at = ? WHERE id = ?", done, total,
                                Timestamp.from(Instant.now()), id);
                    }
                });
                Map<String, Integer> bySchool = new LinkedHashMap<>();
                created.forEach(c -> bySchool.merge(c.school() == null ? "（未分校）" : c.school(), 1, Integer::sum));
                jdbc.update("UPDATE account_job SET done = ?, total = ?, created_count = ?, schools_json = ?, sheets = ?, updated_at = ? WHERE id = ?",
                        created.size(), created.size(), created.size(), json.writeValueAsString(bySchool), sheets(created), Timestamp.from(Instant.now()), id);
            } catch (RuntimeException | JsonProcessingException e) {
                String failure = "创建账号中断：" + e.getMessage() + "（已创建的账号不受影响，可再次点击为其余教师创建）";
                jdbc.update("UPDATE account_job SET failure = ?, updated_at = ? WHERE id = ?", failure.length() > 2000 ? failure.substring(0, 2000) : failure,
                        Timestamp.from(Instant.now()), id);
            }
        });
        return id;
    }

    /** The job, seen only by the administrator who started it. */
    Job find(String id, String by) {
        return jdbc.query("SELECT id, started_by, done, total, created_count, schools_json, downloaded_at, failure, updated_at FROM account_job "
                + "WHERE id = ? AND started_by = ?", (rs, i) -> {
                    Integer count = (Integer) rs.getObject(5, Integer.class);
                    String failure = rs.getString(8);
                    if (count == null && failure == null && rs.getTimestamp(9).toInstant().isBefore(Instant.now().minus(SILENT))) {
                        // the accounts are stored together at the end: a job that stopped midway created none
                        failure = "创建账号中断：负责这项任务的服务实例已停止，未创建任何账号；请再次点击“从教师名单创建账号”";
                    }
                    return new Job(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), count, schools(rs.getString(6)),
                            rs.getTimestamp(7) != null, failure);
                }, id, by).stream().findFirst().orElse(null);
    }

    /**
     * The password sheets as an XLSX, once: they are deleted from the database in the same step, so of two
     * requests (on any instances) only one gets them; a lost sheet means resetting those passwords.
     */
    byte[] takeSheets(String id, String by) {
        List<byte[]> sheets = jdbc.query("SELECT sheets FROM account_job WHERE id = ? AND started_by = ? AND sheets IS NOT NULL",
                (rs, i) -> rs.getBytes(1), id, by);
        if (sheets.isEmpty() || jdbc.update("UPDATE account_job SET sheets = NULL, downloaded_at = ? WHERE id = ? AND sheets IS NOT NULL",
                Timestamp.from(Instant.now()), id) == 0) {
            return null;
        }
        return sheets.get(0);
    }

    private Map<String, Integer> schools(String stored) {
        try {
            return stored == null ? Map.of() : json.readValue(stored, new TypeReference<LinkedHashMap<String, Integer>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
