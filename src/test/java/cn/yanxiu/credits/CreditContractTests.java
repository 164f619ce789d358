package cn.yanxiu.credits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import cn.yanxiu.evaluation.EvaluationRuns;
import cn.yanxiu.evaluation.EvaluationService;
import cn.yanxiu.evaluation.RunPublications;
import cn.yanxiu.generate.SampleCountyGenerator;
import cn.yanxiu.importing.SpreadsheetImporter;
import cn.yanxiu.support.Databases;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine;

/**
 * The credit ledger and approval chain on a generated county of 150 teachers, against each database:
 * only recognised hours are proposed, nothing is registered without both approvals, every step is recorded,
 * a returned entry is corrected by a later run with a reason, refusals change nothing, and the 学分认定汇总表
 * re-opens with totals that match the ledger.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CreditContractTests {

    static final String TERM = "2025-2026-1";

    @Autowired
    SpreadsheetImporter importer;

    @Autowired
    EvaluationService evaluation;

    @Autowired
    RunPublications publications;

    @Autowired
    CreditLedger ledger;

    @Autowired
    CreditSummaryExporter exporter;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CommandLine.IFactory factory;

    @TempDir
    Path dir;

    EvaluationRuns.Run run;
    String school;

    @BeforeAll
    void countyEvaluated(@TempDir Path county) throws Exception {
        Databases.clear(jdbc);
        List<Path> files = new SampleCountyGenerator(150, 7).write(county, n -> { });
        assertThat(importer.importFiles(files)).allSatisfy(r -> assertThat(r.problems()).isEmpty());
        run = evaluation.evaluate(TERM, Path.of("rules/2025-2026"), "全部", "tests", null);
        assertThat(run.completed()).isTrue();
        school = jdbc.queryForObject("SELECT MIN(school_id) FROM teacher", String.class);
    }

    @BeforeEach
    void emptyLedger() {
        jdbc.update("DELETE FROM credit_step");
        jdbc.update("UPDATE credit_entry SET corrects_id = NULL");
        jdbc.update("DELETE FROM credit_entry");
        jdbc.update("DELETE FROM run_publication");
    }

    @Test
    void proposesTheRecognisedHoursOfEveryTeacherWhoHasThem() {
        CreditLedger.Proposal p = ledger.propose(run.id(), "教务员", null);

        int withHours = count("SELECT COUNT(*) FROM evaluation_result WHERE run_id = ? AND rule_error IS NULL AND hours_recognised > 0", run.id());
        assertThat(p.proposed()).isEqualTo(withHours).isPositive();
        assertThat(p.withoutHours()).isEqualTo(count("SELECT COUNT(*) FROM evaluation_result WHERE run_id = ? AND hours_recognised = 0", run.id()));
        // G4: a 不合格 teacher gets no recognised hours, hence no entry
        assertThat(count("SELECT COUNT(*) FROM credit_entry e JOIN evaluation_result r ON r.teacher_id = e.teacher_id AND r.run_id = e.run_id "
                + "WHERE r.grade = '不合格'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM evaluation_result WHERE run_id = ? AND grade = '不合格'", run.id())).isPositive();
        assertThat(count("SELECT COUNT(*) FROM credit_entry e JOIN evaluation_result r ON r.teacher_id = e.teacher_id AND r.run_id = e.run_id "
                + "WHERE e.hours = r.hours_recognised AND e.credits = r.credits AND e.status = 'PROPOSED'")).isEqualTo(withHours);

        CreditLedger.Proposal again = ledger.propose(run.id(), "教务员", null);
        assertThat(again.proposed()).isZero();
        assertThat(again.unchanged()).isEqualTo(withHours);
        assertThat(count("SELECT COUNT(*) FROM credit_entry")).isEqualTo(withHours);
    }

    @Test
    void nothingIsRegisteredWithoutBothApprovals() {
        int all = ledger.propose(run.id(), "教务员", null).proposed();
        int inSchool = count("SELECT COUNT(*) FROM credit_entry e JOIN teacher t ON t.id = e.teacher_id WHERE t.school_id = ?", school);
        CreditFilter term = new CreditFilter(TERM, null, null, null);

        CreditLedger.StepResult early = ledger.approve(CreditStep.REGISTER, term, "登记员", null);
        assertThat(early.done()).isZero();
        assertThat(early.waitingEarlier()).isEqualTo(all);
        assertThat(ledger.approve(CreditStep.OFFICE, term, "教导主任", null).done()).isZero();

        assertThat(ledger.approve(CreditStep.GROUP, new CreditFilter(TERM, school, null, null), "教研组长", "记录齐全").done()).isEqualTo(inSchool);
        assertThat(ledger.approve(CreditStep.OFFICE, term, "教导主任", "复审通过").done()).isEqualTo(inSchool);
        CreditLedger.StepResult registered = ledger.approve(CreditStep.REGISTER, term, "登记员", null);

        assertThat(registered.done()).isEqualTo(inSchool);
        assertThat(registered.waitingEarlier()).isEqualTo(all - inSchool);
        assertThat(count("SELECT COUNT(*) FROM credit_entry WHERE status = 'REGISTERED'")).isEqualTo(inSchool);
        assertThat(count("SELECT COUNT(*) FROM credit_entry WHERE status = 'PROPOSED'")).isEqualTo(all - inSchool);
        String teacher = jdbc.queryForObject("SELECT MIN(e.teacher_id) FROM credit_entry e JOIN teacher t ON t.id = e.teacher_id WHERE t.school_id = ?",
                String.class, school);
        List<CreditLedger.Step> steps = ledger.entries(teacher).get(0).steps();
        assertThat(steps).extracting(CreditLedger.Step::step).containsExactly(CreditStep.GROUP, CreditStep.OFFICE, CreditStep.REGISTER);
        assertThat(steps).extracting(CreditLedger.Step::actor).containsExactly("教研组长", "教导主任", "登记员");
        assertThat(steps).extracting(CreditLedger.Step::comment).containsExactly("记录齐全", "复审通过", null);
        assertThat(steps).allSatisfy(s -> assertThat(s.actedAt()).isNotNull());
        // the multi-year targets as the rules stated them for this teacher
        assertThat(ledger.progress(teacher)).anySatisfy(line -> assertThat(line).startsWith("H4 三年累计"));
    }

    @Test
    void aReturnedEntryIsCorrectedByALaterRunWithAReason() {
        int all = ledger.propose(run.id(), "教务员", null).proposed();
        String teacher = jdbc.queryForObject("SELECT MIN(teacher_id) FROM credit_entry", String.class);
        CreditFilter one = new CreditFilter(TERM, null, null, teacher);

        assertThat(ledger.sendBack(one, "教研组长", "听课记录与教案不符")).isEqualTo(1);
        assertThat(ledger.approve(CreditStep.GROUP, new CreditFilter(TERM, null, null, null), "教研组长", null).done()).isEqualTo(all - 1);
        CreditLedger.Entry returned = ledger.entries(teacher).get(0);
        assertThat(returned.status()).isEqualTo(CreditStatus.RETURNED);
        assertThat(returned.steps()).singleElement().satisfies(s -> {
            assertThat(s.decision()).isEqualTo("RETURNED");
            assertThat(s.comment()).isEqualTo("听课记录与教案不符");
        });

        EvaluationRuns.Run rerun = evaluation.evaluate(TERM, Path.of("rules/2025-2026"), "全部", "tests", null);
        // credits come only from the term's official run: the first proposal published the first run
        assertThat(publications.official(TERM).orElseThrow().runId()).isEqualTo(run.id());
        assertThatThrownBy(() -> ledger.propose(rerun.id(), "教务员", "核对教案后重新认定"))
                .isInstanceOf(CreditLedger.CreditRefused.class).hasMessageContaining("不是学期 " + TERM + " 的正式结果").hasMessageContaining("publish --run " + rerun.id());
        assertThatThrownBy(() -> publications.publish(rerun.id(), "教务处", null)).hasMessageContaining("--reason");
        publications.publish(rerun.id(), "教务处", "核对教案后重新评价");
        assertThat(publications.official(TERM).orElseThrow()).satisfies(p -> {
            assertThat(p.runId()).isEqualTo(rerun.id());
            assertThat(p.replacesRunId()).isEqualTo(run.id());
            assertThat(p.reason()).isEqualTo("核对教案后重新评价");
        });
        // the term's publication history, read back through its repository: both runs, in order, with who and when
        assertThat(publications.history(TERM)).extracting(RunPublications.Publication::runId, RunPublications.Publication::replacesRunId)
                .containsExactly(tuple(run.id(), null), tuple(rerun.id(), run.id()));
        assertThat(publications.history(TERM).get(1)).satisfies(p -> {
            assertThat(p.publishedBy()).isEqualTo("教务处");
            assertThat(p.publishedAt()).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
        });
        assertThatThrownBy(() -> ledger.propose(rerun.id(), "教务员", null))
                .isInstanceOf(CreditLedger.CreditRefused.class).hasMessageContaining("--reason").hasMessageContaining(teacher);
        assertThat(count("SELECT COUNT(*) FROM credit_entry")).isEqualTo(all);

        CreditLedger.Proposal corrected = ledger.propose(rerun.id(), "教务员", "核对教案后重新认定");
        assertThat(corrected.corrected()).isEqualTo(1);
        assertThat(corrected.unchanged()).isEqualTo(all - 1);
        List<CreditLedger.Entry> history = ledger.entries(teacher);
        assertThat(history).hasSize(2);
        assertThat(history.get(0).status()).isEqualTo(CreditStatus.SUPERSEDED);
        assertThat(history.get(0).hours()).isEqualByComparingTo(returned.hours());
        assertThat(history.get(1).correctsId()).isEqualTo(history.get(0).id());
        assertThat(history.get(1).reason()).isEqualTo("核对教案后重新认定");
        assertThat(history.get(1).status()).isEqualTo(CreditStatus.PROPOSED);
    }

    @Test
    void refusalsChangeNothing() {
        ledger.propose(run.id(), "教务员", null);
        int entries = count("SELECT COUNT(*) FROM credit_entry");
        CreditFilter term = new CreditFilter(TERM, null, null, null);

        assertThatThrownBy(() -> ledger.propose(999_999, "教务员", null)).hasMessageContaining("没有运行 #999999");
        assertThatThrownBy(() -> ledger.propose(run.id(), " ", null)).hasMessageContaining("--by");
        assertThatThrownBy(() -> ledger.sendBack(term, "教研组长", "  ")).hasMessageContaining("退回必须说明原因");
        assertThatThrownBy(() -> ledger.approve(CreditStep.GROUP, term, "教研组长", "长".repeat(501))).hasMessageContaining("最多 500");
        assertThatThrownBy(() -> new CreditFilter(null, null, null, null)).hasMessageContaining("--term");
        assertThat(ledger.approve(CreditStep.GROUP, new CreditFilter(TERM, "NO-SUCH-SCHOOL", null, null), "教研组长", null).done()).isZero();

        assertThat(count("SELECT COUNT(*) FROM credit_entry")).isEqualTo(entries);
        assertThat(count("SELECT COUNT(*) FROM credit_entry WHERE status <> 'PROPOSED'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM credit_step")).isZero();
    }

    @Test
    void theSummarySheetReopensWithTheLedgersTotals() throws Exception {
        ledger.propose(run.id(), "教务员", null);
        ledger.approve(CreditStep.GROUP, new CreditFilter(TERM, school, null, null), "教研组长", "=同意");
        String teacher = jdbc.queryForObject("SELECT MIN(e.teacher_id) FROM credit_entry e JOIN teacher t ON t.id = e.teacher_id WHERE t.school_id = ?",
                String.class, school);
        String name = jdbc.queryForObject("SELECT name FROM teacher WHERE id = ?", String.class, teacher);
        jdbc.update("UPDATE teacher SET name = ? WHERE id = ?", "=HYPERLINK(\"http://x\")", teacher);
        try {
            Path out = dir.resolve("credits.xlsx");
            int listed = exporter.write(TERM, (String) null, out);

            assertThat(listed).isEqualTo(count("SELECT COUNT(*) FROM credit_entry"));
            try (InputStream in = Files.newInputStream(out); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
                Sheet sheet = workbook.getSheet("学分认定汇总表");
                assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("学分认定汇总表");
                assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains("填报单位：全县", "学期：");
                assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
                assertThat(sheet.getRepeatingRows()).as("the header row on every printed page").isNotNull();
                int h = cn.yanxiu.exports.PrintedForm.HEADER_ROW;
                Row header = sheet.getRow(h);
                List<String> headers = new java.util.ArrayList<>();
                header.forEach(c -> headers.add(c.getStringCellValue()));
                assertThat(headers).startsWith("学校", "工号", "姓名", "教研组", "等级").contains("自学（学时）", "认定学时", "学分", "状态", "教研组认定", "教导处复审", "学分登记");
                int hoursColumn = headers.indexOf("认定学时");
                int creditsColumn = headers.indexOf("学分");
                double hours = 0;
                double credits = 0;
                for (int i = h + 1; i <= h + listed; i++) {
                    hours += sheet.getRow(i).getCell(hoursColumn).getNumericCellValue();
                    credits += sheet.getRow(i).getCell(creditsColumn).getNumericCellValue();
                }
                BigDecimal dbHours = jdbc.queryForObject("SELECT SUM(hours) FROM credit_entry", BigDecimal.class);
                BigDecimal dbCredits = jdbc.queryForObject("SELECT SUM(credits) FROM credit_entry", BigDecimal.class);
                assertThat(hours).isCloseTo(dbHours.doubleValue(), org.assertj.core.data.Offset.offset(0.001));
                assertThat(credits).isCloseTo(dbCredits.doubleValue(), org.assertj.core.data.Offset.offset(0.001));
                Row total = sheet.getRow(h + listed + 1);
                assertThat(total.getCell(0).getStringCellValue()).isEqualTo("全县合计");
                assertThat(total.getCell(hoursColumn).getNumericCellValue()).isCloseTo(dbHours.doubleValue(), org.assertj.core.data.Offset.offset(0.001));
                assertThat(sheet.getRow(h + listed + 3).getCell(0).getStringCellValue()).contains("填表人", "学校负责人（签章）");
                Row first = sheet.getRow(h + 1);
                assertThat(first.getCell(1).getStringCellValue()).isEqualTo(teacher);
                assertThat(first.getCell(2).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://x\")");
                assertThat(first.getCell(headers.indexOf("状态")).getStringCellValue()).isEqualTo("教研组已认定");
                assertThat(first.getCell(headers.indexOf("教研组认定")).getStringCellValue()).startsWith("教研组长 ").endsWith("（=同意）");
            }
        } finally {
            jdbc.update("UPDATE teacher SET name = ? WHERE id = ?", name, teacher);
        }
    }

    @Test
    void theCommandLineSaysWhatIsWrongAndExitsWithTwo() {
        ledger.propose(run.id(), "教务员", null);
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(new CreditsCommand(), factory);
        line.setErr(new PrintWriter(err, true));
        line.setOut(new PrintWriter(new StringWriter(), true));

        assertThat(line.execute("approve", "--step", "principal", "--term", TERM, "--by", "校长")).isEqualTo(2);
        assertThat(err.toString()).contains("--step 只能是 group（教研组认定）或 office（教导处复审）");
        assertThat(line.execute("export", "--term", TERM, "--out", dir.resolve("x.csv").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("只能导出为 .xlsx");
        assertThat(line.execute("return", "--term", TERM, "--by", "教研组长", "--reason", "")).isEqualTo(2);
        assertThat(line.execute("approve", "--step", "office", "--term", TERM, "--by", "教导主任")).as("office before group").isEqualTo(2);
        assertThat(err.toString()).containsPattern("没有等待这一步的记录；[1-9]\\d* 条尚未完成前一步审核");
        assertThat(line.execute("register", "--term", TERM, "--by", "教务员")).isEqualTo(2);
        assertThat(err.toString()).contains("未经两级审核，不予登记");
        assertThat(count("SELECT COUNT(*) FROM credit_step")).isZero();
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }
}
