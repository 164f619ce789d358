package cn.yanxiu.rules;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What one rule file held before a saved change (no content: it did not exist), kept so the change can be undone. */
@Entity
@Table(name = "rule_file_revision")
public class RuleFileRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "rules_folder")
    private String rulesFolder;
    @Column(name = "file_name")
    private String fileName;
    @Column(name = "content")
    private byte[] content;
    @Column(name = "saved_by")
    private String savedBy;
    // a plain TIMESTAMP, bound as the JDBC code binds it (the JVM keeps time in UTC: Times.storeInUtc)
    @Column(name = "saved_at")
    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    private Instant savedAt;

    protected RuleFileRevision() {
    }

    RuleFileRevision(String rulesFolder, String fileName, byte[] content, String savedBy, Instant savedAt) {
        this.rulesFolder = rulesFolder;
        this.fileName = fileName;
        this.content = content;
        this.savedBy = savedBy;
        this.savedAt = savedAt;
    }

    /** The file's bytes before the change; null when the change created it. */
    public byte[] content() {
        return content;
    }
}
