package cn.yanxiu.evaluation;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs of the term-end evaluation: their record (term, rule-set hash, who, when, counts, status) and the
 * lock that keeps two runs of one term from overlapping. A run is shown as a result only once COMPLETED.
 */
@Component
public class EvaluationRuns {


    public record Run(long id, String termId, String ruleSetHash, String scope, String startedBy, Instant startedAt,
                      Instant finishedAt, Instant heartbeatAt, String status, int teachers, String gradeCounts, int ruleErrors) {
        public boolean completed() {
            return "COMPLETED".equals(status);
        }

        /** The grade mix as read on a page: each grade (best first, as stored) with its count and share of the run. */
        public List<GradeShare> gradeShares() {
            List<GradeShare> shares = new ArrayList<>();
            if (gradeCounts == null || gradeCounts.isBlank()) {
                return shares;
            }
            String[] parts = gradeCounts.split(";");
            int total = 0;
            for (String part : parts) {
                total += Integer.parseInt(part.substring(part.indexOf('=') + 1).strip());
            }
            for (int i = 0; i < parts.length; i++) {
                String label = parts[i].substring(0, parts[i].indexOf('=')).strip();
                int count = Integer.parseInt(parts[i].substring(parts[i].indexOf('=') + 1).strip());
                shares.add(new GradeShare(label, count, total == 0 ? 0 : Math.round(1000.0 * count / total) / 10.0, i == parts.length - 1));
            }
            return shares;
        }
    }

    /** One grade of a run's mix; {@code lowest} marks the last (lowest) grade, drawn in red. */
    public record GradeShare(String label, int count, double percent, boolean lowest) {
    }

    private final JdbcTemplate jdbc;
    /** A running batch touches its heartbeat at every chunk; one silent this long was killed. */
    private final Duration stale;

    private final cn.yanxiu.audit.AuditLog audit;

    EvaluationRuns(JdbcTemplate jdbc, @org.springframework.beans.factory.annotation.Value("${yanxiu.evaluation.stale-after:PT2M}") Duration stale,
                   cn.yanxiu.audit.AuditLog audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.stale = stale;
    }

    /** Creates a run and takes its term's lock; refuses while another run of the term is unfinished. */
    @Transactional
    public Run start(String termId, String hash, String scope, String startedBy) {
        Timestamp now = Timestamp.from(Instant.now());
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("INSERT INTO evaluation_run (term_id, rule_set_hash, scope, started_by, started_at, heartbeat_at, status, "
                    + "teachers, rule_errors) VALUES (?, ?, ?, ?, ?, ?, 'RUNNING', 0, 0)", new String[] {"id"});
            ps.setString(1, termId);
            ps.setString(2, hash);
            ps.setString(3, scope);
            ps.setString(4, startedBy);
            ps.setTimestamp(5, now);
            ps.setTimestamp(6, now);
            return ps;
        }, key);
        long id = key.getKey().longValue();
        try {
            jdbc.update("INSERT INTO run_lock (term_id, run_id) VALUES (?, ?)", termId, id);
        } catch (DuplicateKeyException e) {
            refuseIfUnderWay(termId);
            throw new RunRefused("学期 " + termId + " 已有运行未结束");
        }
        audit.record(startedBy, "发起评价", "运行 #" + id + " 学期 " + termId, "范围 " + scope + "，规则集 " + hash);
        return find(id).orElseThrow();
    }

    /**
     * Refuses at once when a run of the term is unfinished — before the rules are compiled, so the person asking
     * is told in a second, not after the compile. {@link #start} checks again when it takes the lock.
     */
    public void refuseIfUnderWay(String termId) {
        List<Long> other = jdbc.queryForList("SELECT run_id FROM run_lock WHERE term_id = ?", Long.class, termId);
        if (other.isEmpty()) {
            return;
        }
        Run running = find(other.get(0)).orElseThrow();
        boolean killed = running.heartbeatAt().isBefore(Instant.now().minus(stale));
        throw new RunRefused("学期 " + termId + " 已有运行 #" + running.id() + " 未结束（" + running.startedBy() + " 于 "
                + cn.yanxiu.system.Times.second(running.startedAt()) + " 开始）"
                + (killed ? "；它已中断，可用 evaluate --resume " + running.id() + " 继续，或 --abandon " + running.id() + " 放弃" : "；请等它结束"));
    }

    /** How often a live run touches its heartbeat: well inside the time after which it counts as killed. */
    public Duration heartbeatInterval() {
        return stale.dividedBy(4);
    }

    public void heartbeat(long runId) {
        jdbc.update("UPDATE evaluation_run SET heartbeat_at = ? WHERE id = ?", Timestamp.from(Instant.now()), runId);
    }

    /** Marks a run finished: counts its results by grade and releases the term's lock. */
    @Transactional
    public Run complete(long runId) {
        jdbc.update("UPDATE evaluation_run SET status = 'COMPLETED', finished_at = ? WHERE id = ?", Timestamp.from(Instant.now()), runId);
        recount(runId);
        jdbc.update("DELETE FROM run_lock WHERE run_id = ?", runId);
        return find(runId).orElseThrow();
    }

    /** Counts a run's results by grade again (after one teacher's result was corrected, say). */
    public void recount(long runId) {
        Map<String, Integer> counts = gradeCounts(runId);
        int teachers = counts.values().stream().mapToInt(Integer::intValue).sum();
        Integer errors = jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_result WHERE run_id = ? AND rule_error IS NOT NULL", Integer.class, runId);
        StringBuilder text = new StringBuilder();
        counts.forEach((grade, n) -> text.append(text.isEmpty() ? "" : ";").append(grade).append('=').append(n));
        jdbc.update("UPDATE evaluation_run SET teachers = ?, grade_counts = ?, rule_errors = ? WHERE id = ?", teachers, text.toString(), errors, runId);
    }

    /** Records that a run stopped before its end (an error, the database gone): it keeps its lock and can be resumed. */
    public void interrupt(long runId) {
        jdbc.update("UPDATE evaluation_run SET status = 'INTERRUPTED' WHERE id = ? AND status = 'RUNNING'", runId);
    }

    /** Takes a stopped or killed run back up; refuses a run that is finished or still alive elsewhere. */
    @Transactional
    public Run resume(long runId) {
        Run run = find(runId).orElseThrow(() -> new RunRefused("没有运行 #" + runId));
        boolean alive = run.status().equals("RUNNING") && run.heartbeatAt().isAfter(Instant.now().minus(stale));
        if (run.completed() || run.status().equals("ABANDONED")) {
            throw new RunRefused("运行 #" + runId + " 已" + (run.completed() ? "完成" : "放弃") + "，不能继续");
        }
        if (alive) {
            throw new RunRefused("运行 #" + runId + " 仍在进行（" + stale.toSeconds() + " 秒内有心跳），不能同时继续");
        }
        // taken in one statement: of several instances that find the same killed run, exactly one takes it up
        Instant now = Instant.now();
        int taken = jdbc.update("UPDATE evaluation_run SET status = 'RUNNING', heartbeat_at = ? WHERE id = ? AND (status = 'INTERRUPTED' "
                + "OR (status = 'RUNNING' AND heartbeat_at < ?))", Timestamp.from(now), runId, Timestamp.from(now.minus(stale)));
        if (taken != 1) {
            throw new RunRefused("运行 #" + runId + " 刚被另一处接手继续");
        }
        return find(runId).orElseThrow();
    }

    /** Gives up an unfinished run: it stays in the history as FAILED and never shows as a result. */
    @Transactional
    public void abandon(long runId) {
        Run run = find(runId).orElseThrow(() -> new RunRefused("没有运行 #" + runId + "，无可放弃"));
        if (run.completed()) {
            throw new RunRefused("运行 #" + runId + " 已完成，是有效结果，不能放弃");
        }
        if (run.status().equals("ABANDONED")) {
            throw new RunRefused("运行 #" + runId + " 早已放弃");
        }
        jdbc.update("UPDATE evaluation_run SET status = 'ABANDONED', finished_at = ? WHERE id = ? AND status IN ('RUNNING', 'INTERRUPTED')",
                Timestamp.from(Instant.now()), runId);
        jdbc.update("DELETE FROM run_lock WHERE run_id = ?", runId);
    }

    public Map<String, Integer> gradeCounts(long runId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.query("SELECT COALESCE(grade, '规则出错'), COUNT(*) FROM evaluation_result WHERE run_id = ? GROUP BY grade, grade_level ORDER BY grade_level DESC",
                rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                }, runId);
        return counts;
    }

    /** Runs marked running whose process has gone silent (killed, or its machine lost): for another instance to take up. */
    public List<Run> silent() {
        return jdbc.query("SELECT * FROM evaluation_run WHERE status = 'RUNNING' AND heartbeat_at < ? ORDER BY id", (rs, i) -> map(rs),
                Timestamp.from(Instant.now().minus(stale)));
    }

    public Optional<Run> find(long id) {
        return jdbc.query("SELECT * FROM evaluation_run WHERE id = ?", (rs, i) -> map(rs), id).stream().findFirst();
    }

    public Optional<Run> latestCompleted(String termId) {
        return jdbc.query("SELECT * FROM evaluation_run WHERE term_id = ? AND status = 'COMPLETED' ORDER BY id DESC", (rs, i) -> map(rs), termId)
                .stream().findFirst();
    }

    public List<Run> newestFirst() {
        return jdbc.query("SELECT * FROM evaluation_run ORDER BY id DESC", (rs, i) -> map(rs));
    }

    public List<Run> all() {
        return jdbc.query("SELECT * FROM evaluation_run ORDER BY id", (rs, i) -> map(rs));
    }

    private static Run map(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Run(rs.getLong("id"), rs.getString("term_id"), rs.getString("rule_set_hash"), rs.getString("scope"), rs.getString("started_by"),
                rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(), rs.getTimestamp("heartbeat_at").toInstant(),
                rs.getString("status"), rs.getInt("teachers"), rs.getString("grade_counts"), rs.getInt("rule_errors"));
    }

    /** A run that may not start or go on, with the reason in words an administrator acts on. */
    public static class RunRefused extends RuntimeException {
        public RunRefused(String message) {
            super(message);
        }
    }
}
