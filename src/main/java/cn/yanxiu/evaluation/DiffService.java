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
                    TeacherEvaluation ea = a.evaluate(c);
                    TeacherEvaluation eb = b.evaluate(c);
                    if (!String.valueOf(ea.grade()).equals(String.valueOf(eb.grade()))) {
                        String[] n = names.get(c.teacher().getId());
                        changes.add(new GradeDiff.Change(c.teacher().getId(), n[0], n[1], ea.grade(), eb.grade(),
                                policies(missed(ea.findings()), missed(eb.findings()), ea.decidedBy(), eb.decidedBy(), ea.finalScore(), eb.finalScore())));
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
        Map<String, Object[]> rowsA = results(left);
        Map<String, Object[]> rowsB = results(right);
        Map<String, String[]> names = names();
        List<GradeDiff.Change> changes = new ArrayList<>();
        for (var entry : new java.util.TreeMap<>(rowsA).entrySet()) {
            Object[] rb = rowsB.get(entry.getKey());
            Object[] ra = entry.getValue();
            if (rb != null && !String.valueOf(ra[0]).equals(String.valueOf(rb[0]))) {
                String[] n = names.get(entry.getKey());
                changes.add(new GradeDiff.Change(entry.getKey(), n[0], n[1], (String) ra[0], (String) rb[0],
                        policies(missedPolicies((String) ra[2]), missedPolicies((String) rb[2]), (String) ra[1], (String) rb[1], (Double) ra[3], (Double) rb[3])));
            }
        }
        return new GradeDiff("运行 #" + left + "（" + a.termId() + "，" + a.ruleSetHash().substring(0, 12) + "）",
                "运行 #" + right + "（" + b.termId() + "，" + b.ruleSetHash().substring(0, 12) + "）", rowsA.size(), changes);
    }

    private Map<String, Object[]> results(long runId) {
        Map<String, Object[]> rows = new HashMap<>();
        jdbc.query("SELECT teacher_id, grade, decided_by, findings_json, final_score FROM evaluation_result WHERE run_id = ?", rs -> {
            java.math.BigDecimal score = rs.getBigDecimal(5);
            rows.put(rs.getString(1), new Object[] {rs.getString(2), rs.getString(3), rs.getString(4), score == null ? null : score.doubleValue()});
        }, runId);
        return rows;
    }

    private static Set<String> missedPolicies(String findingsJson) throws IOException {
        Set<String> missed = new TreeSet<>();
        for (Map<String, Object> f : ResultExporter.findings(findingsJson)) {
            if (Finding.MISSED.equals(f.get("status"))) {
                missed.add((String) f.get("policy"));
            }
        }
        return missed;
    }

    private static Set<String> missed(List<Finding> findings) {
        Set<String> missed = new TreeSet<>();
        findings.stream().filter(Finding::isMissed).forEach(f -> missed.add(f.getPolicy()));
        return missed;
    }

    /** Policies whose outcome differs: requirements met on one side and missed on the other, what decided the grade, and the score. */
    private static List<String> policies(Set<String> missedA, Set<String> missedB, String decidedA, String decidedB, Double scoreA, Double scoreB) {
        Set<String> out = new TreeSet<>();
        for (String p : missedA) {
            if (!missedB.contains(p)) {
                out.add(p + "（改为达标）");
            }
        }
        for (String p : missedB) {
            if (!missedA.contains(p)) {
                out.add(p + "（改为未达标）");
            }
        }
        if (decidedA != null && !decidedA.equals(decidedB)) {
            out.add("决定等级：" + decidedA + "→" + decidedB);
        }
        if (scoreA != null && scoreB != null && Math.abs(scoreA - scoreB) > 0.005) {
            out.add(String.format("G1 最终得分 %.2f→%.2f", scoreA, scoreB));
        }
        return new ArrayList<>(out);
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
