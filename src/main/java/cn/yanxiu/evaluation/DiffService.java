package cn.yanxiu.evaluation;

import cn.yanxiu.rules.RuleSet;
import cn.yanxiu.rules.RuleSetLoader;
import cn.yanxiu.rules.TeacherCase;
import cn.yanxiu.rules.TeacherEvaluation;
import cn.yanxiu.rules.vocabulary.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Compares grades: two rule sets on the same data (nothing stored, so next year's effect can be seen
 * before adopting it), or two stored runs.
 */
@Service
public class DiffService {

    private final JdbcTemplate jdbc;
    private final TermScopeLoader scopes;
    private final EvaluationRuns runs;

    DiffService(JdbcTemplate jdbc, TermScopeLoader scopes, EvaluationRuns runs) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.runs = runs;
    }

    public GradeDiff ruleSets(String termId, Path left, Path right) {
        RuleSet a = load(left);
        RuleSet b = load(right);
        try {
            TermScope scope = scopes.load(termId);
            List<String> schools = jdbc.queryForList("SELECT id FROM school ORDER BY id", String.class);
            Map<String, String[]> names = names();
            TeacherCaseReader reader = new TeacherCaseReader(jdbc, scope, schools, 500, null);
            List<GradeDiff.Change> changes = new ArrayList<>();
            int teachers = 0;
            for (List<TeacherCase> page = reader.nextPage(); !page.isEmpty(); page = reader.nextPage()) {
                for (TeacherCase c : page) {
                    teachers++;
                    String[] n = names.get(c.teacher().getId());
                    GradeDiff.Change change = GradeDiff.compare(c.teacher().getId(), n[0], n[1], side(a.evaluate(c)), side(b.evaluate(c)));
                    if (change != null) {
                        changes.add(change);
                    }
                }
            }
            return new GradeDiff(left + "（" + a.hash().substring(0, 12) + "）", right + "（" + b.hash().substring(0, 12) + "）", teachers, changes);
        } finally {
            a.dispose();
            b.dispose();
        }
    }

    public GradeDiff runs(long left, long right) throws IOException {
        EvaluationRuns.Run a = runs.find(left).filter(EvaluationRuns.Run::completed)
                .orElseThrow(() -> new IllegalArgumentException("运行 #" + left + " 不存在或未完成"));
        EvaluationRuns.Run b = runs.find(right).filter(EvaluationRuns.Run::completed)
                .orElseThrow(() -> new IllegalArgumentException("运行 #" + right + " 不存在或未完成"));
        Map<String, GradeDiff.Side> rowsA = results(left);
        Map<String, GradeDiff.Side> rowsB = results(right);
        Map<String, String[]> names = names();
        List<GradeDiff.Change> changes = new ArrayList<>();
        for (var entry : new java.util.TreeMap<>(rowsA).entrySet()) {
            GradeDiff.Side b2 = rowsB.get(entry.getKey());
            if (b2 != null) {
                String[] n = names.get(entry.getKey());
                GradeDiff.Change change = GradeDiff.compare(entry.getKey(), n[0], n[1], entry.getValue(), b2);
                if (change != null) {
                    changes.add(change);
                }
            }
        }
        return new GradeDiff("运行 #" + left + "（" + a.termId() + "，" + a.ruleSetHash().substring(0, 12) + "）",
                "运行 #" + right + "（" + b.termId() + "，" + b.ruleSetHash().substring(0, 12) + "）", rowsA.size(), changes);
    }

    private Map<String, GradeDiff.Side> results(long runId) throws IOException {
        Map<String, GradeDiff.Side> rows = new HashMap<>();
        List<Map<String, Object>> stored = jdbc.queryForList("SELECT teacher_id, grade, decided_by, findings_json, final_score, certificate, "
                + "hours_recognised, credits, trace_json FROM evaluation_result WHERE run_id = ?", runId);
        for (Map<String, Object> r : stored) {
            Map<String, String> findings = new java.util.TreeMap<>();
            for (Map<String, Object> f : ResultExporter.findings(ResultRows.text(r.get("findings_json")))) {
                findings.put(f.get("policy") + " " + f.get("rule"), String.valueOf(f.get("status")));
            }
            rows.put((String) r.get("teacher_id"), new GradeDiff.Side((String) r.get("grade"), Boolean.TRUE.equals(r.get("certificate")),
                    number(r.get("hours_recognised")), number(r.get("credits")), number(r.get("final_score")), (String) r.get("decided_by"),
                    findings, band(ResultRows.JSON.readValue(ResultRows.text(r.get("trace_json")), TRACE))));
        }
        return rows;
    }

    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> TRACE = new com.fasterxml.jackson.core.type.TypeReference<>() { };

    private static GradeDiff.Side side(TeacherEvaluation e) {
        Map<String, String> findings = new java.util.TreeMap<>();
        e.findings().forEach(f -> findings.put(f.getPolicy() + " " + f.getRule(), f.getStatus()));
        return new GradeDiff.Side(e.grade(), e.eligible(cn.yanxiu.rules.vocabulary.Eligibility.CERTIFICATE),
                e.credit() == null ? null : e.credit().getHoursRecognised(), e.credit() == null ? null : e.credit().getCredits(),
                e.finalScore(), e.decidedBy(), findings, band(ResultRows.JSON.convertValue(Map.of("fired", e.trace()), TRACE)));
    }

    /** The band the final score fell in, as the trace recorded it: the fact "分数段 …" matched beside "最终得分 = …". */
    @SuppressWarnings("unchecked")
    private static String band(Map<String, Object> trace) {
        for (Map<String, Object> fired : (List<Map<String, Object>>) trace.getOrDefault("fired", List.of())) {
            List<String> facts = (List<String>) fired.getOrDefault("facts", List.of());
            if (facts.stream().anyMatch(f -> f.startsWith("最终得分 ="))) {
                for (String f : facts) {
                    if (f.startsWith("分数段 ")) {
                        return f.substring("分数段 ".length());
                    }
                }
            }
        }
        return null;
    }

    private static Double number(Object v) {
        return v instanceof Number n ? n.doubleValue() : v == null ? null : Double.valueOf(v.toString());
    }

    private Map<String, String[]> names() {
        Map<String, String[]> names = new HashMap<>();
        jdbc.query("SELECT t.id, t.name, s.name FROM teacher t JOIN school s ON s.id = t.school_id",
                rs -> {
                    names.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                });
        return names;
    }

    private static RuleSet load(Path dir) {
        RuleSetLoader.Loaded loaded = RuleSetLoader.load(dir);
        if (!loaded.ok()) {
            throw new IllegalArgumentException("规则集 " + dir + " 未通过校验：" + loaded.problems());
        }
        return loaded.ruleSet();
    }
}
