package cn.yanxiu.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The term's official result: of the runs of a term, the one an administrator published. Credits are proposed only
 * from it. Publishing another run replaces it and needs a reason; once the term's credits are registered the term is
 * locked, and a later run stays a preview unless it is published as a recorded correction (with its reason).
 */
@Service
public class RunPublications {

    /** A publication: which run, replacing which, why, who and when. */
    public record Publication(String termId, long runId, Long replacesRunId, String reason, String publishedBy, Instant publishedAt) {
    }

    public static class PublicationRefused extends RuntimeException {
        public PublicationRefused(String message) {
            super(message);
        }
    }

    private final JdbcTemplate jdbc;
    /** Absent in a command that keeps no such records and so starts no JPA ({@link cn.yanxiu.system.OneShotCommandAutoConfiguration}). */
    private final ObjectProvider<RunPublicationRecords> records;
    private final EvaluationRuns runs;
    private final TransactionTemplate transactions;

    private final cn.yanxiu.audit.AuditLog audit;

    RunPublications(JdbcTemplate jdbc, ObjectProvider<RunPublicationRecords> records, EvaluationRuns runs, TransactionTemplate transactions,
                    cn.yanxiu.audit.AuditLog audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.records = records;
        this.runs = runs;
        this.transactions = transactions;
    }

    /** The term's official run, if one was published. */
    public Optional<Publication> official(String termId) {
        return records.getObject().findFirstByTermIdOrderByIdDesc(termId).map(RunPublicationRecord::publication);
    }

    /** Every publication of a term, oldest first. */
    public List<Publication> history(String termId) {
        return records.getObject().findByTermIdOrderById(termId).stream().map(RunPublicationRecord::publication).toList();
    }

    /** True once any credit of the term is registered: the term's result is then on file. */
    public boolean locked(String termId) {
        Integer registered = jdbc.queryForObject("SELECT COUNT(*) FROM credit_entry WHERE term_id = ? AND status = 'REGISTERED'", Integer.class, termId);
        return registered != null && registered > 0;
    }

    /**
     * Publishes a finished run as its term's official result. Replacing another official run needs a reason; so
     * does any publication once the term is locked (it is then a recorded correction). Publishing the official run
     * again changes nothing.
     */
    public Publication publish(long runId, String by, String reason) {
        if (by == null || by.isBlank() || by.strip().length() > 64) {
            throw new PublicationRefused("必须写明发布人（--by，最多 64 个字符）");
        }
        if (reason != null && reason.strip().length() > 500) {
            throw new PublicationRefused("原因最多 500 个字符");
        }
        EvaluationRuns.Run run = runs.find(runId).orElseThrow(() -> new PublicationRefused("没有运行 #" + runId));
        if (!run.completed()) {
            throw new PublicationRefused("运行 #" + runId + " 状态为 " + run.status() + "，只有完成的运行才能发布为正式结果");
        }
        return transactions.execute(status -> {
            Optional<Publication> current = official(run.termId());
            if (current.isPresent() && current.get().runId() == runId) {
                return current.get();
            }
            boolean noReason = reason == null || reason.isBlank();
            if (current.isPresent() && noReason) {
                throw new PublicationRefused("学期 " + run.termId() + " 的正式结果已是运行 #" + current.get().runId() + "：改为运行 #" + runId
                        + " 必须用 --reason 说明原因");
            }
            if (locked(run.termId()) && noReason) {
                throw new PublicationRefused("学期 " + run.termId() + " 已有学分登记（已锁定）：发布运行 #" + runId + " 是更正，必须用 --reason 说明原因");
            }
            Instant now = Instant.now();
            audit.record(by, "发布正式结果", "学期 " + run.termId() + " 运行 #" + runId,
                    (current.isPresent() ? "替换运行 #" + current.get().runId() + "；" : "") + (noReason ? "" : "原因：" + reason.strip()));
            Publication published = new Publication(run.termId(), runId, current.map(Publication::runId).orElse(null), noReason ? null : reason.strip(),
                    by.strip(), now);
            records.getObject().save(new RunPublicationRecord(published));
            return published;
        });
    }
}
