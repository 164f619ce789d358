package cn.yanxiu.exports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yanxiu.credits.CreditLedger;
import cn.yanxiu.credits.CreditSummaryExporter;
import cn.yanxiu.evaluation.EvaluationRuns;
import cn.yanxiu.evaluation.EvaluationService;
import cn.yanxiu.importing.SpreadsheetImporter;
import cn.yanxiu.support.Databases;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The forms a school files, printed as a school would print them: LibreOffice (headless) turns the exported sheets
 * into PDF, and the pages are counted and read. The C2 sheet of the sample county's largest school fits on six pages.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrintedFormsTests {

    private static final Path SOFFICE = Path.of("/usr/bin/soffice");

    @Autowired
    SpreadsheetImporter importer;

    @Autowired
    EvaluationService evaluation;

    @Autowired
    CreditLedger ledger;

    @Autowired
    CreditSummaryExporter credits;

    @Autowired
    CountyReportExporter county;

    @Autowired
    JdbcTemplate jdbc;

    EvaluationRuns.Run run;

    @BeforeAll
    void sampleCountyProposed() throws IOException {
        Databases.sampleCounty(jdbc, importer);
        run = evaluation.evaluate("2025-2026-1", Path.of("rules/2025-2026"), "全部", "tests", null);
        ledger.propose(run.id(), "教务处", null);
    }

    @Test
    void theLargestSchoolsCreditSheetPrintsOnAtMostSixLandscapePagesWithItsTitleTotalsAndSignatures(@TempDir Path dir) throws Exception {
        String largest = jdbc.queryForObject("SELECT school_id FROM teacher GROUP BY school_id ORDER BY COUNT(*) DESC, school_id LIMIT 1", String.class);
        String name = jdbc.queryForObject("SELECT name FROM school WHERE id = ?", String.class, largest);
        Path sheet = dir.resolve("c2.xlsx");
        int teachers = credits.write("2025-2026-1", largest, sheet);
        assertThat(teachers).isGreaterThan(100);
        try (PDDocument pdf = Loader.loadPDF(print(sheet, dir).toFile())) {
            assertThat(pdf.getNumberOfPages()).as("C2 of %s (%d teachers)", name, teachers).isBetween(1, 6);
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).as("landscape").isGreaterThan(pdf.getPage(0).getMediaBox().getHeight());
            PDFTextStripper text = new PDFTextStripper();
            text.setStartPage(pdf.getNumberOfPages());
            String last = text.getText(pdf);
            assertThat(last).contains("全校合计", "学校负责人（签章）");
            text.setStartPage(1);
            text.setEndPage(1);
            assertThat(text.getText(pdf)).contains("学分认定汇总表", "填报单位：" + name, "认定学时");
            if (pdf.getNumberOfPages() > 1) {
                text.setStartPage(2);
                text.setEndPage(2);
                assertThat(text.getText(pdf)).as("the header row repeats on every page").contains("认定学时", "工号");
            }
        }
    }

    @Test
    void theCountySummaryPrintsWithItsTotalRow(@TempDir Path dir) throws Exception {
        Path sheet = dir.resolve("c3.xlsx");
        county.write(run.id(), sheet);
        try (PDDocument pdf = Loader.loadPDF(print(sheet, dir).toFile())) {
            assertThat(pdf.getNumberOfPages()).isBetween(1, 3);
            PDFTextStripper text = new PDFTextStripper();
            assertThat(text.getText(pdf)).contains("县域校本研修汇总表", "全县合计", "教育局负责人（签章）");
        }
    }

    /** LibreOffice, headless, as a school's office would print: the sheet to PDF. */
    private static Path print(Path sheet, Path dir) throws IOException, InterruptedException {
        if (!Files.isExecutable(SOFFICE)) {
            throw new IllegalStateException("打印版式测试需要 LibreOffice（Debian 包 libreoffice-calc-nogui，.ci/run 会自动安装）");
        }
        Path profile = dir.resolve("lo-profile");
        Process p = new ProcessBuilder(SOFFICE.toString(), "-env:UserInstallation=" + profile.toUri(), "--headless", "--norestore",
                "--convert-to", "pdf", "--outdir", dir.toString(), sheet.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("LibreOffice finished").isTrue();
        Path pdf = dir.resolve(sheet.getFileName().toString().replace(".xlsx", ".pdf"));
        assertThat(pdf).as(Files.readString(dir.resolve("soffice.log"))).exists();
        return pdf;
    }

}
