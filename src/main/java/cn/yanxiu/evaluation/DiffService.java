package cn.yanxiu.evaluation;

import cn.yanxiu.rules.RuleSet;
import cn.yanxiu.rules.RuleSetLoader;
import cn.yanxiu.rules.TeacherCase;
import cn.yanxiu.system.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        return ruleSets(termId, left, right, cn.yanxiu.accounts.Scope.PROVINCE);
    }

    /** Both rule sets applied to the term's teachers inside a scope. */
    public GradeDiff ruleSets(String termId, Path left, Path right, cn.yanxiu.accounts.Scope reach) {
        return ruleSets(termId, left, right, reach, null);
    }

    /**
     * The same, saying on {@code progress} (when not null) that the two rule sets are being checked and when they are
     * ready, then the teachers compared so far: on a county a comparison takes as long as a run.
     */
    public GradeDiff ruleSets(String termId, Path left, Path right, cn.yanxiu.accounts.Scope reach, PrintWriter progress) {
        long started = System.nanoTime();
        say(progress, "校验并编译规则集 " + left + " 与 " + right + " …");
        RuleSet a = load(left);
        RuleSet b;
        try {
            b = load(right);
        } catch (RuntimeException e) {
            a.dispose();
            throw e;
        }
        say(progress, String.format("规则集已就绪，用时 %.1f 秒", (System.nanoTime() - started) / 1e9));
        try {
            TermScope scope = scopes.load(termId);
            List<String> schools = jdbc.queryForList("SELECT s.id FROM school s WHERE " + reach.sql("s.id") + " ORDER BY s.id", String.class, reach.args());
            Map<String, String[]> names = names();
            List<GradeDiff.Change> changes = new ArrayList<>();
            int teachers = 0;
            Progress compared = null;
            if (progress != null) {
                long total = jdbc.queryForObject("SELECT COUNT(*) FROM teacher WHERE " + reach.sql("school_id"), Long.class, reach.args());
                compared = new Progress("比较教师", total, progress);
                compared.begin();
            }
            try (TeacherCaseReader reader = new TeacherCaseReader(jdbc, scope, schools, null)) {
                for (TeacherCase c = reader.next(); c != null; c = reader.next()) {
                    String[] n = names.get(c.teacher().getId());
                    GradeDiff.Change change = GradeDiff.compare(c.teacher().getId(), n[0], n[1], ResultSides.of(a.evaluate(c)), ResultSides.of(b.evaluate(c)));
                    if (change != null) {
                        changes.add(change);
                    }
                    teachers++;
                    if (compared != null) {
                        compared.update(teachers);
                    }
                }
            }
            if (compared != null) {
                compared.done(teachers);
            }
            return new GradeDiff(left + "（" + a.hash().substring(0, 12) + "）", right + "（" + b.hash().substring(0, 12) + "）", teachers, changes);
        } finally {
            a.dispose();
            b.dispose();
        }
    }

    public GradeDiff runs(long left, long right) throws IOException {
        return runs(left, right, cn.yanxiu.accounts.Scope.PROVINCE);
    }

    /** Two runs compared on the teachers inside a scope. */
    public GradeDiff runs(long left, long right, cn.yanxiu.accounts.Scope reach) throws IOException {
        EvaluationRuns.Run a = runs.find(left).filter(EvaluationRuns.Run::completed)
                .orElseThrow(() -> new IllegalArgumentException("运行 #" + left + " 不存在或未完成"));
        EvaluationRuns.Run b = runs.find(right).filter(EvaluationRuns.Run::completed)
                .orElseThrow(() -> new IllegalArgumentException("运行 #" + right + " 不存在或未完成"));
        Map<String, GradeDiff.Side> rowsA = results(left, reach);
        Map<String, GradeDiff.Side> rowsB = results(right, reach);
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

    private Map<String, GradeDiff.Side> results(long runId, cn.yanxiu.accounts.Scope reach) throws IOException {
        Map<String, GradeDiff.Side> rows = new HashMap<>();
        for (Map<String, Object> r : jdbc.queryForList("SELECT " + ResultSides.COLUMNS + " FROM evaluation_result WHERE run_id = ? AND "
                + reach.sql("school_id"), cn.yanxiu.system.SqlArgs.join(new Object[] {runId}, reach.args()))) {
            GradeDiff.Side side = ResultSides.fromRow(jdbc, r);
            rows.put((String) cn.yanxiu.system.RowColumns.get(r, "teacher_id"), side);
        }
        return rows;
    }

    private Map<String, String[]> names() {
        Map<String, String[]> names = new HashMap<>();
        jdbc.query("SELECT t.id, t.name, s.name FROM teacher t JOIN school s ON s.id = t.school_id",
                rs -> {
                    names.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                });
        return names;
    }

    private static void say(PrintWriter progress, String line) {
        if (progress != null) {
            progress.println(line);
            progress.flush();
        }
    }

    private static RuleSet load(Path dir) {
        RuleSetLoader.Loaded loaded = RuleSetLoader.load(dir);
        if (!loaded.ok()) {
            throw new IllegalArgumentException("规则集 " + dir + " 未通过校验：" + loaded.problems());
        }
        return loaded.ruleSet();
    }
}
