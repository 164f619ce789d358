package cn.yanxiu.certificates;

import cn.yanxiu.activity.ActivityType;
import cn.yanxiu.credits.HoursByKind;
import cn.yanxiu.evaluation.EvaluationRuns;
import cn.yanxiu.system.Progress;
import cn.yanxiu.system.ScratchSpace;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Certificates (G6): issued for registered credit entries whose run found the teacher eligible (the rules'
 * certificate output: 合格 and 优秀 in the 2025-2026 rule set), written as PDFs per school and as one ZIP
 * per school; verified by serial; revoked with a recorded reason.
 */
@Service
public class Certificates {

    private final JdbcTemplate jdbc;
    private final EvaluationRuns runs;
    private final CertificateSerials serials;
    private final String verifyBase;
    private final String issuer;

    /**
     * {@code verifyBase}: the public address a certificate's QR code and text point to, configured once
     * ({@code YANXIU_VERIFY_URL}); in production (the MySQL profile) a local address is refused at start-up, since
     * nobody holding the certificate could reach it. {@code issuer}: the issuing authority printed on certificates
     * ({@code YANXIU_CERTIFICATE_ISSUER}; when empty, the teacher's district as the records name it). {@code seal}:
     * an optional PNG of the seal ({@code YANXIU_CERTIFICATE_SEAL}).
     */
    private cn.yanxiu.audit.AuditLog audit;

    @org.springframework.beans.factory.annotation.Autowired
    void auditLog(cn.yanxiu.audit.AuditLog audit) {
        this.audit = audit;
    }

    Certificates(JdbcTemplate jdbc, EvaluationRuns runs, CertificateSerials serials,
                 @Value("${yanxiu.certificates.verify-url:http://localhost:8080/verify/}") String verifyBase,
                 @Value("${yanxiu.certificates.issuer:}") String issuer, @Value("${yanxiu.certificates.seal:}") String seal,
                 @Value("${yanxiu.production:false}") boolean production) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.serials = serials;
        this.verifyBase = verifyBase.endsWith("/") ? verifyBase : verifyBase + "/";
        this.issuer = issuer == null ? "" : issuer.strip();
        this.production = production;
        this.sealPath = seal;
    }

    private final boolean production;
    private final String sealPath;
    private volatile byte[] seal;

    /**
     * In production the verification address must be one a certificate holder can reach: {@code serve} checks this
     * before it starts, and issuing refuses to draw certificates that point at this machine.
     */
    public void requirePublicVerifyUrl() {
        if (production && isLocal(verifyBase)) {
            throw new CertificateRefused("生产环境必须配置证书核验地址 YANXIU_VERIFY_URL（现为 " + verifyBase
                    + "，持证人和核验单位无法访问本机地址），例如 https://yanxiu.example.gov.cn/verify/");
        }
        if (seal == null) {
            seal = readSeal(sealPath);
        }
    }

    static boolean isLocal(String url) {
        String host;
        try {
            host = java.net.URI.create(url.strip()).getHost();
        } catch (IllegalArgumentException e) {
            return true;
        }
        return host == null || host.equalsIgnoreCase("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1")
                || host.equals("0.0.0.0");
    }

    private static byte[] readSeal(String path) {
        if (path == null || path.isBlank()) {
            return new byte[0];
        }
        try {
            byte[] png = Files.readAllBytes(Path.of(path.strip()));
            if (png.length < 8 || png[0] != (byte) 0x89 || png[1] != 'P' || png[2] != 'N' || png[3] != 'G') {
                throw new CertificateRefused("印章图片 " + path + " 不是 PNG 文件（YANXIU_CERTIFICATE_SEAL）");
            }
            return png;
        } catch (IOException e) {
            throw new CertificateRefused("无法读取印章图片 " + path + "（YANXIU_CERTIFICATE_SEAL）：" + e.getMessage());
        }
    }

    private byte[] sealImage() {
        requirePublicVerifyUrl();
        return seal.length == 0 ? null : seal;
    }

    /** The issuing authority for a school's certificates: the configured one, else the school's district. */
    private String issuerFor(String schoolId) {
        if (!issuer.isEmpty()) {
            return issuer;
        }
        return jdbc.query("SELECT d.name FROM school s JOIN district d ON d.id = s.district_id WHERE s.id = ?", (rs, i) -> rs.getString(1), schoolId)
                .stream().findFirst().orElse("");
    }

    /** {@code revoked}: eligible teachers whose certificate was revoked, left out of the PDFs and the ZIPs. */
    public record Issued(int certificates, int newlyIssued, List<Path> zips, int revoked) {
    }

    /** The approval steps shown on verification. */
    public record Approval(String step, String actor, Instant at) {
    }

    /** What a verifier needs and no more: who holds it, what it states, who issued it, the approval steps and when (not who approved). */
    public record Verification(String serial, Status status, String message, String teacherName, String schoolName, String termId,
                               String grade, BigDecimal hours, BigDecimal credits, String ruleSetHash, List<Approval> approvals,
                               Instant issuedAt, Instant revokedAt, String revokeReason, String issuer) {
        public enum Status { GENUINE, REVOKED, NOT_GENUINE }
    }

    public static class CertificateRefused extends RuntimeException {
        public CertificateRefused(String message) {
            super(message);
        }
    }

    /** Issues (or re-writes) the certificates of a run's registered, eligible teachers into {@code dir}. */
    public Issued issue(long runId, String actor, Path dir, PrintWriter progressOut) throws IOException {
        if (actor == null || actor.isBlank() || actor.length() > 64) {
            throw new CertificateRefused("必须写明发证人（--by，最多 64 个字符）");
        }
        EvaluationRuns.Run run = runs.find(runId).orElseThrow(() -> new CertificateRefused("没有运行 #" + runId));
        if (!run.completed()) {
            throw new CertificateRefused("运行 #" + runId + " 状态为 " + run.status() + "，只有完成的运行才能发证");
        }
        requirePublicVerifyUrl();
        record Candidate(long entryId, String teacherId, String name, String schoolId, String schoolName, String termName, String grade,
                         BigDecimal hours, BigDecimal credits) {
        }
        List<Candidate> candidates = jdbc.query("SELECT e.id, e.teacher_id, t.name, s.id, s.name, m.name, r.grade, e.hours, e.credits "
                + "FROM credit_entry e JOIN evaluation_result r ON r.run_id = e.run_id AND r.teacher_id = e.teacher_id "
                + "JOIN teacher t ON t.id = e.teacher_id JOIN school s ON s.id = t.school_id JOIN term m ON m.id = e.term_id "
                + "WHERE e.run_id = ? AND e.status = 'REGISTERED' AND r.certificate = TRUE ORDER BY s.id, e.teacher_id",
                (rs, i) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getBigDecimal(8), rs.getBigDecimal(9)), runId);
        Files.createDirectories(dir);
        Map<String, Map<ActivityType, BigDecimal>> hoursByKind = HoursByKind.of(jdbc, run.termId(), cn.yanxiu.accounts.Scope.PROVINCE);
        Progress progress = progressOut == null ? null : new Progress("发证", candidates.size(), progressOut);
        Map<String, List<Path>> bySchool = new TreeMap<>();
        // one lookup per school, not per certificate
        Map<String, String> issuers = new java.util.HashMap<>();
        int fresh = 0;
        int done = 0;
        int revoked = 0;
        for (Candidate c : candidates) {
            List<Object[]> existing = jdbc.query("SELECT serial, issued_at, revoked_at FROM certificate WHERE entry_id = ?",
                    (rs, i) -> new Object[] {rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3)}, c.entryId());
            String serial;
            Instant issuedAt;
            if (!existing.isEmpty() && existing.get(0)[2] != null) {
                // a revoked certificate is never drawn or zipped again; a copy left from an earlier issue is removed
                Files.deleteIfExists(dir.resolve(c.schoolId()).resolve(c.teacherId() + "-" + existing.get(0)[0] + ".pdf"));
                revoked++;
                if (progress != null) {
                    progress.update(++done);
                }
                continue;
            }
            if (existing.isEmpty()) {
                issuedAt = Instant.now();
                serial = store(c.entryId(), c.teacherId(), run.termId(), runId, c.grade(), c.hours(), c.credits(), actor, issuedAt);
                for (String old : supersededBy(serial)) {
                    Files.deleteIfExists(dir.resolve(c.schoolId()).resolve(c.teacherId() + "-" + old + ".pdf"));
                }
                fresh++;
            } else {
                serial = (String) existing.get(0)[0];
                issuedAt = (Instant) existing.get(0)[1];
            }
            Path schoolDir = Files.createDirectories(dir.resolve(c.schoolId()));
            Path pdf = schoolDir.resolve(c.teacherId() + "-" + serial + ".pdf");
            CertificatePdf.write(new CertificateContent(serial, c.teacherId(), c.name(), c.schoolName(), c.termName(), c.grade(), c.hours(),
                    c.credits(), labelled(hoursByKind.getOrDefault(c.teacherId(), Map.of())), run.ruleSetHash(), issuedAt,
                    issuers.computeIfAbsent(c.schoolId(), this::issuerFor), sealImage()),
                    verifyBase + serial, pdf);
            bySchool.computeIfAbsent(c.schoolId(), k -> new ArrayList<>()).add(pdf);
            if (progress != null) {
                progress.update(++done);
            }
        }
        if (progress != null) {
            progress.done();
        }
        List<Path> zips = new ArrayList<>();
        for (Map.Entry<String, List<Path>> school : bySchool.entrySet()) {
            Path zip = dir.resolve(school.getKey() + ".zip");
            try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
                for (Path pdf : school.getValue()) {
                    z.putNextEntry(new ZipEntry(pdf.getFileName().toString()));
                    Files.copy(pdf, z);
                    z.closeEntry();
                }
            }
            zips.add(zip);
        }
        if (audit != null) {
            audit.record(actor, "签发证书", "运行 #" + runId, "证书 " + (candidates.size() - revoked) + " 份，新签发 " + fresh + " 份");
        }
        return new Issued(candidates.size() - revoked, fresh, zips, revoked);
    }

    /**
     * Records a certificate for one registered ledger entry; the teacher's earlier certificate for the term (a
     * correction replaces it) names its successor and stops being valid. Returns the new serial.
     */
    private String store(long entryId, String teacherId, String termId, long runId, String grade, BigDecimal hours, BigDecimal credits, String actor,
                         Instant issuedAt) {
        String serial = serials.newSerial(termId);
        jdbc.update("INSERT INTO certificate (serial, entry_id, teacher_id, term_id, run_id, grade, hours, credits, signature, issued_by, issued_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", serial, entryId, teacherId, termId, runId, grade, hours, credits,
                serials.sign(stated(serial, teacherId, termId, runId, grade, hours, credits)), actor.strip(), Timestamp.from(issuedAt));
        for (String old : jdbc.queryForList("SELECT serial FROM certificate WHERE teacher_id = ? AND term_id = ? AND serial <> ? AND revoked_at IS NULL",
                String.class, teacherId, termId, serial)) {
            jdbc.update("UPDATE certificate SET superseded_by = ?, revoked_by = ?, revoked_at = ?, revoke_reason = ? WHERE serial = ?",
                    serial, actor.strip(), Timestamp.from(issuedAt), "学分更正后由证书 " + serial + " 取代", old);
        }
        return serial;
    }

    private List<String> supersededBy(String serial) {
        return jdbc.queryForList("SELECT serial FROM certificate WHERE superseded_by = ?", String.class, serial);
    }

    /**
     * Issues the certificate of one registered entry at once (a correction after an appeal, say), replacing the
     * teacher's earlier certificate for the term; its PDF is drawn from the record when downloaded.
     */
    public String issueFor(long entryId, String actor, String why) {
        if (actor == null || actor.isBlank() || actor.length() > 64) {
            throw new CertificateRefused("必须写明发证人（最多 64 个字符）");
        }
        requirePublicVerifyUrl();
        record Entry(String teacherId, String termId, long runId, String grade, BigDecimal hours, BigDecimal credits) {
        }
        Entry e = jdbc.query("SELECT e.teacher_id, e.term_id, e.run_id, r.grade, e.hours, e.credits FROM credit_entry e "
                + "JOIN evaluation_result r ON r.run_id = e.run_id AND r.teacher_id = e.teacher_id "
                + "WHERE e.id = ? AND e.status = 'REGISTERED' AND r.certificate = TRUE", (rs, i) -> new Entry(rs.getString(1), rs.getString(2),
                        rs.getLong(3), rs.getString(4), rs.getBigDecimal(5), rs.getBigDecimal(6)), entryId).stream().findFirst()
                .orElseThrow(() -> new CertificateRefused("学分记录 #" + entryId + " 未登记或其结果不发证书"));
        String serial = store(entryId, e.teacherId(), e.termId(), e.runId(), e.grade(), e.hours(), e.credits(), actor, Instant.now());
        if (audit != null) {
            List<String> replaced = supersededBy(serial);
            audit.record(actor, "签发证书", serial, (replaced.isEmpty() ? "" : "取代证书 " + String.join("、", replaced) + "；") + why);
        }
        return serial;
    }

    /** The teacher's valid (not revoked, not superseded) certificate of a term, if any. */
    public java.util.Optional<String> validFor(String teacherId, String termId) {
        return jdbc.queryForList("SELECT serial FROM certificate WHERE teacher_id = ? AND term_id = ? AND revoked_at IS NULL", String.class, teacherId, termId)
                .stream().findFirst();
    }

    /** A teacher's certificates, newest first: serial, term, revoked or not. */
    public record Held(String serial, String termId, String grade, BigDecimal hours, BigDecimal credits, Instant issuedAt, boolean revoked) {
    }

    public List<Held> heldBy(String teacherId) {
        return jdbc.query("SELECT serial, term_id, grade, hours, credits, issued_at, revoked_at FROM certificate WHERE teacher_id = ? ORDER BY issued_at DESC",
                (rs, i) -> new Held(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
                        rs.getTimestamp(6).toInstant(), rs.getTimestamp(7) != null), teacherId);
    }

    /** The PDF of an issued certificate, drawn again from its record exactly as at issue. */
    public byte[] pdf(String serial) throws IOException {
        record Stored(String teacherId, String name, String schoolId, String schoolName, String termId, String termName, long runId, String grade, BigDecimal hours,
                      BigDecimal credits, Instant issuedAt, String hash) {
        }
        Stored c = jdbc.query("SELECT c.teacher_id, t.name, s.id, s.name, c.term_id, m.name, c.run_id, c.grade, c.hours, c.credits, c.issued_at, u.rule_set_hash "
                + "FROM certificate c JOIN teacher t ON t.id = c.teacher_id JOIN school s ON s.id = t.school_id JOIN term m ON m.id = c.term_id "
                + "JOIN evaluation_run u ON u.id = c.run_id WHERE c.serial = ? AND c.revoked_at IS NULL", (rs, i) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8), rs.getBigDecimal(9), rs.getBigDecimal(10),
                        rs.getTimestamp(11).toInstant(), rs.getString(12)), serial).stream().findFirst()
                .orElseThrow(() -> new CertificateRefused("没有有效的证书 " + serial + "（不存在或已撤销；撤销的证书不再提供下载）"));
        Map<ActivityType, BigDecimal> hours = HoursByKind.ofTeacher(jdbc, c.termId(), c.teacherId());
        String issuer = issuerFor(c.schoolId());
        // drawn again only when something printed on it changed (a revoked one never got this far)
        return drawn.get(String.join("|", c.toString(), labelled(hours).toString(), issuer, verifyBase), key -> {
            try {
                Path file = ScratchSpace.file("yanxiu-certificate", ".pdf");
                try {
                    CertificatePdf.write(new CertificateContent(serial, c.teacherId(), c.name(), c.schoolName(), c.termName(), c.grade(), c.hours(),
                            c.credits(), labelled(hours), c.hash(), c.issuedAt(), issuer, sealImage()), verifyBase + serial, file);
                    return Files.readAllBytes(file);
                } finally {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Certificates drawn lately (about 15 KB each): a teacher downloading theirs again is not drawn twice. */
    private final cn.yanxiu.system.RecentCache<String, byte[]> drawn = new cn.yanxiu.system.RecentCache<>(2_000, java.time.Duration.ofMinutes(10));

    /** What the verification page shows for a serial: genuine, revoked, or not genuine and why. */
    public Verification verify(String serial) {
        String s = serial == null ? "" : serial.strip();
        if (!serials.wellFormed(s)) {
            return notGenuine(s, "证书编号无效：不是本系统签发的编号（可能被改动）");
        }
        List<Verification> found = jdbc.query("SELECT c.serial, c.teacher_id, c.term_id, c.run_id, c.grade, c.hours, c.credits, c.signature, "
                + "t.name, s.name, u.rule_set_hash, c.issued_at, c.revoked_at, c.revoke_reason, c.entry_id, t.school_id, c.superseded_by, "
                + "(SELECT MIN(p.serial) FROM certificate p WHERE p.superseded_by = c.serial) FROM certificate c "
                + "JOIN teacher t ON t.id = c.teacher_id JOIN school s ON s.id = t.school_id JOIN evaluation_run u ON u.id = c.run_id WHERE c.serial = ?",
                (rs, i) -> {
                    boolean intact = serials.sign(stated(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                            rs.getBigDecimal(6), rs.getBigDecimal(7))).equals(rs.getString(8));
                    if (!intact) {
                        return notGenuine(s, "证书记录与签发时不一致（可能被改动），不是真实证书");
                    }
                    Timestamp revoked = rs.getTimestamp(13);
                    List<Approval> approvals = jdbc.query("SELECT step, actor, acted_at FROM credit_step WHERE entry_id = ? AND decision <> 'RETURNED' ORDER BY id",
                            (r, j) -> new Approval(cn.yanxiu.credits.CreditStep.valueOf(r.getString(1)).label(), null, r.getTimestamp(3).toInstant()),
                            rs.getLong(15));
                    return new Verification(s, revoked == null ? Verification.Status.GENUINE : Verification.Status.REVOKED,
                            revoked == null ? "真实有效的证书" + (rs.getString(18) == null ? "" : "（学分更正后重新签发，取代证书 " + rs.getString(18) + "）")
                                    : rs.getString(17) != null ? "证书已于 " + cn.yanxiu.system.Times.second(revoked.toInstant()) + " 被更正后的证书 "
                                    + rs.getString(17) + " 取代，不再有效"
                                    : "证书已于 " + cn.yanxiu.system.Times.second(revoked.toInstant()) + " 撤销：" + rs.getString(14),
                            rs.getString(9), rs.getString(10), rs.getString(3), rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
                            rs.getString(11), approvals, rs.getTimestamp(12).toInstant(), revoked == null ? null : revoked.toInstant(), rs.getString(14),
                            issuerFor(rs.getString(16)));
                }, s);
        return found.isEmpty() ? notGenuine(s, "查无此证书编号，不是真实证书") : found.get(0);
    }

    /** Revokes a certificate (after a correction, say); verification shows when, by whom and why. */
    public void revoke(String serial, String actor, String reason) {
        if (actor == null || actor.isBlank() || actor.length() > 64) {
            throw new CertificateRefused("必须写明操作人（--by，最多 64 个字符）");
        }
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw new CertificateRefused("撤销必须说明原因（--reason，最多 500 个字符）");
        }
        Verification v = verify(serial);
        if (v.status() == Verification.Status.NOT_GENUINE) {
            throw new CertificateRefused(v.message());
        }
        if (v.status() == Verification.Status.REVOKED) {
            throw new CertificateRefused("证书 " + serial + " 已撤销");
        }
        jdbc.update("UPDATE certificate SET revoked_by = ?, revoked_at = ?, revoke_reason = ? WHERE serial = ? AND revoked_at IS NULL",
                actor.strip(), Timestamp.from(Instant.now()), reason.strip(), serial.strip());
        if (audit != null) {
            audit.record(actor, "撤销证书", serial.strip(), reason.strip());
        }
    }

    private static Map<String, BigDecimal> labelled(Map<ActivityType, BigDecimal> hours) {
        Map<String, BigDecimal> labelled = new LinkedHashMap<>();
        hours.forEach((type, h) -> labelled.put(type.label(), h));
        return labelled;
    }

    private static List<Object> stated(String serial, String teacherId, String termId, long runId, String grade, BigDecimal hours, BigDecimal credits) {
        return List.of(serial, teacherId, termId, runId, grade, hours, credits);
    }

    private static Verification notGenuine(String serial, String why) {
        return new Verification(serial, Verification.Status.NOT_GENUINE, why, null, null, null, null, null, null, null, List.of(), null, null, null, null);
    }
}
