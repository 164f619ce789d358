package cn.yanxiu.exports;

import cn.yanxiu.activity.ActivityType;
import cn.yanxiu.evaluation.EvaluationRuns;
import cn.yanxiu.evaluation.ResultExporter;
import cn.yanxiu.teacher.SchoolKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The county summary of a run (C3): schools side by side on the development work they held (全校培训 days,
 * 教研活动 and 集中学习 sessions, activity records per teacher), compliance with each policy (share of
 * teachers whose finding is 达标) and the grade mix — so uneven schools show up.
 */
@Component
public class CountyReportExporter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JdbcTemplate jdbc;
    private final EvaluationRuns runs;

    CountyReportExporter(JdbcTemplate jdbc, EvaluationRuns runs) {
        this.jdbc = jdbc;
        this.runs = runs;
    }

    /** One school's line. */
    public static final class SchoolLine {
        final String id;
        final String name;
        final String kind;
        int teachers;
        long activityRows;
        int trainingDays;
        int groupSessions;
        int studySessions;
        final Map<String, Integer> grades = new LinkedHashMap<>();
        final Map<String, int[]> policies = new TreeMap<>(); // policy → {met, checked}

        SchoolLine(String id, String name, String kind) {
            this.id = id;
            this.name = name;
            this.kind = kind;
        }

        public String id() {
            return id;
        }

        public String name() {
            return name;
        }

        public String kind() {
            return kind;
        }

        public int teachers() {
            return teachers;
        }

        public int trainingDays() {
            return trainingDays;
        }

        public int groupSessions() {
            return groupSessions;
        }

        public int studySessions() {
            return studySessions;
        }

        public double recordsPerTeacher() {
            return Math.round(activityRows * 10.0 / teachers) / 10.0;
        }

        public int grade(String grade) {
            return grades.getOrDefault(grade, 0);
        }

        /** The share of checked teachers who met a policy, or null where the policy was not checked. */
        public Double compliance(String policy) {
            int[] counts = policies.get(policy);
            return counts == null || counts[1] == 0 ? null : counts[0] / (double) counts[1];
        }
    }

    /** The county summary of a finished run: one line per school with teachers, grades in the rule set's order, policies checked. */
    public record CountyReport(EvaluationRuns.Run run, List<SchoolLine> schools, List<String> grades, List<String> policies) {
    }

    /** Writes the summary and returns the number of schools listed. */
    public int write(long runId, Path out) throws IOException {
        return write(runId, cn.yanxiu.accounts.Scope.PROVINCE, out);
    }

    /** The summary of the schools inside a scope. */
    public int write(long runId, cn.yanxiu.accounts.Scope scope, Path out) throws IOException {
        CountyReport report = report(runId, scope);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        write(out, report.run(), report.schools(), report.grades(), report.policies());
        return report.schools().size();
    }

    /** The summary the dashboard and the spreadsheet show. */
    public CountyReport report(long runId) {
        return report(runId, cn.yanxiu.accounts.Scope.PROVINCE);
    }

    /** The summary of the schools inside a scope: every later figure is kept only for a school listed here. */
    public CountyReport report(long runId, cn.yanxiu.accounts.Scope scope) {
        EvaluationRuns.Run run = runs.find(runId).orElseThrow(() -> new IllegalArgumentException("没有运行 #" + runId));
        if (!run.completed()) {
            throw new IllegalArgumentException("运行 #" + runId + " 状态为 " + run.status() + "，只有完成的运行才能汇总");
        }
        Map<String, SchoolLine> schools = new LinkedHashMap<>();
        jdbc.query("SELECT id, name, kind FROM school WHERE " + scope.sql("id") + " ORDER BY id", rs -> {
            schools.put(rs.getString(1), new SchoolLine(rs.getString(1), rs.getString(2), SchoolKind.valueOf(rs.getString(3)).label()));
        }, scope.args());
        List<String> gradeOrder = jdbc.queryForList("SELECT grade FROM evaluation_result WHERE run_id = ? AND grade IS NOT NULL "
                + "GROUP BY grade, grade_level ORDER BY grade_level DESC", String.class, runId);
        TreeSet<String> policyIds = new TreeSet<>();
        jdbc.query("SELECT school_id, grade, findings_json, details FROM evaluation_result WHERE run_id = ?", rs -> {
            SchoolLine line = schools.get(rs.getString(1));
            if (line == null) {
                return;
            }
            line.teachers++;
            line.grades.merge(rs.getString(2) == null ? "规则出错" : rs.getString(2), 1, Integer::sum);
            try {
                String findings = rs.getObject(4) == null ? rs.getString(3)
                        : cn.yanxiu.evaluation.ResultDocuments.read(jdbc, runId, rs.getBytes(4), null, null, null, null).findings();
                for (JsonNode f : JSON.readTree(findings)) {
                    String status = f.path("status").asText();
                    boolean checked = status.equals("达标") || status.equals("未达标");
                    if (checked) {
                        String policy = f.path("policy").asText();
                        policyIds.add(policy);
                        int[] counts = line.policies.computeIfAbsent(policy, k -> new int[2]);
                        counts[1]++;
                        if (status.equals("达标")) {
                            counts[0]++;
                        }
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("运行 #" + runId + " 的结论无法读取：" + e.getMessage(), e);
            }
        }, runId);
        jdbc.query("SELECT t.school_id, COUNT(*) FROM activity a JOIN teacher t ON t.id = a.teacher_id WHERE a.term_id = ? GROUP BY t.school_id", rs -> {
            if (schools.containsKey(rs.getString(1))) {
                schools.get(rs.getString(1)).activityRows = rs.getLong(2);
            }
        }, run.termId());
        jdbc.query("SELECT t.school_id, a.type, COUNT(DISTINCT a.activity_date) FROM activity a JOIN teacher t ON t.id = a.teacher_id "
                + "WHERE a.term_id = ? AND a.type IN (?, ?, ?) GROUP BY t.school_id, a.type", rs -> {
                    SchoolLine line = schools.get(rs.getString(1));
                    if (line != null) {
                        switch (ActivityType.valueOf(rs.getString(2))) {
                            case SCHOOL_TRAINING -> line.trainingDays = rs.getInt(3);
                            case RESEARCH_ACTIVITY -> line.groupSessions = rs.getInt(3);
                            default -> line.studySessions = rs.getInt(3);
                        }
                    }
                }, run.termId(), ActivityType.SCHOOL_TRAINING.name(), ActivityType.RESEARCH_ACTIVITY.name(), ActivityType.CENTRAL_STUDY.name());
        List<SchoolLine> listed = schools.values().stream().filter(s -> s.teachers > 0).toList();
        return new CountyReport(run, listed, gradeOrder, new ArrayList<>(policyIds));
    }

    private static void write(Path out, EvaluationRuns.Run run, List<SchoolLine> lines, List<String> grades, List<String> policies) throws IOException {
        List<String> headers = new ArrayList<>(List.of("学校编号", "学校", "类型", "教师数", "全校培训（天）", "教研活动（次）", "集中学习（次）", "人均活动记录"));
        grades.forEach(g -> headers.add(g + "（人）"));
        grades.forEach(g -> headers.add(g + "率"));
        policies.forEach(p -> headers.add(p + " 达标率"));
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); OutputStream stream = Files.newOutputStream(out)) {
            Sheet sheet = workbook.createSheet("县域汇总");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
            PrintedForm.heading(workbook, sheet, headers.size(), "县域校本研修汇总表",
                    "学期：" + run.termId() + "　　评价运行 #" + run.id() + "　　规则集 " + run.ruleSetHash().substring(0, 16));
            Row header = sheet.createRow(PrintedForm.HEADER_ROW);
            for (int i = 0; i < headers.size(); i++) {
                header.createCell(i).setCellValue(headers.get(i));
                header.getCell(i).setCellStyle(bold);
                sheet.setColumnWidth(i, Math.max(10, headers.get(i).length() * 2 + 2) * 256);
            }
            sheet.setColumnWidth(1, 24 * 256);
            sheet.createFreezePane(2, PrintedForm.HEADER_ROW + 1);
            PrintedForm.printLayout(sheet);
            int r = PrintedForm.HEADER_ROW + 1;
            int teachersTotal = 0;
            int[] activityTotals = new int[3];
            java.util.Map<String, Integer> gradeTotals = new java.util.LinkedHashMap<>();
            java.util.Map<String, int[]> policyTotals = new java.util.LinkedHashMap<>();
            for (SchoolLine s : lines) {
                Row row = sheet.createRow(r++);
                int c = 0;
                row.createCell(c++).setCellValue(ResultExporter.neutralise(s.id));
                row.createCell(c++).setCellValue(ResultExporter.neutralise(s.name));
                row.createCell(c++).setCellValue(s.kind);
                row.createCell(c++).setCellValue(s.teachers);
                row.createCell(c++).setCellValue(s.trainingDays);
                row.createCell(c++).setCellValue(s.groupSessions);
                row.createCell(c++).setCellValue(s.studySessions);
                row.createCell(c++).setCellValue(Math.round(s.activityRows * 10.0 / s.teachers) / 10.0);
                teachersTotal += s.teachers;
                activityTotals[0] += s.trainingDays;
                activityTotals[1] += s.groupSessions;
                activityTotals[2] += s.studySessions;
                grades.forEach(g -> gradeTotals.merge(g, s.grades.getOrDefault(g, 0), Integer::sum));
                policies.forEach(p -> {
                    int[] counts = s.policies.get(p);
                    if (counts != null) {
                        int[] sum = policyTotals.computeIfAbsent(p, k -> new int[2]);
                        sum[0] += counts[0];
                        sum[1] += counts[1];
                    }
                });
                for (String g : grades) {
                    row.createCell(c++).setCellValue(s.grades.getOrDefault(g, 0));
                }
                for (String g : grades) {
                    row.createCell(c).setCellValue(s.grades.getOrDefault(g, 0) / (double) s.teachers);
                    row.getCell(c++).setCellStyle(percent);
                }
                for (String p : policies) {
                    int[] counts = s.policies.get(p);
                    if (counts != null && counts[1] > 0) {
                        row.createCell(c).setCellValue(counts[0] / (double) counts[1]);
                        row.getCell(c).setCellStyle(percent);
                    }
                    c++;
                }
            }
            Row total = sheet.createRow(r);
            int c = 0;
            total.createCell(c++).setCellValue("全县合计");
            total.getCell(0).setCellStyle(bold);
            total.createCell(c++).setCellValue(lines.size() + " 所学校");
            total.createCell(c++).setCellValue("");
            total.createCell(c++).setCellValue(teachersTotal);
            for (int a : activityTotals) {
                total.createCell(c++).setCellValue(a);
            }
            c++;
            for (String g : grades) {
                total.createCell(c++).setCellValue(gradeTotals.getOrDefault(g, 0));
            }
            for (String g : grades) {
                if (teachersTotal > 0) {
                    total.createCell(c).setCellValue(gradeTotals.getOrDefault(g, 0) / (double) teachersTotal);
                    total.getCell(c).setCellStyle(percent);
                }
                c++;
            }
            for (String p : policies) {
                int[] sum = policyTotals.get(p);
                if (sum != null && sum[1] > 0) {
                    total.createCell(c).setCellValue(sum[0] / (double) sum[1]);
                    total.getCell(c).setCellStyle(percent);
                }
                c++;
            }
            PrintedForm.signatures(sheet, r, "填表人：＿＿＿＿＿＿　　审核人：＿＿＿＿＿＿　　教育局负责人（签章）：＿＿＿＿＿＿",
                    "（单位盖章）　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　年　　月　　日");
            workbook.write(stream);
            workbook.dispose();
        }
    }
}
