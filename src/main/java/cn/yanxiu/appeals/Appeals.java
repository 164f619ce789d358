package cn.yanxiu.appeals;

import cn.yanxiu.audit.AuditLog;
import cn.yanxiu.certificates.Certificates;
import cn.yanxiu.credits.CreditLedger;
import cn.yanxiu.credits.CreditStatus;
import cn.yanxiu.evaluation.ResultCorrections;
import cn.yanxiu.evaluation.RunPublications;
import cn.yanxiu.importing.ImportLimits;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Appeals (申诉): a teacher disputes a record or a term's result, with a reason and evidence files; an approver
 * of the teacher's school accepts it with a correction or rejects it with a reason. An accepted appeal corrects
 * the record, re-evaluates the teacher under the term's official run and its rule snapshot, brings the credit
 * entry and the certificate in line, and keeps the before → after difference on the appeal — all in one
 * transaction, so a refusal anywhere changes nothing. Every step goes to the audit log.
 */
@Service
public class Appeals {

    /** Open appeals one teacher may have in a term at once. */
    private static final int MAX_OPEN_PER_TERM = 5;

    public enum Status {
        SUBMITTED("待处理"), ACCEPTED("已采纳"), REJECTED("已驳回");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** An appeal as the teacher, the approver and the auditor read it. */
    public record Appeal(long id, String teacherId, String teacherName, String schoolId, String groupId, String termId, Long activityId,
                         String activityText, String reason, Status status, Instant submittedAt, String decidedBy, Instant decidedAt,
                         String decisionReason, String correction, Long runId, String gradeBefore, String gradeAfter, List<String> consequences,
                         List<Evidence> evidence) {

        public boolean open() {
            return status == Status.SUBMITTED;
        }

        /** What the appeal is about, in words. */
        public String subject() {
            return activityText != null ? "记录：" + activityText : "学期 " + termId + " 的评价结果";
        }
    }

    /** One evidence file's description (its content is read separately). */
    public record Evidence(long id, String teacherId, String termId, Long appealId, Long activityId, String activityText, String fileName,
                           String contentType, int sizeBytes, String sha256, String uploadedBy, Instant uploadedAt) {
    }

    /** An evidence file to download. */
    public record EvidenceContent(Evidence evidence, byte[] content) {
    }

    /** Refused: the message says why; nothing was written. */
    public static class AppealRefused extends RuntimeException {
        public AppealRefused(String message) {
            super(message);
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final RunPublications publications;
    private final ResultCorrections results;
    private final CreditLedger ledger;
    private final Certificates certificates;
    private final ImportLimits limits;
    private final int maxFiles;
    private final long maxBytes;

    Appeals(JdbcTemplate jdbc, TransactionTemplate transactions, AuditLog audit, RunPublications publications, ResultCorrections results,
            CreditLedger ledger, Certificates certificates, ImportLimits limits,
            @Value("${yanxiu.appeals.max-files:5}") int maxFiles, @Value("${yanxiu.appeals.max-evidence-size:5MB}") DataSize maxSize) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.publications = publications;
        this.results = results;
        this.ledger = ledger;
        this.certificates = certificates;
        this.limits = limits;
        this.maxFiles = maxFiles;
        this.maxBytes = maxSize.toBytes();
    }

    public long maxEvidenceBytes() {
        return maxBytes;
    }

    public int maxFiles() {
        return maxFiles;
    }

    /** What evidence may be uploaded, in words for the forms. */
    public String evidenceRule() {
        return "PDF、PNG 或 JPEG，每个最多 " + maxBytes / 1048576 + " MB，一次最多 " + maxFiles + " 个";
    }

    /** A teacher files an appeal about a term's result, or about one of their records of that term ({@code activityId}). */
    public long submit(String teacherId, String termId, Long activityId, String reason, List<EvidenceFile> files, String actor) {
        String why = required(reason, "申诉理由", 1000);
        if (jdbc.queryForObject("SELECT COUNT(*) FROM term WHERE id = ?", Integer.class, termId) == 0) {
            throw new AppealRefused("没有学期 " + termId);
        }
        String activityText = activityId == null ? null : activityText(teacherId, termId, activityId);
        List<EvidenceFile.Checked> checked = EvidenceFile.check(files, maxFiles, maxBytes);
        Long id = transactions.execute(s -> {
            int open = jdbc.queryForObject("SELECT COUNT(*) FROM appeal WHERE teacher_id = ? AND term_id = ? AND status = 'SUBMITTED'", Integer.class,
                    teacherId, termId);
            if (open >= MAX_OPEN_PER_TERM) {
                throw new AppealRefused("本学期已有 " + open + " 项申诉待处理（最多 " + MAX_OPEN_PER_TERM + " 项）：请等处理后再提交");
            }
            jdbc.update("INSERT INTO appeal (teacher_id, term_id, activity_id, activity_text, reason, status, submitted_at) VALUES (?, ?, ?, ?, ?, 'SUBMITTED', ?)",
                    teacherId, termId, activityId, activityText, why, Timestamp.from(Instant.now()));
            long appealId = jdbc.queryForObject("SELECT MAX(id) FROM appeal WHERE teacher_id = ?", Long.class, teacherId);
            store(teacherId, termId, appealId, activityId, activityText, checked, actor);
            audit.record(actor, "提交申诉", "申诉 #" + appealId + " 教师 " + teacherId, (activityText == null ? "学期 " + termId + " 的评价结果" : activityText)
                    + "；理由：" + why + "；证据 " + checked.size() + " 个");
            return appealId;
        });
        return id == null ? -1 : id;
    }

    /** A teacher attaches evidence to one of their records. */
    public int attach(String teacherId, long activityId, List<EvidenceFile> files, String actor) {
        String termId = jdbc.queryForList("SELECT term_id FROM activity WHERE id = ? AND teacher_id = ?", String.class, activityId, teacherId).stream()
                .findFirst().orElseThrow(() -> new AppealRefused("没有您的这条研修记录"));
        String text = activityText(teacherId, termId, activityId);
        List<EvidenceFile.Checked> checked = EvidenceFile.check(files, maxFiles, maxBytes);
        if (checked.isEmpty()) {
            throw new AppealRefused("请选择要上传的证据文件（PDF、PNG 或 JPEG）");
        }
        transactions.executeWithoutResult(s -> {
            store(teacherId, termId, null, activityId, text, checked, actor);
            audit.record(actor, "上传证据", "教师 " + teacherId + " 记录 #" + activityId, text + "；文件 "
                    + String.join("、", checked.stream().map(EvidenceFile.Checked::name).toList()));
        });
        return checked.size();
    }

    /** A record of the teacher's, as it reads now ("2025-10-12 听课 0 学时 1 项"); refused when the record is not theirs or not of the term. */
    public String activityText(String teacherId, String termId, long activityId) {
        return jdbc.query("SELECT activity_date, type, hours, quantity, note FROM activity WHERE id = ? AND teacher_id = ? AND term_id = ?",
                (rs, i) -> rs.getDate(1).toLocalDate() + " " + cn.yanxiu.activity.ActivityType.valueOf(rs.getString(2)).label() + " "
                        + rs.getBigDecimal(3).stripTrailingZeros().toPlainString() + " 学时 " + rs.getInt(4) + " 项"
                        + (rs.getString(5) == null || rs.getString(5).isBlank() ? "" : "（" + clip(rs.getString(5), 80) + "）"),
                activityId, teacherId, termId).stream().findFirst().orElseThrow(() -> new AppealRefused("没有您在学期 " + termId + " 的这条研修记录"));
    }

    private void store(String teacherId, String termId, Long appealId, Long activityId, String activityText, List<EvidenceFile.Checked> files, String actor) {
        Timestamp now = Timestamp.from(Instant.now());
        for (EvidenceFile.Checked f : files) {
            jdbc.update("INSERT INTO evidence (teacher_id, term_id, appeal_id, activity_id, activity_text, file_name, content_type, size_bytes, sha256, "
                    + "content, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", teacherId, termId, appealId, activityId,
                    activityText, f.name(), f.contentType(), f.content().length, sha256(f.content()), f.content(), clip(actor, 64), now);
        }
    }

    /** The appeals in a filter, newest first: a teacher's, a school's (and group's), with a status, in a term; null means any. */
    public List<Appeal> list(String teacherId, String termId, String schoolId, String groupId, Status status) {
        StringBuilder where = new StringBuilder("1 = 1");
        List<Object> args = new ArrayList<>();
        for (Object[] f : new Object[][] {{"a.teacher_id", teacherId}, {"a.term_id", termId}, {"t.school_id", schoolId}, {"t.group_id", groupId},
            {"a.status", status == null ? null : status.name()}}) {
            if (f[1] != null) {
                where.append(" AND ").append(f[0]).append(" = ?");
                args.add(f[1]);
            }
        }
        List<Appeal> appeals = jdbc.query(SELECT + "WHERE " + where + " ORDER BY a.id DESC", (rs, i) -> appeal(rs), args.toArray());
        // the files of every listed appeal in one query, not one query an appeal
        Map<Long, List<Evidence>> files = new java.util.HashMap<>();
        jdbc.query("SELECT e.id, e.teacher_id, e.term_id, e.appeal_id, e.activity_id, e.activity_text, e.file_name, e.content_type, e.size_bytes, "
                + "e.sha256, e.uploaded_by, e.uploaded_at FROM evidence e JOIN appeal a ON a.id = e.appeal_id JOIN teacher t ON t.id = a.teacher_id "
                + "WHERE " + where + " ORDER BY e.id", rs -> {
                    Evidence e = evidence(rs);
                    files.computeIfAbsent(e.appealId(), k -> new ArrayList<>()).add(e);
                }, args.toArray());
        return appeals.stream().map(a -> withEvidence(a, files.getOrDefault(a.id(), List.of()))).toList();
    }

    public Optional<Appeal> find(long id) {
        return jdbc.query(SELECT + "WHERE a.id = ?", (rs, i) -> appeal(rs), id).stream().findFirst().map(this::withEvidence);
    }

    /** Evidence a teacher attached to their records of a term (not to an appeal), newest first. */
    public List<Evidence> recordEvidence(String teacherId, String termId) {
        return jdbc.query(EVIDENCE + "WHERE teacher_id = ? AND term_id = ? AND appeal_id IS NULL ORDER BY id DESC", (rs, i) -> evidence(rs), teacherId, termId);
    }

    /** Evidence files per teacher of a term (records and appeals), for an approver's queue. */
    public Map<String, Integer> evidenceCounts(String termId) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        jdbc.query("SELECT teacher_id, COUNT(*) FROM evidence WHERE term_id = ? GROUP BY teacher_id", rs -> {
            counts.put(rs.getString(1), rs.getInt(2));
        }, termId);
        return counts;
    }

    public Optional<EvidenceContent> evidence(long id) {
        return jdbc.query(EVIDENCE.replace("SELECT ", "SELECT content, ") + "WHERE id = ?", (rs, i) -> new EvidenceContent(evidence(rs), rs.getBytes(1)), id)
                .stream().findFirst();
    }

    /** Rejects an open appeal with a reason. */
    public Appeal reject(long id, String reason, String actor) {
        String why = required(reason, "驳回理由", 1000);
        String who = actor(actor);
        transactions.executeWithoutResult(s -> {
            if (jdbc.update("UPDATE appeal SET status = 'REJECTED', decided_by = ?, decided_at = ?, decision_reason = ? WHERE id = ? AND status = 'SUBMITTED'",
                    who, Timestamp.from(Instant.now()), why, id) != 1) {
                throw new AppealRefused("申诉 #" + id + " 不存在或已处理");
            }
            audit.record(who, "驳回申诉", "申诉 #" + id, why);
        });
        return find(id).orElseThrow();
    }

    /**
     * Accepts an open appeal: applies the correction, re-evaluates the teacher in the term's official run under
     * that run's rule snapshot, corrects the credit entry, reissues or revokes the certificate, and records the
     * difference on the appeal. One transaction: a refusal anywhere leaves everything as it was.
     */
    public Appeal accept(long id, String reason, Correction correction, String actor) {
        String why = required(reason, "采纳说明", 1000);
        String who = actor(actor);
        Appeal appeal = find(id).filter(Appeal::open).orElseThrow(() -> new AppealRefused("申诉 #" + id + " 不存在或已处理"));
        check(appeal, correction);
        transactions.executeWithoutResult(s -> {
            // taken first, so a second approver deciding at the same moment waits and then finds it decided
            if (jdbc.update("UPDATE appeal SET status = 'ACCEPTED', decided_by = ?, decided_at = ?, decision_reason = ? WHERE id = ? AND status = 'SUBMITTED'",
                    who, Timestamp.from(Instant.now()), why, id) != 1) {
                throw new AppealRefused("申诉 #" + id + " 已被他人处理");
            }
            apply(appeal, correction);
            List<String> lines = new ArrayList<>();
            String source = "申诉 #" + id;
            Optional<RunPublications.Publication> official = publications.official(appeal.termId());
            Long runId = null;
            String before = null;
            String after = null;
            if (official.isEmpty() || !results.holds(official.get().runId(), appeal.teacherId())) {
                lines.add(official.isEmpty() ? "本学期尚无正式评价结果：更正后的记录在下次评价时使用"
                        : "正式结果运行 #" + official.get().runId() + " 不含该教师：更正后的记录在下次评价时使用");
            } else {
                runId = official.get().runId();
                ResultCorrections.Reevaluated r = results.reevaluate(runId, appeal.teacherId());
                before = r.before().grade();
                after = r.after().grade();
                lines.add("按正式结果运行 #" + runId + " 的规则快照重新评价：");
                r.lines().forEach(l -> lines.add("  " + l));
                lines.addAll(settle(appeal, runId, source + "：" + why, who));
            }
            jdbc.update("UPDATE appeal SET correction = ?, run_id = ?, grade_before = ?, grade_after = ?, consequences = ? WHERE id = ?",
                    clip(correction.describe(), 1000), runId, before, after, clip(String.join("\n", lines), 4000), id);
            audit.record(who, "采纳申诉", source + " 教师 " + appeal.teacherId(), correction.describe() + "；" + String.join("；", lines.stream()
                    .map(String::strip).toList()));
        });
        return find(id).orElseThrow();
    }

    /** The credit entry and the certificate brought in line with the corrected result; returns what was done, in words. */
    private List<String> settle(Appeal appeal, long runId, String reason, String actor) {
        List<String> lines = new ArrayList<>();
        Map<String, Object> row = jdbc.queryForMap("SELECT grade, hours_recognised, credits, certificate FROM evaluation_result WHERE run_id = ? AND teacher_id = ?",
                runId, appeal.teacherId());
        String grade = (String) cn.yanxiu.system.RowColumns.get(row, "grade");
        BigDecimal hours = (BigDecimal) cn.yanxiu.system.RowColumns.get(row, "hours_recognised");
        BigDecimal credits = (BigDecimal) cn.yanxiu.system.RowColumns.get(row, "credits");
        boolean certificate = Boolean.TRUE.equals(cn.yanxiu.system.RowColumns.get(row, "certificate"));
        Optional<String> held = certificates.validFor(appeal.teacherId(), appeal.termId());
        CreditLedger.Correction c = ledger.correctOne(appeal.teacherId(), appeal.termId(), runId, grade, hours, credits, actor, clip(reason, 500));
        lines.add(c.summary());
        boolean entryChanged = c.replacedId() != null;
        if (entryChanged && c.status() == CreditStatus.REGISTERED && certificate) {
            String serial = certificates.issueFor(c.entryId(), actor, reason);
            lines.add(held.map(old -> "证书 " + old + " 由新证书 " + serial + " 取代").orElse("签发证书 " + serial));
        } else if (held.isPresent() && (entryChanged || c.entryId() == null || !certificate)) {
            certificates.revoke(held.get(), actor, clip(reason + "（更正后" + (certificate ? "学分待重新审批登记" : "不再符合发证条件") + "）", 500));
            lines.add("证书 " + held.get() + " 已撤销" + (certificate ? "，学分登记后重新发证" : "：更正后不发证书"));
        }
        return lines;
    }

    /** A correction must fit the records: a known type, a date in the term, amounts within the import limits; amending needs a disputed record. */
    private void check(Appeal appeal, Correction c) {
        if (c == null || c.kind() == null) {
            throw new AppealRefused("采纳申诉必须写明对记录的更正（补录一条记录，或更正所申诉的记录）");
        }
        if (c.type() == null || c.date() == null || c.hours() == null) {
            throw new AppealRefused("更正必须写明活动类型、日期和学时");
        }
        if (c.kind() == Correction.Kind.AMEND && appeal.activityId() == null) {
            throw new AppealRefused("此申诉针对评价结果而不是某条记录：只能补录记录");
        }
        if (c.hours().signum() < 0 || c.hours().doubleValue() > limits.maxHoursPerRow() || c.hours().stripTrailingZeros().scale() > 2) {
            throw new AppealRefused("学时应在 0 到 " + cn.yanxiu.system.PlainNumbers.of(limits.maxHoursPerRow()) + " 之间，最多两位小数");
        }
        if (c.quantity() < 0 || c.quantity() > limits.maxQuantityPerRow()) {
            throw new AppealRefused("数量应在 0 到 " + limits.maxQuantityPerRow() + " 之间");
        }
        if (c.note() != null && c.note().strip().length() > 500) {
            throw new AppealRefused("备注过长（最多 500 个字符）");
        }
        Map<String, Object> term = jdbc.queryForMap("SELECT start_date, end_date FROM term WHERE id = ?", appeal.termId());
        LocalDate start = ((java.sql.Date) cn.yanxiu.system.RowColumns.get(term, "start_date")).toLocalDate();
        LocalDate end = ((java.sql.Date) cn.yanxiu.system.RowColumns.get(term, "end_date")).toLocalDate();
        if (c.date().isBefore(start) || c.date().isAfter(end)) {
            throw new AppealRefused("日期 " + c.date() + " 不在学期 " + appeal.termId() + "（" + start + " 至 " + end + "）内");
        }
    }

    private void apply(Appeal appeal, Correction c) {
        String source = "申诉 #" + appeal.id();
        String note = c.note() == null || c.note().isBlank() ? null : c.note().strip();
        if (c.kind() == Correction.Kind.ADD) {
            jdbc.update("INSERT INTO activity (teacher_id, term_id, type, activity_date, hours, quantity, note, record_key, source_file) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", appeal.teacherId(), appeal.termId(), c.type().name(), java.sql.Date.valueOf(c.date()),
                    c.hours(), c.quantity(), note, "appeal-" + appeal.id(), source);
            return;
        }
        // the record keeps its content key, so the original row in a re-imported file is recognised and not brought back
        if (jdbc.update("UPDATE activity SET type = ?, activity_date = ?, hours = ?, quantity = ?, note = ?, source_file = ? WHERE id = ? AND teacher_id = ? "
                + "AND term_id = ?", c.type().name(), java.sql.Date.valueOf(c.date()), c.hours(), c.quantity(), note, source, appeal.activityId(),
                appeal.teacherId(), appeal.termId()) != 1) {
            throw new AppealRefused("所申诉的记录已不存在（可能被重新导入替换）：请改为补录记录");
        }
    }

    private static final String SELECT = "SELECT a.id, a.teacher_id, t.name, t.school_id, t.group_id, a.term_id, a.activity_id, a.activity_text, a.reason, "
            + "a.status, a.submitted_at, a.decided_by, a.decided_at, a.decision_reason, a.correction, a.run_id, a.grade_before, a.grade_after, a.consequences "
            + "FROM appeal a JOIN teacher t ON t.id = a.teacher_id ";

    private static final String EVIDENCE = "SELECT id, teacher_id, term_id, appeal_id, activity_id, activity_text, file_name, content_type, size_bytes, sha256, "
            + "uploaded_by, uploaded_at FROM evidence ";

    private Appeal withEvidence(Appeal a) {
        return withEvidence(a, jdbc.query(EVIDENCE + "WHERE appeal_id = ? ORDER BY id", (rs, i) -> evidence(rs), a.id()));
    }

    private static Appeal withEvidence(Appeal a, List<Evidence> files) {
        return new Appeal(a.id(), a.teacherId(), a.teacherName(), a.schoolId(), a.groupId(), a.termId(), a.activityId(), a.activityText(), a.reason(),
                a.status(), a.submittedAt(), a.decidedBy(), a.decidedAt(), a.decisionReason(), a.correction(), a.runId(), a.gradeBefore(), a.gradeAfter(),
                a.consequences(), files);
    }

    private static Appeal appeal(ResultSet rs) throws SQLException {
        String consequences = rs.getString(19);
        return new Appeal(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getObject(7, Long.class), rs.getString(8), rs.getString(9), Status.valueOf(rs.getString(10)), rs.getTimestamp(11).toInstant(),
                rs.getString(12), rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toInstant(), rs.getString(14), rs.getString(15),
                rs.getObject(16, Long.class), rs.getString(17), rs.getString(18), consequences == null ? List.of() : List.of(consequences.split("\n")), List.of());
    }

    private static Evidence evidence(ResultSet rs) throws SQLException {
        // the content, when selected, is column 1 and shifts the rest by one
        int o = rs.getMetaData().getColumnCount() == 13 ? 1 : 0;
        return new Evidence(rs.getLong(1 + o), rs.getString(2 + o), rs.getString(3 + o), rs.getObject(4 + o, Long.class), rs.getObject(5 + o, Long.class),
                rs.getString(6 + o), rs.getString(7 + o), rs.getString(8 + o), rs.getInt(9 + o), rs.getString(10 + o), rs.getString(11 + o),
                rs.getTimestamp(12 + o).toInstant());
    }

    private static String required(String text, String what, int max) {
        if (text == null || text.isBlank()) {
            throw new AppealRefused("必须填写" + what);
        }
        if (text.strip().length() > max) {
            throw new AppealRefused(what + "过长（" + text.strip().length() + " 个字符，最多 " + max + "）");
        }
        return text.strip();
    }

    private static String actor(String actor) {
        if (actor == null || actor.isBlank() || actor.strip().length() > 64) {
            throw new AppealRefused("必须写明处理人（最多 64 个字符）");
        }
        return actor.strip();
    }


    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
