package cn.yanxiu.credits;

import cn.yanxiu.evaluation.EvaluationRuns;
import cn.yanxiu.evaluation.RunPublications;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The credit ledger and its approval chain (C1). Credits are proposed from a finished run — the hours and
 * credits are the rules' own output (H5, none for 不合格 by G4) — then certified by the group, re-checked by
 * the office of studies and registered, each step recorded with who, when and why. Hours and credits of an
 * entry are never changed: a different result for the same teacher and term becomes a correction entry with
 * a reason, and the entry it corrects is kept, marked superseded.
 */
@Service
public class CreditLedger {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final EvaluationRuns runs;

    private final RunPublications publications;
    private final cn.yanxiu.audit.AuditLog audit;

    CreditLedger(JdbcTemplate jdbc, TransactionTemplate transactions, EvaluationRuns runs, RunPublications publications, cn.yanxiu.audit.AuditLog audit) {
        this.publications = publications;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.runs = runs;
    }

    /** What a proposal did. */
    public record Proposal(long runId, String termId, int proposed, int corrected, int unchanged, int withoutHours, int ruleErrors) {
    }

    /** What a step did: entries moved on, and entries in the filter still waiting for an earlier step. */
    public record StepResult(int done, int waitingEarlier) {
    }

    /** One ledger entry with its approval history. */
    public record Entry(long id, String teacherId, String termId, long runId, String grade, BigDecimal hours, BigDecimal credits,
                        Long correctsId, String reason, CreditStatus status, String proposedBy, Instant proposedAt, List<Step> steps) {
    }

    public record Step(CreditStep step, String decision, String actor, Instant actedAt, String comment) {
    }

    /** Refused: nothing was written. */
    public static class CreditRefused extends RuntimeException {
        public CreditRefused(String message) {
            super(message);
        }
    }

    /** Proposes the credits of a finished run; teachers already in the ledger with a different result need a reason. */
    public Proposal propose(long runId, String actor, String reason) {
        requireActor(actor);
        requireShort(reason, "更正原因");
        EvaluationRuns.Run run = runs.find(runId).orElseThrow(() -> new CreditRefused("没有运行 #" + runId));
        if (!run.completed()) {
            throw new CreditRefused("运行 #" + runId + " 状态为 " + run.status() + "，只有完成的运行才能认定学分");
        }
        // credits come only from the term's official run; the first proposal of a term publishes its run
        java.util.Optional<RunPublications.Publication> official = publications.official(run.termId());
        if (official.isPresent() && official.get().runId() != runId) {
            throw new CreditRefused("运行 #" + runId + " 不是学期 " + run.termId() + " 的正式结果（正式结果为运行 #" + official.get().runId()
                    + "）：学分只按正式结果提出；确需改用本次运行，先发布它：publish --run " + runId + " --by 姓名 --reason 原因");
        }
        boolean publishFirst = official.isEmpty();
        Map<String, Object[]> current = new HashMap<>();
        jdbc.query("SELECT teacher_id, id, hours, credits, status FROM credit_entry WHERE term_id = ? AND status <> 'SUPERSEDED'",
                rs -> {
                    current.put(rs.getString(1), new Object[] {rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getString(5)});
                }, run.termId());
        List<Object[]> fresh = new ArrayList<>();
        List<Object[]> corrections = new ArrayList<>();
        int[] counts = new int[3]; // unchanged, without hours, rule errors
        jdbc.query("SELECT teacher_id, grade, hours_recognised, credits, rule_error FROM evaluation_result WHERE run_id = ? ORDER BY teacher_id", rs -> {
            if (rs.getString(5) != null) {
                counts[2]++;
                return;
            }
            Object[] row = {rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4)};
            Object[] previous = current.get(rs.getString(1));
            BigDecimal hours = (BigDecimal) row[2];
            BigDecimal credits = (BigDecimal) row[3];
            if (previous == null) {
                if (hours.signum() > 0) {
                    fresh.add(row);
                } else {
                    counts[1]++;
                }
            } else if (!"RETURNED".equals(previous[3]) && hours.compareTo((BigDecimal) previous[1]) == 0 && credits.compareTo((BigDecimal) previous[2]) == 0) {
                counts[0]++;
            } else {
                corrections.add(new Object[] {row[0], row[1], hours, credits, previous[0], previous[3]});
            }
        }, runId);
        if (!corrections.isEmpty() && (reason == null || reason.isBlank())) {
            throw new CreditRefused(corrections.size() + " 位教师已有学分记录，而运行 #" + runId + " 的结果不同或原记录已被退回（如 "
                    + corrections.get(0)[0] + "）：更正必须用 --reason 说明原因；未写入任何记录");
        }
        Timestamp now = Timestamp.from(Instant.now());
        transactions.executeWithoutResult(status -> {
            if (publishFirst) {
                try {
                    publications.publish(runId, actor, null);
                } catch (RunPublications.PublicationRefused e) {
                    throw new CreditRefused(e.getMessage());
                }
            }
            List<Object[]> inserts = new ArrayList<>();
            for (Object[] r : fresh) {
                inserts.add(new Object[] {r[0], run.termId(), runId, r[1], r[2], r[3], null, null, actor, now});
            }
            for (Object[] c : corrections) {
                int superseded = jdbc.update("UPDATE credit_entry SET status = 'SUPERSEDED' WHERE id = ? AND status = ?", c[4], c[5]);
                if (superseded != 1) {
                    throw new CreditRefused("教师 " + c[0] + " 的学分记录刚被他人改动，请重试；未写入任何记录");
                }
                inserts.add(new Object[] {c[0], run.termId(), runId, c[1], c[2], c[3], c[4], reason.strip(), actor, now});
            }
            jdbc.batchUpdate("INSERT INTO credit_entry (teacher_id, term_id, run_id, grade, hours, credits, corrects_id, reason, status, proposed_by, proposed_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PROPOSED', ?, ?)", inserts);
        });
        audit.record(actor, "提出学分", "运行 #" + runId + " 学期 " + run.termId(), "新提出 " + fresh.size() + " 条，更正 " + corrections.size() + " 条"
                + (reason == null || reason.isBlank() ? "" : "，原因：" + reason.strip()));
        return new Proposal(runId, run.termId(), fresh.size(), corrections.size(), counts[0], counts[1], counts[2]);
    }

    /** What correcting one teacher's entry did: the entry now in force (null when none), and the one it replaced. */
    public record Correction(Long entryId, CreditStatus status, Long replacedId, String summary) {
    }

    /**
     * Brings one teacher's entry of a term in line with a corrected result (an accepted appeal): an entry that
     * differs is superseded by a correction entry that keeps its place in the approval chain — the decision
     * that corrected it is recorded as the step it had reached. A teacher without an entry gets a proposed one
     * only once the term's credits have been proposed. Call inside a transaction.
     */
    public Correction correctOne(String teacherId, String termId, long runId, String grade, BigDecimal hours, BigDecimal credits, String actor,
                                 String reason) {
        requireActor(actor);
        requireShort(reason, "更正原因");
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> current = jdbc.query("SELECT id, hours, credits, status, grade FROM credit_entry WHERE teacher_id = ? AND term_id = ? "
                + "AND status <> 'SUPERSEDED' ORDER BY id DESC", (rs, i) -> new Object[] {rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                        CreditStatus.valueOf(rs.getString(4)), rs.getString(5)}, teacherId, termId);
        String insert = "INSERT INTO credit_entry (teacher_id, term_id, run_id, grade, hours, credits, corrects_id, reason, status, proposed_by, proposed_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        if (current.isEmpty()) {
            boolean proposed = jdbc.queryForObject("SELECT COUNT(*) FROM credit_entry WHERE term_id = ?", Integer.class, termId) > 0;
            if (!proposed) {
                return new Correction(null, null, null, "本学期尚未提出学分：提出时按更正后的结果");
            }
            if (hours.signum() <= 0) {
                return new Correction(null, null, null, "更正后仍无认定学时，不提出学分");
            }
            jdbc.update(insert, teacherId, termId, runId, grade, hours, credits, null, reason.strip(), CreditStatus.PROPOSED.name(), actor.strip(), now);
            Long id = jdbc.queryForObject("SELECT MAX(id) FROM credit_entry WHERE teacher_id = ? AND term_id = ?", Long.class, teacherId, termId);
            audit.record(actor, "更正学分", "教师 " + teacherId + " 学期 " + termId, "新提出学分记录 #" + id + "：" + reason.strip());
            return new Correction(id, CreditStatus.PROPOSED, null, "新提出学分记录 #" + id + "（认定学时 " + plain(hours) + "，学分 " + plain(credits)
                    + "），待教研组认定");
        }
        Object[] old = current.get(0);
        long oldId = (Long) old[0];
        CreditStatus status = (CreditStatus) old[3];
        if (status != CreditStatus.RETURNED && hours.compareTo((BigDecimal) old[1]) == 0 && credits.compareTo((BigDecimal) old[2]) == 0
                && java.util.Objects.equals(grade, old[4])) {
            return new Correction(oldId, status, null, "学分记录 #" + oldId + " 不变");
        }
        CreditStatus kept = status == CreditStatus.RETURNED ? CreditStatus.PROPOSED : status;
        if (jdbc.update("UPDATE credit_entry SET status = 'SUPERSEDED' WHERE id = ? AND status = ?", oldId, status.name()) != 1) {
            throw new CreditRefused("教师 " + teacherId + " 的学分记录刚被他人改动，请重试；未写入任何记录");
        }
        jdbc.update(insert, teacherId, termId, runId, grade, hours, credits, oldId, reason.strip(), kept.name(), actor.strip(), now);
        Long id = jdbc.queryForObject("SELECT MAX(id) FROM credit_entry WHERE corrects_id = ?", Long.class, oldId);
        for (CreditStep step : CreditStep.values()) {
            if (step.to() == kept) {
                jdbc.update("INSERT INTO credit_step (entry_id, step, decision, actor, acted_at, comment) VALUES (?, ?, ?, ?, ?, ?)", id, step.name(),
                        step == CreditStep.REGISTER ? "REGISTERED" : "APPROVED", actor.strip(), now, clip("更正，承接学分记录 #" + oldId + " 的审批：" + reason.strip()));
            }
        }
        audit.record(actor, "更正学分", "教师 " + teacherId + " 学期 " + termId, "学分记录 #" + oldId + " → #" + id + "（" + kept.label() + "）："
                + reason.strip());
        return new Correction(id, kept, oldId, "学分记录 #" + oldId + " 由更正记录 #" + id + " 取代（" + kept.label() + "，认定学时 " + plain(hours)
                + "，学分 " + plain(credits) + "）");
    }

    private static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }

    private static String clip(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500);
    }

    /** Takes every entry of the filter that waits for this step one step on, recording who and when. */
    public StepResult approve(CreditStep step, CreditFilter filter, String actor, String comment) {
        requireActor(actor);
        requireShort(comment, "意见");
        List<Long> ids = ids(filter, List.of(step.from()));
        String decision = step == CreditStep.REGISTER ? "REGISTERED" : "APPROVED";
        int done = move(ids, step.from(), step.to(), step, decision, actor, comment);
        List<CreditStatus> earlier = new ArrayList<>();
        for (CreditStep s : CreditStep.values()) {
            if (s.ordinal() < step.ordinal()) {
                earlier.add(s.from());
            }
        }
        return new StepResult(done, earlier.isEmpty() ? 0 : ids(filter, earlier).size());
    }

    /** Sends entries not yet registered back with a reason; a later run's proposal corrects them. */
    public int sendBack(CreditFilter filter, String actor, String reason) {
        requireActor(actor);
        if (reason == null || reason.isBlank()) {
            throw new CreditRefused("退回必须说明原因（--reason）");
        }
        requireShort(reason, "退回原因");
        int done = 0;
        for (CreditStep step : CreditStep.values()) {
            done += move(ids(filter, List.of(step.from())), step.from(), CreditStatus.RETURNED, step, "RETURNED", actor, reason);
        }
        return done;
    }

    /** One line of an approver's queue. */
    public record QueueLine(long id, String teacherId, String name, String schoolId, String groupId, String group, String grade, BigDecimal hours,
                            BigDecimal credits, CreditStatus status, boolean correction) {
    }

    /** The entries of the filter that wait for a step, by school, group and teacher. */
    public List<QueueLine> queue(CreditFilter filter, CreditStep step) {
        List<Object> args = new ArrayList<>();
        String where = filter.where(args);
        args.add(step.from().name());
        return jdbc.query("SELECT e.id, e.teacher_id, t.name, t.school_id, t.group_id, g.name, e.grade, e.hours, e.credits, e.status, e.corrects_id "
                + "FROM credit_entry e JOIN teacher t ON t.id = e.teacher_id LEFT JOIN research_group g ON g.id = t.group_id WHERE " + where
                + " AND e.status = ? ORDER BY t.school_id, t.group_id, e.teacher_id", (rs, i) -> new QueueLine(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
                        CreditStatus.valueOf(rs.getString(10)), rs.getObject(11) != null), args.toArray());
    }

    /** Takes the chosen entries of the filter one step on; entries outside the filter or not waiting for the step are left alone. */
    public StepResult approve(CreditStep step, CreditFilter filter, List<Long> chosen, String actor, String comment) {
        requireActor(actor);
        requireShort(comment, "意见");
        List<Long> ids = ids(filter, List.of(step.from())).stream().filter(chosen::contains).toList();
        return new StepResult(move(ids, step.from(), step.to(), step, step == CreditStep.REGISTER ? "REGISTERED" : "APPROVED", actor, comment), 0);
    }

    /** Sends the chosen entries of the filter that wait for a step back, with a reason. */
    public int sendBack(CreditStep step, CreditFilter filter, List<Long> chosen, String actor, String reason) {
        requireActor(actor);
        if (reason == null || reason.isBlank()) {
            throw new CreditRefused("退回必须说明原因");
        }
        requireShort(reason, "退回原因");
        List<Long> ids = ids(filter, List.of(step.from())).stream().filter(chosen::contains).toList();
        return move(ids, step.from(), CreditStatus.RETURNED, step, "RETURNED", actor, reason);
    }

    /** Every entry of a teacher, oldest first, each with its steps. */
    public List<Entry> entries(String teacherId) {
        Map<Long, List<Step>> steps = new HashMap<>();
        jdbc.query("SELECT s.entry_id, s.step, s.decision, s.actor, s.acted_at, s.comment FROM credit_step s JOIN credit_entry e ON e.id = s.entry_id "
                + "WHERE e.teacher_id = ? ORDER BY s.id", rs -> {
                    steps.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Step(CreditStep.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6)));
                }, teacherId);
        return jdbc.query("SELECT id, teacher_id, term_id, run_id, grade, hours, credits, corrects_id, reason, status, proposed_by, proposed_at "
                + "FROM credit_entry WHERE teacher_id = ? ORDER BY term_id, id", (rs, i) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getLong(4), rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7), (Long) rs.getObject(8, Long.class), rs.getString(9),
                        CreditStatus.valueOf(rs.getString(10)), rs.getString(11), rs.getTimestamp(12).toInstant(), steps.getOrDefault(rs.getLong(1), List.of())),
                teacherId);
    }

    /**
     * The teacher's progress toward the multi-year targets — the three-year hours (H4) and the backbone
     * teachers' centralised training (H6) — as the rules stated it in the teacher's latest finished run.
     */
    public List<String> progress(String teacherId) {
        List<String> json = jdbc.query("SELECT r.run_id, r.findings_json, r.details FROM evaluation_result r JOIN evaluation_run u ON u.id = r.run_id "
                + "WHERE r.teacher_id = ? AND u.status = 'COMPLETED' ORDER BY u.term_id DESC, u.id DESC LIMIT 1",
                (rs, i) -> cn.yanxiu.evaluation.ResultDocuments.read(jdbc, rs.getLong(1), rs.getBytes(3), rs.getString(2), null, null, null).findings(),
                teacherId);
        List<String> lines = new ArrayList<>();
        if (json.isEmpty()) {
            return lines;
        }
        try {
            for (var finding : JSON.readTree(json.get(0))) {
                String policy = finding.path("policy").asText();
                if (policy.equals("H4") || policy.equals("H6")) {
                    lines.add(policy + " " + finding.path("message").asText());
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("结论无法读取：" + e.getMessage(), e);
        }
        return lines;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private List<Long> ids(CreditFilter filter, List<CreditStatus> statuses) {
        List<Object> args = new ArrayList<>();
        String where = filter.where(args);
        args.addAll(statuses.stream().map(Enum::name).toList());
        return jdbc.queryForList("SELECT e.id FROM credit_entry e JOIN teacher t ON t.id = e.teacher_id WHERE " + where
                + " AND e.status IN (" + String.join(",", statuses.stream().map(s -> "?").toList()) + ") ORDER BY e.id", Long.class, args.toArray());
    }

    /** Moves entries that are still at {@code from} (another approver may have got there first) and records the step. */
    private int move(List<Long> ids, CreditStatus from, CreditStatus to, CreditStep step, String decision, String actor, String comment) {
        if (ids.isEmpty()) {
            return 0;
        }
        Timestamp now = Timestamp.from(Instant.now());
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        Integer done = transactions.execute(status -> {
            List<Object[]> steps = new ArrayList<>();
            for (Long id : ids) {
                // one conditional update per entry: an entry someone else already moved is left alone and gets no step
                if (jdbc.update("UPDATE credit_entry SET status = ? WHERE id = ? AND status = ?", to.name(), id, from.name()) == 1) {
                    steps.add(new Object[] {id, step.name(), decision, actor.strip(), now, note});
                }
            }
            jdbc.batchUpdate("INSERT INTO credit_step (entry_id, step, decision, actor, acted_at, comment) VALUES (?, ?, ?, ?, ?, ?)", steps);
            return steps.size();
        });
        if (done != null && done > 0) {
            audit.record(actor, "RETURNED".equals(decision) ? "退回学分" : step == CreditStep.REGISTER ? "登记学分" : "审批通过",
                    step.label() + " " + done + " 条", comment);
        }
        return done == null ? 0 : done;
    }

    private static void requireShort(String text, String what) {
        if (text != null && text.strip().length() > 500) {
            throw new CreditRefused(what + "过长（" + text.strip().length() + " 个字符，最多 500）");
        }
    }

    private static void requireActor(String actor) {
        if (actor == null || actor.isBlank()) {
            throw new CreditRefused("必须写明操作人（--by）");
        }
        if (actor.length() > 64) {
            throw new CreditRefused("操作人名称过长（最多 64 个字符）");
        }
    }
}
