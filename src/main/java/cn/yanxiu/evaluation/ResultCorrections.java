package cn.yanxiu.evaluation;

import cn.yanxiu.rules.RuleSet;
import cn.yanxiu.rules.TeacherCase;
import cn.yanxiu.rules.TeacherEvaluation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Re-evaluates one teacher of a finished run after a corrected record, under the run's own stored rule
 * snapshot (not the rules in force today), and replaces that teacher's result in the run. What the teacher
 * had before and has after is returned, so the correction can show its difference.
 */
@Service
public class ResultCorrections {

    private final JdbcTemplate jdbc;
    private final EvaluationRuns runs;
    private final CompiledSnapshots compiled;
    private final TermScopeLoader scopes;

    ResultCorrections(JdbcTemplate jdbc, EvaluationRuns runs, CompiledSnapshots compiled, TermScopeLoader scopes) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.compiled = compiled;
        this.scopes = scopes;
    }

    /** A teacher's result before and after; {@code change} is null when nothing a teacher or auditor would notice differs. */
    public record Reevaluated(long runId, GradeDiff.Side before, GradeDiff.Side after, GradeDiff.Change change) {

        /** The difference as lines: the consequences (grade, certificate, hours, credits), then the findings and scores that moved. */
        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            if (change == null) {
                lines.add("等级、证书、认定学时、学分与各项要求结论均不变");
                return lines;
            }
            lines.addAll(change.consequences());
            lines.addAll(change.policies());
            return lines;
        }
    }

    /** Refused: the run or its snapshot cannot re-evaluate the teacher; nothing was changed. */
    public static class CorrectionRefused extends RuntimeException {
        public CorrectionRefused(String message) {
            super(message);
        }
    }

    /** Whether the run holds a result for the teacher. */
    public boolean holds(long runId, String teacherId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_result WHERE run_id = ? AND teacher_id = ?", Integer.class, runId, teacherId) > 0;
    }

    /** Re-evaluates the teacher on today's records under the run's snapshot and stores the new result in the run. Call inside a transaction. */
    public Reevaluated reevaluate(long runId, String teacherId) {
        EvaluationRuns.Run run = runs.find(runId).filter(EvaluationRuns.Run::completed)
                .orElseThrow(() -> new CorrectionRefused("运行 #" + runId + " 不存在或未完成"));
        List<Map<String, Object>> stored = jdbc.queryForList("SELECT " + ResultSides.COLUMNS + " FROM evaluation_result WHERE run_id = ? AND teacher_id = ?",
                runId, teacherId);
        if (stored.isEmpty()) {
            throw new CorrectionRefused("运行 #" + runId + " 中没有教师 " + teacherId + " 的结果");
        }
        RuleSet rules = compiled.get(run.ruleSetHash());
        if (rules == null) {
            throw new CorrectionRefused("运行 #" + runId + " 的规则快照已无法编译，不能重新评价");
        }
        TeacherCase c = TeacherCaseReader.one(jdbc, scopes.loadFor(run.termId(), teacherId), teacherId);
        TeacherEvaluation e = rules.evaluate(c);
        if (e.error() != null) {
            throw new CorrectionRefused("按运行 #" + runId + " 的规则重新评价时规则出错：" + e.error());
        }
        GradeDiff.Side before;
        try {
            before = ResultSides.fromRow(jdbc, stored.get(0));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        GradeDiff.Side after = ResultSides.of(e);
        Map<String, Object> names = jdbc.queryForMap("SELECT t.name, s.name AS school FROM teacher t JOIN school s ON s.id = t.school_id WHERE t.id = ?",
                teacherId);
        GradeDiff.Change change = GradeDiff.compare(teacherId, (String) cn.yanxiu.system.RowColumns.get(names, "name"), (String) cn.yanxiu.system.RowColumns.get(names, "school"), before, after);
        jdbc.update("DELETE FROM evaluation_result WHERE run_id = ? AND teacher_id = ?", runId, teacherId);
        ResultRows.insert(jdbc, runId, ResultDocuments.dictionary(jdbc, runId), List.of(ResultRows.of(c, e)));
        runs.recount(runId);
        return new Reevaluated(runId, before, after, change);
    }

}
