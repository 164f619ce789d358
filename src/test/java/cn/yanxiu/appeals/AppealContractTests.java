package cn.yanxiu.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yanxiu.activity.ActivityType;
import cn.yanxiu.audit.AuditLog;
import cn.yanxiu.certificates.Certificates;
import cn.yanxiu.credits.CreditFilter;
import cn.yanxiu.credits.CreditLedger;
import cn.yanxiu.credits.CreditStep;
import cn.yanxiu.evaluation.EvaluationRuns;
import cn.yanxiu.evaluation.EvaluationService;
import cn.yanxiu.generate.SampleCountyGenerator;
import cn.yanxiu.importing.SpreadsheetImporter;
import cn.yanxiu.support.Databases;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Appeals on a generated county whose term is evaluated, published, registered and certified: hostile
 * evidence refused with nothing stored; an accepted appeal corrects the record, re-evaluates the teacher
 * under the official run's snapshot, supersedes the credit entry and reissues (or revokes) the certificate,
 * each step in the audit log; a rejected or refused decision changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class AppealContractTests {

    static final String TERM = "2025-2026-1";
    static final String APPROVER = "教导主任甲";

    @Autowired
    Appeals appeals;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Certificates certificates;

    @Autowired
    AuditLog audit;

    EvaluationRuns.Run run;

    @BeforeAll
    void certified(@Autowired SpreadsheetImporter importer, @Autowired EvaluationService evaluation, @Autowired CreditLedger ledger,
                   @TempDir Path county, @TempDir Path out) throws Exception {
        Databases.clear(jdbc);
        List<Path> files = new SampleCountyGenerator(120, 11).write(county, n -> { });
        assertThat(importer.importFiles(files)).allSatisfy(r -> assertThat(r.problems()).isEmpty());
        run = evaluation.evaluate(TERM, Path.of("rules/2025-2026"), "全部", "tests", null);
        ledger.propose(run.id(), "教务员", null);
        for (CreditStep step : CreditStep.values()) {
            ledger.approve(step, new CreditFilter(TERM, null, null, null), "审批人", null);
        }
        certificates.issue(run.id(), "县教师发展中心", out, null);
    }

    @Test
    @Order(1)
    void hostileOrOversizedEvidenceIsRefusedNamingTheFileAndNothingIsStored() throws Exception {
        String teacher = certified().get(0);
        long row = studyRow(teacher);
        int[] before = counts();
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> appeals.submit(teacher, TERM, row, "漏记", List.of(new EvidenceFile("签到表.pdf", html)), teacher))
                .isInstanceOf(Appeals.AppealRefused.class).hasMessageContaining("签到表.pdf").hasMessageContaining("不是 PDF、PNG 或 JPEG");
        byte[] big = Arrays.copyOf("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), (int) appeals.maxEvidenceBytes() + 1);
        assertThatThrownBy(() -> appeals.submit(teacher, TERM, row, "漏记", List.of(new EvidenceFile("大.pdf", big)), teacher))
                .isInstanceOf(Appeals.AppealRefused.class).hasMessageContaining("大.pdf").hasMessageContaining("过大");
        List<EvidenceFile> many = new ArrayList<>();
        for (int i = 0; i <= appeals.maxFiles(); i++) {
            many.add(new EvidenceFile(i + ".png", EvidenceSamples.png()));
        }
        assertThatThrownBy(() -> appeals.submit(teacher, TERM, row, "漏记", many, teacher)).hasMessageContaining("一次最多附 " + appeals.maxFiles());
        assertThatThrownBy(() -> appeals.submit(teacher, TERM, row, "  ", List.of(), teacher)).hasMessageContaining("必须填写申诉理由");
        assertThatThrownBy(() -> appeals.submit(teacher, TERM, row, "长".repeat(1001), List.of(), teacher)).hasMessageContaining("过长");
        assertThatThrownBy(() -> appeals.submit(teacher, "1999-2000-1", null, "漏记", List.of(), teacher)).hasMessageContaining("没有学期");
        String other = jdbc.queryForObject("SELECT MIN(id) FROM teacher WHERE id <> ?", String.class, teacher);
        assertThatThrownBy(() -> appeals.submit(other, TERM, row, "不是我的记录", List.of(), other)).hasMessageContaining("没有您");
        assertThatThrownBy(() -> appeals.attach(other, row, List.of(new EvidenceFile("a.pdf", EvidenceSamples.pdf("x"))), other)).hasMessageContaining("没有您");
        assertThat(counts()).isEqualTo(before);

        // a file name is a label only: folders and control characters do not survive
        long id = appeals.submit(teacher, TERM, null, "评价结果有误", List.of(new EvidenceFile("..\\..\\etc/passwd\u0000.pdf", EvidenceSamples.pdf("证明"))), teacher);
        assertThat(appeals.find(id).orElseThrow().evidence()).extracting(Appeals.Evidence::fileName).containsExactly("passwd_.pdf");
        appeals.reject(id, "测试：文件名检查", APPROVER);
    }

    @Test
    @Order(2)
    void anAcceptedAppealCorrectsTheRecordReevaluatesAndReissuesTheCertificate() throws Exception {
        String teacher = certified().get(0);
        long row = studyRow(teacher);
        Map<String, Object> activity = jdbc.queryForMap("SELECT type, activity_date, hours, quantity FROM activity WHERE id = ?", row);
        BigDecimal hours = (BigDecimal) cn.yanxiu.system.RowColumns.get(activity, "hours");
        BigDecimal hoursBefore = jdbc.queryForObject("SELECT hours_recognised FROM evaluation_result WHERE run_id = ? AND teacher_id = ?", BigDecimal.class,
                run.id(), teacher);
        String oldSerial = certificates.validFor(teacher, TERM).orElseThrow();
        long oldEntry = jdbc.queryForObject("SELECT entry_id FROM certificate WHERE serial = ?", Long.class, oldSerial);
        byte[] pdf = EvidenceSamples.pdf("签到表");
        byte[] png = EvidenceSamples.png();

        long id = appeals.submit(teacher, TERM, row, "10 月 12 日的自学记了 " + hours + " 学时，签到表上是多 5 学时",
                List.of(new EvidenceFile("签到表.pdf", pdf), new EvidenceFile("照片.png", png)), teacher);
        Appeals.Appeal filed = appeals.find(id).orElseThrow();
        assertThat(filed.status()).isEqualTo(Appeals.Status.SUBMITTED);
        assertThat(filed.activityText()).contains(hours.stripTrailingZeros().toPlainString() + " 学时");
        assertThat(filed.evidence()).extracting(Appeals.Evidence::contentType).containsExactly("application/pdf", "image/png");
        assertThat(appeals.evidence(filed.evidence().get(0).id()).orElseThrow().content()).isEqualTo(pdf);

        Appeals.Appeal decided = appeals.accept(id, "核实签到表，确为漏记", new Correction(Correction.Kind.AMEND,
                ActivityType.valueOf((String) cn.yanxiu.system.RowColumns.get(activity, "type")), ((java.sql.Date) cn.yanxiu.system.RowColumns.get(activity, "activity_date")).toLocalDate(),
                hours.add(BigDecimal.valueOf(5)), ((Number) cn.yanxiu.system.RowColumns.get(activity, "quantity")).intValue(), "签到表补正"), APPROVER);

        assertThat(decided.status()).isEqualTo(Appeals.Status.ACCEPTED);
        assertThat(decided.runId()).isEqualTo(run.id());
        BigDecimal hoursAfter = jdbc.queryForObject("SELECT hours_recognised FROM evaluation_result WHERE run_id = ? AND teacher_id = ?", BigDecimal.class,
                run.id(), teacher);
        assertThat(hoursAfter).isEqualByComparingTo(hoursBefore.add(BigDecimal.valueOf(5)));
        assertThat(decided.consequences()).anyMatch(l -> l.contains("认定学时 " + plain(hoursBefore) + " → " + plain(hoursAfter)));
        assertThat(jdbc.queryForObject("SELECT source_file FROM activity WHERE id = ?", String.class, row)).isEqualTo("申诉 #" + id);
        // the run still holds exactly one result per teacher, and its counts add up
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_result WHERE run_id = ? AND teacher_id = ?", Integer.class, run.id(), teacher)).isOne();
        // the credit entry is superseded by a registered correction; the certificate by a new serial
        assertThat(jdbc.queryForObject("SELECT status FROM credit_entry WHERE id = ?", String.class, oldEntry)).isEqualTo("SUPERSEDED");
        Map<String, Object> fresh = jdbc.queryForMap("SELECT id, status, hours, reason FROM credit_entry WHERE corrects_id = ?", oldEntry);
        assertThat(cn.yanxiu.system.RowColumns.get(fresh, "status")).isEqualTo("REGISTERED");
        assertThat((BigDecimal) cn.yanxiu.system.RowColumns.get(fresh, "hours")).isEqualByComparingTo(hoursAfter);
        assertThat((String) cn.yanxiu.system.RowColumns.get(fresh, "reason")).contains("申诉 #" + id);
        String newSerial = certificates.validFor(teacher, TERM).orElseThrow();
        assertThat(newSerial).isNotEqualTo(oldSerial);
        assertThat(certificates.verify(oldSerial).status()).isEqualTo(Certificates.Verification.Status.REVOKED);
        assertThat(certificates.verify(oldSerial).message()).contains(newSerial);
        assertThat(certificates.verify(newSerial).status()).isEqualTo(Certificates.Verification.Status.GENUINE);
        try (PDDocument doc = Loader.loadPDF(certificates.pdf(newSerial))) {
            assertThat(new PDFTextStripper().getText(doc)).contains(newSerial, plain(hoursAfter));
        }
        assertThat(decided.consequences()).anyMatch(l -> l.contains("证书 " + oldSerial + " 由新证书 " + newSerial + " 取代"));
        // every step in the audit log, and the chain intact
        List<String> actions = jdbc.queryForList("SELECT action FROM audit_event ORDER BY id", String.class);
        assertThat(actions).contains("提交申诉", "采纳申诉", "更正学分", "签发证书");
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    @Order(3)
    void appealsThatTakeTheCertificateAwayRevokeIt() {
        // the certified teacher with the fewest hours; the school finds one study record after another was never attended
        String teacher = jdbc.queryForObject("SELECT r.teacher_id FROM evaluation_result r JOIN certificate c ON c.teacher_id = r.teacher_id "
                + "AND c.revoked_at IS NULL WHERE r.run_id = ? ORDER BY r.hours_recognised, r.teacher_id LIMIT 1", String.class, run.id());
        List<Long> rows = jdbc.queryForList("SELECT id FROM activity WHERE teacher_id = ? AND term_id = ? AND hours > 0 AND type IN ('CENTRAL_STUDY', "
                + "'SELF_STUDY', 'THEORY_STUDY', 'ETHICS_STUDY', 'ONLINE_STUDY', 'OUTSIDE_TRAINING', 'CENTRALISED_TRAINING', 'SCHOOL_TRAINING') "
                + "ORDER BY hours DESC, id", Long.class, teacher, TERM);
        String serial = certificates.validFor(teacher, TERM).orElseThrow();
        Appeals.Appeal last = null;
        for (long row : rows) {
            serial = certificates.validFor(teacher, TERM).orElseThrow();
            Map<String, Object> activity = jdbc.queryForMap("SELECT type, activity_date FROM activity WHERE id = ?", row);
            long id = appeals.submit(teacher, TERM, row, "这条记录的学时请核实", List.of(), teacher);
            last = appeals.accept(id, "经核实该次学习未参加", new Correction(Correction.Kind.AMEND, ActivityType.valueOf((String) cn.yanxiu.system.RowColumns.get(activity, "type")),
                    ((java.sql.Date) cn.yanxiu.system.RowColumns.get(activity, "activity_date")).toLocalDate(), BigDecimal.ZERO, 0, null), APPROVER);
            if (certificates.validFor(teacher, TERM).isEmpty()) {
                break;
            }
            // still certified: the certificate was reissued with the lower hours
            assertThat(last.consequences()).anyMatch(l -> l.contains("由新证书"));
        }
        assertThat(last).isNotNull();
        assertThat(jdbc.queryForObject("SELECT certificate FROM evaluation_result WHERE run_id = ? AND teacher_id = ?", Boolean.class, run.id(), teacher))
                .as("the corrected result no longer earns a certificate").isFalse();
        assertThat(certificates.validFor(teacher, TERM)).isEmpty();
        assertThat(certificates.verify(serial).status()).isEqualTo(Certificates.Verification.Status.REVOKED);
        assertThat(certificates.verify(serial).message()).contains("申诉 #" + last.id());
        String revoked = serial;
        assertThat(last.consequences()).anyMatch(l -> l.contains("证书 " + revoked + " 已撤销"));
        assertThat(last.gradeBefore()).isNotEqualTo(last.gradeAfter());
    }

    @Test
    @Order(4)
    void aRejectedOrRefusedDecisionChangesNothing() {
        String teacher = certified().get(1);
        long id = appeals.submit(teacher, TERM, null, "我认为等级应为优秀", List.of(), teacher);
        int[] before = counts();
        String result = trace(teacher);

        assertThatThrownBy(() -> appeals.accept(id, "同意", null, APPROVER)).hasMessageContaining("必须写明对记录的更正");
        assertThatThrownBy(() -> appeals.accept(id, "同意", new Correction(Correction.Kind.AMEND, ActivityType.SELF_STUDY, java.time.LocalDate.of(2025, 10, 1),
                BigDecimal.ONE, 1, null), APPROVER)).hasMessageContaining("只能补录记录");
        assertThatThrownBy(() -> appeals.accept(id, "同意", new Correction(Correction.Kind.ADD, ActivityType.SELF_STUDY, java.time.LocalDate.of(2024, 1, 1),
                BigDecimal.ONE, 1, null), APPROVER)).hasMessageContaining("不在学期");
        assertThatThrownBy(() -> appeals.accept(id, "同意", new Correction(Correction.Kind.ADD, ActivityType.SELF_STUDY, java.time.LocalDate.of(2025, 10, 1),
                new BigDecimal("-2"), 1, null), APPROVER)).hasMessageContaining("学时应在 0 到");
        assertThatThrownBy(() -> appeals.reject(id, " ", APPROVER)).hasMessageContaining("必须填写驳回理由");
        assertThat(counts()).isEqualTo(before);
        assertThat(appeals.find(id).orElseThrow().status()).isEqualTo(Appeals.Status.SUBMITTED);

        Appeals.Appeal rejected = appeals.reject(id, "年末评价分数核对无误", APPROVER);
        assertThat(rejected.status()).isEqualTo(Appeals.Status.REJECTED);
        assertThat(rejected.decisionReason()).isEqualTo("年末评价分数核对无误");
        assertThatThrownBy(() -> appeals.reject(id, "再驳回", APPROVER)).hasMessageContaining("已处理");
        assertThatThrownBy(() -> appeals.accept(id, "改为采纳", new Correction(Correction.Kind.ADD, ActivityType.SELF_STUDY,
                java.time.LocalDate.of(2025, 10, 1), BigDecimal.ONE, 1, null), APPROVER)).hasMessageContaining("已处理");
        assertThat(trace(teacher)).isEqualTo(result);
        assertThat(jdbc.queryForList("SELECT action FROM audit_event", String.class)).contains("驳回申诉");
    }

    @Test
    @Order(5)
    void evidenceAttachedToARecordIsListedForTheApprover() throws Exception {
        String teacher = certified().get(1);
        long row = studyRow(teacher);
        assertThat(appeals.attach(teacher, row, List.of(new EvidenceFile("结业证书.jpg", EvidenceSamples.jpeg())), teacher)).isOne();
        List<Appeals.Evidence> listed = appeals.recordEvidence(teacher, TERM);
        assertThat(listed).extracting(Appeals.Evidence::fileName).containsExactly("结业证书.jpg");
        assertThat(listed.get(0).activityId()).isEqualTo(row);
        assertThat(listed.get(0).contentType()).isEqualTo("image/jpeg");
        assertThat(appeals.evidenceCounts(TERM)).containsEntry(teacher, 1);
    }

    private String trace(String teacher) {
        return cn.yanxiu.evaluation.ResultDocuments.read(jdbc, run.id(), jdbc.queryForMap("SELECT * FROM evaluation_result WHERE run_id = ? AND teacher_id = ?",
                run.id(), teacher)).trace();
    }

    /** Teachers holding a valid certificate, in id order. */
    private List<String> certified() {
        return jdbc.queryForList("SELECT teacher_id FROM certificate WHERE revoked_at IS NULL ORDER BY teacher_id", String.class);
    }

    /** One of the teacher's study records counted in hours (自学 first). */
    private long studyRow(String teacher) {
        return jdbc.queryForObject("SELECT id FROM activity WHERE teacher_id = ? AND term_id = ? AND type IN ('SELF_STUDY', 'THEORY_STUDY', 'CENTRAL_STUDY') "
                + "ORDER BY CASE WHEN type = 'SELF_STUDY' THEN 0 ELSE 1 END, id LIMIT 1", Long.class, teacher, TERM);
    }

    private int[] counts() {
        return new int[] {jdbc.queryForObject("SELECT COUNT(*) FROM appeal", Integer.class), jdbc.queryForObject("SELECT COUNT(*) FROM evidence", Integer.class),
            jdbc.queryForObject("SELECT COUNT(*) FROM activity", Integer.class), jdbc.queryForObject("SELECT COUNT(*) FROM credit_entry", Integer.class),
            jdbc.queryForObject("SELECT COUNT(*) FROM certificate WHERE revoked_at IS NULL", Integer.class)};
    }

    private static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }

}
