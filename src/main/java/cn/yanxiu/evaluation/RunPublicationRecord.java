package cn.yanxiu.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One row of a term's publication history (append-only: the latest row names the official run). */
@Entity
@Table(name = "run_publication")
public class RunPublicationRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "term_id")
    private String termId;
    @Column(name = "run_id")
    private long runId;
    @Column(name = "replaces_run_id")
    private Long replacesRunId;
    @Column(name = "reason")
    private String reason;
    @Column(name = "published_by")
    private String publishedBy;
    // a plain TIMESTAMP, bound as the JDBC code binds it (the JVM keeps time in UTC: Times.storeInUtc)
    @Column(name = "published_at")
    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    private Instant publishedAt;

    protected RunPublicationRecord() {
    }

    RunPublicationRecord(RunPublications.Publication p) {
        this.termId = p.termId();
        this.runId = p.runId();
        this.replacesRunId = p.replacesRunId();
        this.reason = p.reason();
        this.publishedBy = p.publishedBy();
        this.publishedAt = p.publishedAt();
    }

    RunPublications.Publication publication() {
        return new RunPublications.Publication(termId, runId, replacesRunId, reason, publishedBy, publishedAt);
    }
}
