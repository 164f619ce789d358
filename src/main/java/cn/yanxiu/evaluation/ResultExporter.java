package cn.yanxiu.evaluation;

import cn.yanxiu.rules.vocabulary.Finding;
import cn.yanxiu.system.Progress;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a run's results in the fixed result format (DESIGN.md): one JSON object per teacher in .jsonl, or
 * the same columns in .csv / .xlsx. Streams the rows; spreadsheet cells that begin with = + - @ are
 * neutralised so a name can never become a formula.
 */
@Component
public class ResultExporter {

    static final List<String> COLUMNS = List.of("teacherId", "name", "school", "grade", "finalScore", "routineScore", "yearEndScore",
            "vetoed", "hoursRecognised", "credits", "certificate", "findings");
    static final List<String> HEADERS = List.of("工号", "姓名", "学校", "等级", "最终得分", "平时研修检查得分", "年末研修评价得分",
            "一票否决", "认定学时", "学分", "证书", "结论");

    private final JdbcTemplate jdbc;

    ResultExporter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public int export(long runId, Path out) throws IOException {
        return export(runId, cn.yanxiu.accounts.Scope.PROVINCE, out);
    }

    /** The results of the teachers inside a scope, in the format the file name says (.jsonl, .csv, .xlsx). */
    public int export(long runId, cn.yanxiu.accounts.Scope scope, Path out) throws IOException {
        return export(runId, scope, out, null);
    }

    /** The same, with the rows written so far on {@code progress} (when not null): a province's run is a million rows. */
    public int export(long runId, cn.yanxiu.accounts.Scope scope, Path out, PrintWriter progress) throws IOException {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        if (name.endsWith(".jsonl")) {
            try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                return each(runId, scope, progress, r -> write(w, ResultRows.json(r) + "\n"));
            }
        }
        if (name.endsWith(".csv")) {
            try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                w.write('\uFEFF'); // Excel opens UTF-8 CSV correctly only with a BOM
                w.write(String.join(",", HEADERS) + "\n");
                return each(runId, scope, progress, r -> write(w, String.join(",", cells(r).stream().map(ResultExporter::csv).toList()) + "\n"));
            }
        }
        if (name.endsWith(".xlsx")) {
            try (SXSSFWorkbook workbook = new SXSSFWorkbook(500); OutputStream stream = Files.newOutputStream(out)) {
                Sheet sheet = workbook.createSheet("评价结果");
                Row header = sheet.createRow(0);
                for (int i = 0; i < HEADERS.size(); i++) {
                    header.createCell(i).setCellValue(HEADERS.get(i));
                }
                sheet.createFreezePane(0, 1);
                int[] next = {1};
                int n = each(runId, scope, progress, r -> {
                    Row row = sheet.createRow(next[0]++);
                    List<Object> cells = cells(r);
                    for (int i = 0; i < cells.size(); i++) {
                        Object v = cells.get(i);
                        if (v instanceof Number num) {
                            row.createCell(i).setCellValue(num.doubleValue());
                        } else if (v != null) {
                            row.createCell(i).setCellValue(neutralise(v.toString()));
                        }
                    }
                });
                for (int i = 0; i < HEADERS.size() - 1; i++) {
                    sheet.setColumnWidth(i, 14 * 256);
                }
                sheet.setColumnWidth(HEADERS.size() - 1, 80 * 256);
                workbook.write(stream);
                workbook.dispose();
                return n;
            }
        }
        throw new IllegalArgumentException("输出文件须以 .jsonl、.csv 或 .xlsx 结尾：" + out);
    }

    private int each(long runId, cn.yanxiu.accounts.Scope scope, PrintWriter progressOut, Consumer<Map<String, Object>> sink) {
        int[] count = {0};
        Progress progress = progressOut == null ? null : new Progress("导出结果", -1, progressOut);
        if (progress != null) {
            progress.begin();
        }
        jdbc.query("SELECT r.teacher_id, t.name, s.name, r.grade, r.final_score, r.routine_score, r.year_end_score, r.vetoed, r.hours_recognised, "
                + "r.credits, r.certificate, r.findings_json, r.rule_error, r.details FROM evaluation_result r JOIN teacher t ON t.id = r.teacher_id "
                + "JOIN school s ON s.id = r.school_id WHERE r.run_id = ? AND " + scope.sql("r.school_id") + " ORDER BY r.teacher_id", rs -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("teacherId", rs.getString(1));
                    m.put("name", rs.getString(2));
                    m.put("school", rs.getString(3));
                    m.put("grade", rs.getString(4));
                    m.put("finalScore", number(rs.getBigDecimal(5)));
                    m.put("routineScore", number(rs.getBigDecimal(6)));
                    m.put("yearEndScore", number(rs.getBigDecimal(7)));
                    m.put("vetoed", rs.getBoolean(8));
                    m.put("hoursRecognised", number(rs.getBigDecimal(9)));
                    m.put("credits", number(rs.getBigDecimal(10)));
                    m.put("certificate", rs.getBoolean(11));
                    m.put("findings", findings(rs.getObject(14) == null ? rs.getString(12)
                            : ResultDocuments.read(jdbc, runId, rs.getBytes(14), null, null, null, null).findings()));
                    if (rs.getString(13) != null) {
                        m.put("ruleError", rs.getString(13));
                    }
                    sink.accept(m);
                    count[0]++;
                    if (progress != null) {
                        progress.update(count[0]);
                    }
                }, cn.yanxiu.system.SqlArgs.join(new Object[] {runId}, scope.args()));
        if (progress != null) {
            progress.done(count[0]);
        }
        return count[0];
    }

    static List<Map<String, Object>> findings(String json) {
        try {
            List<Finding> list = ResultRows.JSON.readValue(json, new TypeReference<List<StoredFinding>>() { }).stream()
                    .map(StoredFinding::toFinding).toList();
            return ResultRows.findingsForExport(list);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A finding as stored in findings_json. */
    record StoredFinding(String policy, String rule, String status, double required, double actual, String unit, String message, boolean missed) {
        Finding toFinding() {
            return new Finding(policy, rule, status, required, actual, unit, message);
        }
    }

    private static List<Object> cells(Map<String, Object> r) {
        List<Object> cells = new ArrayList<>();
        for (String c : COLUMNS) {
            Object v = r.get(c);
            if (c.equals("findings")) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> fs = (List<Map<String, Object>>) v;
                v = String.join("；", fs.stream().filter(f -> !"达标".equals(f.get("status")))
                        .map(f -> f.get("policy") + " " + f.get("status") + "：" + f.get("message")).toList());
            } else if (v instanceof Boolean b) {
                v = b ? "是" : "否";
            }
            cells.add(v);
        }
        return cells;
    }

    private static Object number(BigDecimal d) {
        return d == null ? null : d.stripTrailingZeros().scale() <= 0 ? (Object) d.doubleValue() : d.doubleValue();
    }

    /** A cell that begins with = + - @ would run as a formula in Excel: prefix it with an apostrophe. */
    public static String neutralise(String text) {
        return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static String csv(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Number ? value.toString() : neutralise(value.toString());
        return text.contains(",") || text.contains("\"") || text.contains("\n") ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private static void write(BufferedWriter w, String text) {
        try {
            w.write(text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
