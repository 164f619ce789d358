package cn.yanxiu.evaluation;

import cn.yanxiu.rules.RuleFile;
import cn.yanxiu.rules.RuleSet;
import cn.yanxiu.system.ScratchSpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the text of every rule file a run used, content-addressed: a file stored once serves every run
 * that used the same bytes, and an explanation always shows the rule text that produced it.
 */
@Component
public class RuleSnapshots {

    private final JdbcTemplate jdbc;

    RuleSnapshots(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void store(RuleSet rules) {
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM rule_set_snapshot WHERE hash = ?", Integer.class, rules.hash());
        if (known > 0) {
            if (rules.fullyChecked() != null) {
                jdbc.update("UPDATE rule_set_snapshot SET code_check = ? WHERE hash = ?", rules.fullyChecked(), rules.hash());
            }
            return;
        }
        for (RuleFile f : rules.files()) {
            Integer have = jdbc.queryForObject("SELECT COUNT(*) FROM rule_file_snapshot WHERE sha256 = ?", Integer.class, f.sha256());
            if (have == 0) {
                jdbc.update("INSERT INTO rule_file_snapshot (sha256, file_name, content, drl) VALUES (?, ?, ?, ?)",
                        f.sha256(), f.name(), f.content(), f.drl());
            }
        }
        jdbc.update("INSERT INTO rule_set_snapshot (hash, source_dir, academic_year, created_at, code_check) VALUES (?, ?, ?, ?, ?)",
                rules.hash(), rules.dir().toString(), rules.manifest().academicYear(), Timestamp.from(Instant.now()), rules.fullyChecked());
        for (RuleFile f : rules.files()) {
            jdbc.update("INSERT INTO rule_set_file (rule_set_hash, file_name, file_sha256) VALUES (?, ?, ?)", rules.hash(), f.name(), f.sha256());
        }
        storeManifest(rules);
    }

    /** Whether this exact rule-set version passed the full code check under the current checker. */
    public boolean checkedBefore(String hash) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM rule_set_snapshot WHERE hash = ? AND code_check = ?", Integer.class, hash,
                cn.yanxiu.rules.internal.CodeCheckFingerprint.value()) > 0;
    }

    private void storeManifest(RuleSet rules) {
        Path manifest = rules.dir().resolve("manifest.yaml");
        try {
            byte[] content = Files.readAllBytes(manifest);
            String sha = cn.yanxiu.rules.RuleSetFiles.sha256(content);
            Integer have = jdbc.queryForObject("SELECT COUNT(*) FROM rule_file_snapshot WHERE sha256 = ?", Integer.class, sha);
            if (have == 0) {
                jdbc.update("INSERT INTO rule_file_snapshot (sha256, file_name, content, drl) VALUES (?, ?, ?, NULL)", sha, "manifest.yaml", content);
            }
            jdbc.update("INSERT INTO rule_set_file (rule_set_hash, file_name, file_sha256) VALUES (?, ?, ?)", rules.hash(), "manifest.yaml", sha);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The stored files of a rule-set version: name → content. */
    public List<StoredFile> files(String hash) {
        return jdbc.query("SELECT f.file_name, s.content, s.drl FROM rule_set_file f JOIN rule_file_snapshot s ON s.sha256 = f.file_sha256 "
                + "WHERE f.rule_set_hash = ? ORDER BY f.file_name", (rs, i) -> new StoredFile(rs.getString(1), rs.getBytes(2), rs.getString(3)), hash);
    }

    /**
     * Compiles a stored rule-set version exactly as it ran: its files written back to a new temporary folder named
     * {@code folderPrefix…}, handed to {@code compile}, and the folder removed after — compiled rules do not read their
     * files again, and each resume, worker partition or explanation would otherwise leave one behind.
     */
    public <T> T compiled(String hash, String folderPrefix, java.util.function.Function<Path, T> compile) throws IOException {
        Path dir = ScratchSpace.folder(folderPrefix);
        try {
            for (StoredFile f : files(hash)) {
                Files.write(dir.resolve(f.name()), f.content());
            }
            return compile.apply(dir);
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(dir.toFile());
        }
    }

    public record StoredFile(String name, byte[] content, String drl) {
        public String text() {
            return drl != null ? drl : new String(content, java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
