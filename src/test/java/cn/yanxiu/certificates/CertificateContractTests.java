package cn.yanxiu.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yanxiu.credits.CreditFilter;
import cn.yanxiu.credits.CreditLedger;
import cn.yanxiu.credits.CreditStep;
import cn.yanxiu.evaluation.EvaluationRuns;
import cn.yanxiu.evaluation.EvaluationService;
import cn.yanxiu.generate.SampleCountyGenerator;
import cn.yanxiu.importing.SpreadsheetImporter;
import cn.yanxiu.support.Databases;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Certificates on a generated county of 150 teachers after a run, both approvals and registration of one
 * school: certificates exist for exactly that school's registered, eligible teachers; the PDF reads back in
 * Chinese; its QR code decodes to the verification address; each verifies; a tampered serial or record does
 * not; a revoked one says so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
abstract class CertificateContractTests {

    static final String TERM = "2025-2026-1";

    @Autowired
    SpreadsheetImporter importer;

    @Autowired
    EvaluationService evaluation;

    @Autowired
    CreditLedger ledger;

    @Autowired
    Certificates certificates;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CertificateSerials serials;

    @Autowired
    EvaluationRuns runs;

    @Autowired
    cn.yanxiu.evaluation.RunPublications publications;

    Path out;
    EvaluationRuns.Run run;
    String school;
    Certificates.Issued issued;

    @BeforeAll
    void registeredAndIssued(@TempDir Path county, @TempDir Path certificatesDir) throws Exception {
        Databases.clear(jdbc);
        List<Path> files = new SampleCountyGenerator(150, 11).write(county, n -> { });
        assertThat(importer.importFiles(files)).allSatisfy(r -> assertThat(r.problems()).isEmpty());
        run = evaluation.evaluate(TERM, Path.of("rules/2025-2026"), "全部", "tests", null);
        ledger.propose(run.id(), "教务员", null);
        CreditFilter term = new CreditFilter(TERM, null, null, null);
        ledger.approve(CreditStep.GROUP, term, "教研组长", null);
        ledger.approve(CreditStep.OFFICE, term, "教导主任", null);
        school = jdbc.queryForObject("SELECT MIN(school_id) FROM teacher", String.class);
        ledger.approve(CreditStep.REGISTER, new CreditFilter(TERM, school, null, null), "登记员", null);
        out = certificatesDir;
        issued = certificates.issue(run.id(), "县教师发展中心", out, null);
    }

    @Test
    void certificatesExistForExactlyTheRegisteredEligibleTeachers() throws Exception {
        Set<String> expected = Set.copyOf(jdbc.queryForList("SELECT e.teacher_id FROM credit_entry e JOIN evaluation_result r "
                + "ON r.run_id = e.run_id AND r.teacher_id = e.teacher_id WHERE e.status = 'REGISTERED' AND r.certificate = TRUE", String.class));
        assertThat(expected).isNotEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM credit_entry WHERE status <> 'REGISTERED'", Integer.class)).isPositive();
        try (Stream<Path> pdfs = Files.walk(out)) {
            Set<String> written = pdfs.filter(p -> p.toString().endsWith(".pdf")).map(p -> p.getFileName().toString().split("-")[0])
                    .collect(Collectors.toSet());
            assertThat(written).isEqualTo(expected);
        }
        assertThat(issued.certificates()).isEqualTo(expected.size());
        assertThat(jdbc.queryForList("SELECT r.grade FROM certificate c JOIN evaluation_result r ON r.run_id = c.run_id AND r.teacher_id = c.teacher_id",
                String.class)).allMatch(g -> g.equals("合格") || g.equals("优秀"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM certificate c JOIN evaluation_result r ON r.run_id = c.run_id AND r.teacher_id = c.teacher_id "
                + "WHERE r.vetoed = TRUE", Integer.class)).isZero();
        assertThat(issued.zips()).singleElement().satisfies(zip -> {
            assertThat(zip.getFileName().toString()).isEqualTo(school + ".zip");
            try (ZipFile z = new ZipFile(zip.toFile())) {
                assertThat(z.size()).isEqualTo(expected.size());
            }
        });

        Certificates.Issued again = certificates.issue(run.id(), "县教师发展中心", out, null);
        assertThat(again.newlyIssued()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM certificate", Integer.class)).isEqualTo(expected.size());
    }

    @Test
    void thePdfReadsBackInChineseAndItsQrCodeLeadsToVerification() throws Exception {
        Path pdf = firstPdf();
        String teacher = pdf.getFileName().toString().split("-")[0];
        String serial = jdbc.queryForObject("SELECT serial FROM certificate WHERE teacher_id = ?", String.class, teacher);
        String name = jdbc.queryForObject("SELECT name FROM teacher WHERE id = ?", String.class, teacher);
        String schoolName = jdbc.queryForObject("SELECT name FROM school WHERE id = ?", String.class, school);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            String district = jdbc.queryForObject("SELECT d.name FROM school s JOIN district d ON d.id = s.district_id WHERE s.id = ?", String.class, school);
            assertThat(text).contains("校本研修合格证书", "继续教育学分证明", name, schoolName, "2025-2026学年第一学期", serial, "学分", "各类学时：", "自学 ",
                    "发证单位：" + district, "负责人（签章）");
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 300); // as printed: at 150 dpi some codes did not decode
            ImageIO.write(page, "png", Path.of("target", "certificate-sample.png").toFile());
            // the whole page, as a phone's scanner tries it: without TRY_HARDER the finder sometimes misses a valid code among
            // the page's text (serial YX-2025-2026-1-JM56W5Y9KW-GNWZR's page, 2026-12-04, decodes only with it)
            String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))),
                    java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
            assertThat(decoded).isEqualTo("http://localhost:8080/verify/" + serial);
        }
    }

    @Test
    void inProductionALocalVerificationAddressIsRefusedAndAPublicOneWithAnIssuerAndSealIsDrawn(@TempDir Path dir) throws Exception {
        Certificates local = new Certificates(jdbc, runs, serials, "http://127.0.0.1:8080/verify/", "", "", true);
        assertThatThrownBy(local::requirePublicVerifyUrl).hasMessageContaining("YANXIU_VERIFY_URL");
        assertThatThrownBy(() -> local.issue(run.id(), "县教师发展中心", dir, null)).hasMessageContaining("YANXIU_VERIFY_URL");
        assertThat(Certificates.isLocal("http://localhost/verify/")).isTrue();
        assertThat(Certificates.isLocal("https://yanxiu.example.gov.cn/verify/")).isFalse();

        // a seal that is not a PNG is refused with its setting named; a real one is drawn
        Path notPng = Files.writeString(dir.resolve("seal.png"), "not an image");
        assertThatThrownBy(() -> new Certificates(jdbc, runs, serials, "https://yanxiu.example.gov.cn/verify/", "", notPng.toString(), true)
                .requirePublicVerifyUrl()).hasMessageContaining("YANXIU_CERTIFICATE_SEAL");
        Path seal = dir.resolve("real-seal.png");
        BufferedImage red = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        red.createGraphics().fillOval(0, 0, 64, 64);
        ImageIO.write(red, "png", seal.toFile());
        Certificates bureau = new Certificates(jdbc, runs, serials, "https://yanxiu.example.gov.cn/verify", "某某县教育局", seal.toString(), true);
        String serial = jdbc.queryForObject("SELECT MIN(serial) FROM certificate WHERE revoked_at IS NULL", String.class);
        try (PDDocument doc = Loader.loadPDF(bureau.pdf(serial))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("发证单位：某某县教育局", "https://yanxiu.example.gov.cn/verify/" + serial);
            assertThat(doc.getPage(0).getResources().getXObjectNames()).as("the seal image").isNotEmpty();
        }
        assertThat(bureau.verify(serial).issuer()).isEqualTo("某某县教育局");
    }

    /** Runs last: it corrects a teacher's record and issues from a second run. */
    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
    void aCorrectionReissuesWithANewSerialAndTheOldOneNamesItsSuccessor(@TempDir Path again) throws Exception {
        String teacher = jdbc.queryForObject("SELECT MIN(teacher_id) FROM certificate WHERE revoked_at IS NULL", String.class);
        String old = jdbc.queryForObject("SELECT serial FROM certificate WHERE teacher_id = ? AND revoked_at IS NULL", String.class, teacher);
        // five more hours of self-study found after registration: the corrected run recognises more
        long row = jdbc.queryForObject("SELECT MIN(id) FROM activity WHERE teacher_id = ? AND term_id = ? AND type = 'SELF_STUDY'", Long.class, teacher, TERM);
        jdbc.update("UPDATE activity SET hours = hours + 5 WHERE id = ?", row);
        EvaluationRuns.Run corrected = evaluation.evaluate(TERM, Path.of("rules/2025-2026"), "全部", "tests", null);
        publications.publish(corrected.id(), "教务处", "补录自学学时后重新评价");
        ledger.propose(corrected.id(), "教务员", "补录自学学时");
        CreditFilter one = new CreditFilter(TERM, null, null, teacher);
        ledger.approve(CreditStep.GROUP, one, "教研组长", null);
        ledger.approve(CreditStep.OFFICE, one, "教导主任", null);
        ledger.approve(CreditStep.REGISTER, one, "登记员", null);

        certificates.issue(corrected.id(), "县教师发展中心", again, null);
        String reissued = jdbc.queryForObject("SELECT serial FROM certificate WHERE teacher_id = ? AND revoked_at IS NULL", String.class, teacher);
        assertThat(reissued).isNotEqualTo(old);
        Certificates.Verification before = certificates.verify(old);
        assertThat(before.status()).isEqualTo(Certificates.Verification.Status.REVOKED);
        assertThat(before.message()).contains("取代", reissued);
        Certificates.Verification after = certificates.verify(reissued);
        assertThat(after.status()).isEqualTo(Certificates.Verification.Status.GENUINE);
        assertThat(after.message()).contains("重新签发", old);
        assertThat(after.hours()).isGreaterThan(before.hours());
        assertThatThrownBy(() -> certificates.pdf(old)).hasMessageContaining("已撤销");
    }

    @Test
    void aGenuineSerialVerifiesWithItsBasisAndATamperedOneDoesNot() {
        String serial = jdbc.queryForObject("SELECT MIN(serial) FROM certificate", String.class);
        Certificates.Verification v = certificates.verify(serial);
        assertThat(v.status()).isEqualTo(Certificates.Verification.Status.GENUINE);
        assertThat(v.ruleSetHash()).isEqualTo(run.ruleSetHash());
        assertThat(v.termId()).isEqualTo(TERM);
        assertThat(v.approvals()).extracting(Certificates.Approval::step).containsExactly("教研组认定", "教导处复审", "学分登记");
        assertThat(v.approvals()).as("a verifier sees the steps and dates, not who approved").allSatisfy(a -> assertThat(a.actor()).isNull());
        assertThat(v.issuer()).isEqualTo(jdbc.queryForObject("SELECT d.name FROM teacher t JOIN school s ON s.id = t.school_id "
                + "JOIN district d ON d.id = s.district_id JOIN certificate c ON c.teacher_id = t.id WHERE c.serial = ?", String.class, serial));
        Certificates.Verification pasted = certificates.verify("  " + serial + " \n");
        assertThat(pasted.status()).as("a serial pasted with spaces around it").isEqualTo(Certificates.Verification.Status.GENUINE);
        assertThat(pasted.serial()).as("the page shows the serial it checked").isEqualTo(serial);

        char[] chars = serial.toCharArray();
        int i = serial.indexOf('-', 3 + TERM.length()) + 2;
        chars[i] = chars[i] == 'A' ? 'B' : 'A';
        assertThat(certificates.verify(new String(chars)).status()).isEqualTo(Certificates.Verification.Status.NOT_GENUINE);
        assertThat(certificates.verify("YX-2025-2026-1-ABCDEFGHJK-ABCDE").message()).contains("不是本系统签发的编号");
        assertThat(certificates.verify("'; DROP TABLE certificate; --").status()).isEqualTo(Certificates.Verification.Status.NOT_GENUINE);
        assertThat(certificates.verify("").status()).isEqualTo(Certificates.Verification.Status.NOT_GENUINE);
    }

    @Test
    void aChangedRecordNoLongerVerifies() {
        String serial = jdbc.queryForObject("SELECT MAX(serial) FROM certificate", String.class);
        jdbc.update("UPDATE certificate SET hours = hours + 10 WHERE serial = ?", serial);
        try {
            Certificates.Verification v = certificates.verify(serial);
            assertThat(v.status()).isEqualTo(Certificates.Verification.Status.NOT_GENUINE);
            assertThat(v.message()).contains("不一致");
        } finally {
            jdbc.update("UPDATE certificate SET hours = hours - 10 WHERE serial = ?", serial);
        }
        assertThat(certificates.verify(serial).status()).isEqualTo(Certificates.Verification.Status.GENUINE);
    }

    @Test
    void aRevokedCertificateSaysSoWithTheReasonAndIsNeverDrawnZippedOrDownloadedAgain(@TempDir Path again) throws Exception {
        List<String> serials = jdbc.queryForList("SELECT serial FROM certificate ORDER BY serial", String.class);
        String serial = serials.get(serials.size() / 2);
        assertThatThrownBy(() -> certificates.revoke(serial, "管理员", " ")).hasMessageContaining("撤销必须说明原因");
        Certificates.Issued before = certificates.issue(run.id(), "县教师发展中心", again, null);

        certificates.revoke(serial, "管理员", "学分更正后重新认定");

        Certificates.Issued after = certificates.issue(run.id(), "县教师发展中心", again, null);
        assertThat(after.revoked()).isEqualTo(1);
        assertThat(after.certificates()).isEqualTo(before.certificates() - 1);
        try (Stream<Path> files = Files.walk(again)) {
            assertThat(files.map(Path::toString)).as("the copy written before the revocation is gone").noneMatch(f -> f.contains(serial));
        }
        for (Path zip : after.zips()) {
            try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
                assertThat(z.stream().map(java.util.zip.ZipEntry::getName)).noneMatch(n -> n.contains(serial));
            }
        }
        assertThatThrownBy(() -> certificates.pdf(serial)).hasMessageContaining("已撤销");

        Certificates.Verification v = certificates.verify(serial);
        assertThat(v.status()).isEqualTo(Certificates.Verification.Status.REVOKED);
        assertThat(v.message()).contains("撤销", "学分更正后重新认定");
        assertThatThrownBy(() -> certificates.revoke(serial, "管理员", "再次")).hasMessageContaining("已撤销");
        assertThatThrownBy(() -> certificates.revoke("YX-nope", "管理员", "原因")).hasMessageContaining("不是本系统签发的编号");
    }

    @Test
    void refusesRunsThatAreUnknownOrUnfinished(@TempDir Path elsewhere) {
        assertThatThrownBy(() -> certificates.issue(424242, "管理员", elsewhere, null)).hasMessageContaining("没有运行 #424242");
        assertThatThrownBy(() -> certificates.issue(run.id(), "", elsewhere, null)).hasMessageContaining("--by");
    }

    private Path firstPdf() throws Exception {
        try (Stream<Path> pdfs = Files.walk(out)) {
            return pdfs.filter(p -> p.toString().endsWith(".pdf")).sorted().findFirst().orElseThrow();
        }
    }
}
