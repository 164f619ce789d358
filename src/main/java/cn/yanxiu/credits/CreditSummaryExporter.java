package cn.yanxiu.credits;

import cn.yanxiu.activity.ActivityType;
import cn.yanxiu.evaluation.ResultExporter;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 学分认定汇总表 (C2): per school, each teacher's current ledger entry for a term — hours by kind from the
 * logs, recognised hours, credits, grade, status and who approved when — with a total row, written as
 * streaming XLSX with Chinese headers, a frozen header row and neutralised text cells.
 */
@Component
public class CreditSummaryExporter {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(cn.yanxiu.system.Times.zone());
    private final JdbcTemplate jdbc;

    CreditSummaryExporter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the sheet and returns the number of teachers listed. */
    public int write(String termId, String schoolId, Path out) throws IOException {
        return write(termId, schoolId == null ? cn.yanxiu.accounts.Scope.PROVINCE : cn.yanxiu.accounts.Scope.school(schoolId), out);
    }

    /** The sheet of the teachers inside a scope (a county administrator's own county). */
    public int write(String termId, cn.yanxiu.accounts.Scope scope, Path out) throws IOException {
        String schoolCondition = " AND " + scope.sql("t.school_id");
        Object[] args = cn.yanxiu.system.SqlArgs.join(new Object[] {termId}, scope.args());
        Map<String, Map<ActivityType, BigDecimal>> hoursByKind = HoursByKind.of(jdbc, termId, scope);
        List<ActivityType> kinds = new ArrayList<>();
        for (ActivityType type : ActivityType.values()) {
            if (hoursByKind.values().stream().anyMatch(m -> m.containsKey(type))) {
                kinds.add(type);
            }
        }
        Map<Long, Map<CreditStep, String>> approvals = new HashMap<>();
        jdbc.query("SELECT s.entry_id, s.step, s.decision, s.actor, s.acted_at, s.comment FROM credit_step s JOIN credit_entry e ON e.id = s.entry_id "
                + "JOIN teacher t ON t.id = e.teacher_id WHERE e.term_id = ? AND e.status <> 'SUPERSEDED'" + schoolCondition + " ORDER BY s.id", rs -> {
                    String text = rs.getString(4) + " " + DAY.format(rs.getTimestamp(5).toInstant())
                            + ("RETURNED".equals(rs.getString(3)) ? " 退回" : "") + (rs.getString(6) == null ? "" : "（" + rs.getString(6) + "）");
                    approvals.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(CreditStep.class)).put(CreditStep.valueOf(rs.getString(2)), text);
                }, args);

        List<String> headers = new ArrayList<>(List.of("学校", "工号", "姓名", "教研组", "等级"));
        kinds.forEach(k -> headers.add(k.label() + "（学时）"));
        headers.addAll(List.of("认定学时", "学分", "状态", CreditStep.GROUP.label(), CreditStep.OFFICE.label(), CreditStep.REGISTER.label(), "更正原因"));
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        int[] listed = {0};
        BigDecimal[] totals = {BigDecimal.ZERO, BigDecimal.ZERO};
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(500); OutputStream stream = Files.newOutputStream(out)) {
            Sheet sheet = workbook.createSheet("学分认定汇总表");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            String unit = scope.province() ? "全县" : jdbc.queryForObject("SELECT name FROM " + (scope.level() == cn.yanxiu.accounts.Scope.Level.SCHOOL
                    ? "school" : "district") + " WHERE id = ?", String.class, scope.id());
            String termName = jdbc.query("SELECT name FROM term WHERE id = ?", (rs, i) -> rs.getString(1), termId).stream().findFirst().orElse(termId);
            cn.yanxiu.exports.PrintedForm.heading(workbook, sheet, headers.size(), "学分认定汇总表",
                    "填报单位：" + unit + "　　学期：" + termName + "（" + termId + "）　　导出时间：" + DAY.format(java.time.Instant.now()));
            Row header = sheet.createRow(cn.yanxiu.exports.PrintedForm.HEADER_ROW);
            for (int i = 0; i < headers.size(); i++) {
                header.createCell(i).setCellValue(headers.get(i));
                header.getCell(i).setCellStyle(bold);
                sheet.setColumnWidth(i, Math.max(10, headers.get(i).length() * 2 + 2) * 256);
            }
            sheet.setColumnWidth(0, 22 * 256);
            for (int i = headers.size() - 4; i < headers.size(); i++) {
                sheet.setColumnWidth(i, 30 * 256);
            }
            sheet.createFreezePane(0, cn.yanxiu.exports.PrintedForm.HEADER_ROW + 1);
            cn.yanxiu.exports.PrintedForm.printLayout(sheet);
            int first = cn.yanxiu.exports.PrintedForm.HEADER_ROW;
            jdbc.query("SELECT s.name, e.teacher_id, t.name, g.name, e.grade, e.hours, e.credits, e.status, e.id, e.reason "
                    + "FROM credit_entry e JOIN teacher t ON t.id = e.teacher_id JOIN school s ON s.id = t.school_id "
                    + "LEFT JOIN research_group g ON g.id = t.group_id WHERE e.term_id = ? AND e.status <> 'SUPERSEDED'" + schoolCondition
                    + " ORDER BY t.school_id, e.teacher_id", rs -> {
                        Row row = sheet.createRow(first + ++listed[0]);
                        List<Object> cells = new ArrayList<>(List.of(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4) == null ? "" : rs.getString(4), rs.getString(5) == null ? "" : rs.getString(5)));
                        Map<ActivityType, BigDecimal> own = hoursByKind.getOrDefault(rs.getString(2), Map.of());
                        kinds.forEach(k -> cells.add(own.getOrDefault(k, BigDecimal.ZERO)));
                        Map<CreditStep, String> steps = approvals.getOrDefault(rs.getLong(9), Map.of());
                        cells.addAll(List.of(rs.getBigDecimal(6), rs.getBigDecimal(7), CreditStatus.valueOf(rs.getString(8)).label(),
                                steps.getOrDefault(CreditStep.GROUP, ""), steps.getOrDefault(CreditStep.OFFICE, ""),
                                steps.getOrDefault(CreditStep.REGISTER, ""), rs.getString(10) == null ? "" : rs.getString(10)));
                        totals[0] = totals[0].add(rs.getBigDecimal(6));
                        totals[1] = totals[1].add(rs.getBigDecimal(7));
                        fill(row, cells);
                    }, args);
            Row total = sheet.createRow(first + listed[0] + 1);
            List<Object> cells = new ArrayList<>(List.of(scope.level() == cn.yanxiu.accounts.Scope.Level.SCHOOL ? "全校合计" : "全县合计", listed[0] + " 人", "", "", ""));
            kinds.forEach(k -> cells.add(""));
            cells.addAll(List.of(totals[0], totals[1]));
            fill(total, cells);
            total.getCell(0).setCellStyle(bold);
            cn.yanxiu.exports.PrintedForm.signatures(sheet, first + listed[0] + 1,
                    "填表人：＿＿＿＿＿＿　　教研组长：＿＿＿＿＿＿　　教导处审核（签章）：＿＿＿＿＿＿　　学校负责人（签章）：＿＿＿＿＿＿",
                    "（学校盖章）　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　年　　月　　日");
            workbook.write(stream);
            workbook.dispose();
        }
        return listed[0];
    }

    private static void fill(Row row, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            Object v = cells.get(i);
            if (v instanceof BigDecimal d) {
                row.createCell(i).setCellValue(d.doubleValue());
            } else if (v instanceof Number n) {
                row.createCell(i).setCellValue(n.doubleValue());
            } else {
                row.createCell(i).setCellValue(ResultExporter.neutralise(v.toString()));
            }
        }
    }
}
