package cn.yanxiu.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yanxiu.importing.SpreadsheetImporter;
import cn.yanxiu.support.Databases;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The term-end batch on the sample county, run against each database: every grade as the golden file says,
 * the veto always wins, the score is exactly the weighted score, and explanations name rule, file and hash.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EvaluationContractTests {

    static final String TERM = "2025-2026-1";
    static final Path RULES = Path.of("rules/2025-2026");

    @Autowired
    SpreadsheetImporter importer;

    @Autowired
    EvaluationService evaluation;

    @Autowired
    EvaluationRuns runs;

    @Autowired
    ExplanationService explanations;

    @Autowired
    ResultExporter exporter;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DiffService diffs;

    @Autowired
    cn.yanxiu.credits.CreditLedger ledger;

    @Autowired
    cn.yanxiu.certificates.Certificates certificates;

    @Autowired
    cn.yanxiu.exports.CountyReportExporter county;

    @TempDir
    Path dir;

    EvaluationRuns.Run run;

    @BeforeAll
    void sampleCountyEvaluated() throws IOException {
        Databases.sampleCounty(jdbc, importer);
        run = evaluation.evaluate(TERM, RULES, "全部", "tests", null);
    }

    @Test
    void abandoningAFinishedOrUnknownRunSaysSoAndChangesNothing() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> runs.abandon(run.id()))
                .isInstanceOf(EvaluationRuns.RunRefused.class).hasMessageContaining("已完成");
        assertThat(runs.find(run.id()).orElseThrow().completed()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> runs.abandon(987654321L))
                .isInstanceOf(EvaluationRuns.RunRefused.class).hasMessageContaining("没有运行 #987654321");
    }

    @Test
    void everyTeacherGetsTheGoldenGrade() throws IOException {
        assertThat(run.completed()).isTrue();
        assertThat(run.teachers()).isEqualTo(1030);
        Map<String, String> expected = new HashMap<>();
        try (InputStream in = getClass().getResourceAsStream("/golden/grades-2025-2026-1.csv")) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .forEach(l -> expected.put(l.split(",")[0], l.split(",")[1] + "," + l.split(",")[2]));
        }
        Map<String, String> actual = new HashMap<>();
        jdbc.query("SELECT teacher_id, grade, final_score FROM evaluation_result WHERE run_id = ?",
                rs -> {
                    actual.put(rs.getString(1), rs.getString(2) + "," + String.format("%.2f", rs.getBigDecimal(3)));
                }, run.id());
        assertThat(actual).isEqualTo(expected);
        assertThat(runs.gradeCounts(run.id()).keySet()).containsExactly("优秀", "合格", "不合格");
    }

    @Test
    void vetoedTeachersAreUnqualifiedWithoutCertificate() {
        List<Map<String, Object>> vetoed = jdbc.queryForList("SELECT grade, certificate, hours_recognised FROM evaluation_result WHERE run_id = ? AND vetoed = TRUE", run.id());
        assertThat(vetoed).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(r -> {
                    assertThat(r.get("grade")).isEqualTo("不合格");
                    assertThat(r.get("certificate")).isEqualTo(false);
                });
    }

    @Test
    void finalScoreIsExactlyTheWeightedScore() {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT final_score, routine_score, year_end_score FROM evaluation_result WHERE run_id = ?", run.id());
        assertThat(rows).hasSize(1030).allSatisfy(r -> {
            double f = ((Number) r.get("final_score")).doubleValue();
            double weighted = 0.6 * ((Number) r.get("routine_score")).doubleValue() + 0.4 * ((Number) r.get("year_end_score")).doubleValue();
            assertThat(f).isCloseTo(weighted, org.assertj.core.data.Offset.offset(0.005));
        });
    }

    @Test
    void explanationOfAVetoNamesThePolicyTheRuleFileAndTheHash() throws IOException {
        String vetoed = jdbc.queryForObject("SELECT MIN(teacher_id) FROM evaluation_result WHERE run_id = ? AND vetoed = TRUE", String.class, run.id());
        Explanation e = explanations.fromRun(TERM, run.id(), vetoed, true);
        String text = ExplanationText.render(e);
        assertThat(e.decidedBy()).isEqualTo("G5");
        assertThat(text).contains("一票否决（G5）", "G5-师德一票否决  grading.drl:", run.ruleSetHash(), "000 篇5 五(二)2", "增加研修活动不能改变等级");
        assertThat(text).as("no engine internals among the evidence").doesNotContain("InitialFact");
    }

    @Test
    void theExplainCommandPrintsTheStoredEvidenceFirstAndWhatWouldRaiseTheGradeAfter(@Autowired cn.yanxiu.system.YanxiuCommand root,
            @Autowired List<cn.yanxiu.system.YanxiuSubcommand> subcommands, @Autowired picocli.CommandLine.IFactory factory) throws IOException {
        String teacher = jdbc.queryForObject("SELECT MIN(teacher_id) FROM evaluation_result WHERE run_id = ? AND grade = '合格'", String.class, run.id());
        String whole = ExplanationText.render(explanations.fromRun(TERM, run.id(), teacher, true));
        assertThat(whole).contains("五、如何提高一级");
        // what the terminal had been handed at each flush
        List<String> flushed = new java.util.ArrayList<>();
        java.io.StringWriter text = new java.io.StringWriter();
        java.io.PrintWriter out = new java.io.PrintWriter(new java.io.FilterWriter(text) {
            @Override
            public void flush() {
                flushed.add(text.toString());
            }
        });
        picocli.CommandLine line = cn.yanxiu.system.CommandLineEntry.build(root, subcommands, factory);
        line.setOut(out);
        assertThat(line.execute("explain", "--term", TERM, "--run", String.valueOf(run.id()), "--teacher", teacher)).isZero();
        assertThat(text.toString()).as("the same text as one explanation").isEqualTo(whole);
        assertThat(flushed).first().as("the evidence, before the rules are evaluated again")
                .satisfies(first -> assertThat(first).contains("四、触发的其他规则").doesNotContain("五、"));
    }

    @Test
    void explanationSaysWhatWouldRaiseTheGrade() throws IOException {
        String shortOfHours = jdbc.queryForList("SELECT * FROM evaluation_result WHERE run_id = ? AND grade = '不合格' AND vetoed = FALSE "
                + "ORDER BY teacher_id", run.id()).stream()
                .filter(r -> ResultDocuments.read(jdbc, run.id(), r).findings().contains("\"policy\":\"H1\",\"rule\":\"H1-个人研修学时\",\"status\":\"未达标\""))
                .map(r -> (String) cn.yanxiu.system.RowColumns.get(r, "teacher_id")).findFirst().orElseThrow();
        Explanation e = explanations.fromRun(TERM, run.id(), shortOfHours, true);
        assertThat(e.raise()).startsWith("再增加 ").contains("学时").contains("可评为 合格");
    }

    @Test
    void eachResultIsStoredCompressedInUnderThreeKilobytes() {
        Map<String, Object> sizes = jdbc.queryForMap("SELECT MAX(LENGTH(details)) AS largest, AVG(LENGTH(details)) AS mean, "
                + "MAX(LENGTH(findings_json) + LENGTH(score_lines_json) + LENGTH(eligibility_json) + LENGTH(trace_json)) AS text "
                + "FROM evaluation_result WHERE run_id = ?", run.id());
        assertThat(((Number) cn.yanxiu.system.RowColumns.get(sizes, "largest")).intValue()).as("bytes stored for the largest result").isLessThanOrEqualTo(3 * 1024);
        assertThat(((Number) cn.yanxiu.system.RowColumns.get(sizes, "mean")).doubleValue()).isPositive();
        assertThat(((Number) cn.yanxiu.system.RowColumns.get(sizes, "text")).intValue()).as("the text columns stay empty").isZero();
    }

    @Test
    void aStoredRuleSetVersionIsNotBuiltASecondTimeForTheCodeCheck(@Autowired RuleSnapshots snapshots) {
        String hash = run.ruleSetHash();
        assertThat(snapshots.checkedBefore(hash)).as("the run's version passed the full check when stored").isTrue();
        cn.yanxiu.rules.RuleSetLoader.Loaded again = cn.yanxiu.rules.RuleSetLoader.load(Path.of("rules/2025-2026"), snapshots::checkedBefore);
        assertThat(again.ok()).isTrue();
        assertThat(again.ruleSet().fullyChecked()).as("the check's own build was skipped").isNull();
        // a different checker (its classes changed) does not count: the next load checks in full again (and stores that)
        jdbc.update("UPDATE rule_set_snapshot SET code_check = 'an-older-checker' WHERE hash = ?", hash);
        assertThat(snapshots.checkedBefore(hash)).isFalse();
        jdbc.update("UPDATE rule_set_snapshot SET code_check = NULL WHERE hash = ?", hash);
        snapshots.store(again.ruleSet());
        assertThat(snapshots.checkedBefore(hash)).as("a load that relied on the earlier check records nothing").isFalse();
        again.ruleSet().dispose();
        jdbc.update("UPDATE rule_set_snapshot SET code_check = ? WHERE hash = ?", cn.yanxiu.rules.internal.CodeCheckFingerprint.value(), hash);
    }


    @Test
    void secondRunOfTheSameTermIsRefusedWhileOneIsUnderWay() {
        jdbc.update("INSERT INTO run_lock (term_id, run_id) VALUES (?, ?)", "2025-2026-2", run.id());
        try {
            assertThatThrownBy(() -> evaluation.evaluate("2025-2026-2", RULES, "全部", "tests", null))
                    .isInstanceOf(EvaluationRuns.RunRefused.class).hasMessageContaining("已有运行 #" + run.id() + " 未结束");
        } finally {
            jdbc.update("DELETE FROM run_lock WHERE term_id = ?", "2025-2026-2");
        }
    }

    @Test
    void aRuleTheEngineCannotHaltStopsTheRunWithAMessageThatDoesNotAdviseResuming() throws IOException {
        Path rules = copyRules();
        // no loop anywhere in the code: the engine joins one teacher's activities six deep inside a single step
        Files.writeString(rules.resolve("join.drl"), """
                package cn.yanxiu.rules;

                import cn.yanxiu.rules.vocabulary.*;

                rule "测试-组合爆炸"
                    @policy("T1")
                when
                    $t : Teacher( id == "T0000005" )
                    accumulate( Activity( teacherId == $t.id ) and Activity( teacherId == $t.id ) and Activity( teacherId == $t.id )
                        and Activity( teacherId == $t.id ) and Activity( teacherId == $t.id ) and Activity( teacherId == $t.id ); $n : count() )
                then
                end
                """);
        Throwable stopped = org.assertj.core.api.Assertions.catchThrowable(() -> evaluation.evaluate(TERM, rules, "school:S000101", "stuck-test", null));
        assertThat(stopped).isInstanceOf(EvaluationRuns.RunRefused.class).hasMessageContaining("T0000005").hasMessageContaining("无法中止")
                .hasMessageContaining("evaluate --abandon").hasMessageNotContaining("--resume");
        long id = jdbc.queryForObject("SELECT MAX(id) FROM evaluation_run WHERE started_by = 'stuck-test'", Long.class);
        assertThat(runs.find(id).orElseThrow().status()).isEqualTo("INTERRUPTED");
        runs.abandon(id);
    }

    @Test
    void ruleErrorsAndLoopsAreRecordedAgainstTheTeacherAndTheRunGoesOn() throws IOException {
        Path rules = copyRules();
        Files.writeString(rules.resolve("duties.drl"), Files.readString(rules.resolve("duties.drl")) + """

                rule "测试-出错"
                    @policy("T1")
                when
                    $t : Teacher( id == "T0000005" )
                then
                    String s = null;
                    s.length();
                end

                rule "测试-循环"
                    @policy("T1")
                when
                    $t : Teacher( id == "T0000006" )
                then
                    update($t);
                end
                """);
        EvaluationRuns.Run withErrors = evaluation.evaluate(TERM, rules, "school:S000101", "tests", null);
        assertThat(withErrors.completed()).isTrue();
        assertThat(withErrors.ruleErrors()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT rule_error FROM evaluation_result WHERE run_id = ? AND teacher_id = 'T0000005'", String.class, withErrors.id()))
                .contains("测试-出错");
        assertThat(jdbc.queryForObject("SELECT rule_error FROM evaluation_result WHERE run_id = ? AND teacher_id = 'T0000006'", String.class, withErrors.id()))
                .contains("测试-循环");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_result WHERE run_id = ? AND grade IS NOT NULL", Integer.class, withErrors.id()))
                .isEqualTo(withErrors.teachers() - 2);
    }

    @Test
    void resultsExportAsJsonlCsvAndXlsxWithTheFixedColumns() throws IOException {
        Path jsonl = dir.resolve("results.jsonl");
        assertThat(exporter.export(run.id(), jsonl)).isEqualTo(1030);
        String first = Files.readAllLines(jsonl).get(0);
        assertThat(first).startsWith("{\"teacherId\":").contains("\"name\":", "\"school\":", "\"grade\":", "\"finalScore\":", "\"routineScore\":",
                "\"yearEndScore\":", "\"vetoed\":", "\"hoursRecognised\":", "\"credits\":", "\"certificate\":", "\"findings\":[{\"policy\":");
        Path xlsx = dir.resolve("results.xlsx");
        exporter.export(run.id(), xlsx);
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(1030);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("工号");
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("等级");
        }
        Path csv = dir.resolve("results.csv");
        java.io.StringWriter progress = new java.io.StringWriter();
        exporter.export(run.id(), cn.yanxiu.accounts.Scope.PROVINCE, csv, new java.io.PrintWriter(progress));
        assertThat(Files.readAllLines(csv)).hasSize(1031);
        assertThat(progress.toString()).startsWith("导出结果 …").contains("导出结果完成：1,030 个");
    }

    @Test
    void diffAgainstAnEditedCopyListsEveryConsequenceWithThePolicy() throws IOException {
        Path edited = copyRules();
        cn.yanxiu.rules.TableCells.set(edited.resolve("parameters.drl.xlsx"), "参数-H1-每学期个人研修学时", "数值", 70);
        java.io.StringWriter progress = new java.io.StringWriter();
        GradeDiff diff = diffs.ruleSets(TERM, RULES, edited, cn.yanxiu.accounts.Scope.PROVINCE, new java.io.PrintWriter(progress));
        assertThat(diff.teachers()).isEqualTo(1030);
        assertThat(progress.toString()).as("a comparison as long as a run says how far it is")
                .startsWith("校验并编译规则集 " + RULES + " 与 " + edited + " …").contains("规则集已就绪，用时 ", "比较教师 …", "比较教师完成：1,030 个");
        assertThat(diff.gradeChanges()).hasSizeGreaterThan(50)
                .allSatisfy(c -> {
                    assertThat(c.to()).isEqualTo("不合格");
                    assertThat(c.policies()).contains("H1 H1-个人研修学时（达标 → 未达标）");
                    assertThat(c.consequences()).anySatisfy(x -> assertThat(x).startsWith("学分 "));
                });
        // a teacher who loses the top grade keeps a certificate; one who fails loses it, and their hours
        assertThat(diff.changes()).filteredOn(c -> "不合格".equals(c.to()) && !"不合格".equals(c.from()))
                .allSatisfy(c -> assertThat(c.consequences()).contains("证书 发 → 不发").anySatisfy(x -> assertThat(x).startsWith("认定学时 ")));
        assertThat(diff.byKind()).containsEntry("等级变化", (long) diff.gradeChanges().size());
        assertThat(diff.render()).contains("按变化：", "合格 → 不合格", "证书变化", "学分变化", "按学校：", "原因：");

        EvaluationRuns.Run second = evaluation.evaluate(TERM, edited, "全部", "tests", null);
        GradeDiff byRuns = diffs.runs(run.id(), second.id());
        assertThat(byRuns.changes()).extracting(GradeDiff.Change::teacherId)
                .containsExactlyInAnyOrderElementsOf(diff.changes().stream().map(GradeDiff.Change::teacherId).toList());
        assertThat(byRuns.byKind()).isEqualTo(diff.byKind());
    }

    @Test
    void aDiffAgainstABrokenRuleSetNamesItAndComparesNothing() throws IOException {
        Path broken = copyRules();
        Files.writeString(broken.resolve("duties.drl"), Files.readString(broken.resolve("duties.drl")) + "\nrule \"半条规则\" when then\n");
        java.io.StringWriter progress = new java.io.StringWriter();
        assertThatThrownBy(() -> diffs.ruleSets(TERM, RULES, broken, cn.yanxiu.accounts.Scope.PROVINCE, new java.io.PrintWriter(progress)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("规则集 " + broken + " 未通过校验").hasMessageContaining("duties.drl");
        assertThat(progress.toString()).doesNotContain("比较教师");
        assertThatThrownBy(() -> diffs.ruleSets(TERM, broken, RULES)).hasMessageContaining("规则集 " + broken + " 未通过校验");
    }

    @Test
    void aNewBandIsNamedAsTheCauseNotTheWeights() throws IOException {
        Path edited = copyRules();
        cn.yanxiu.rules.TableCells.set(edited.resolve("bands.drl.xlsx"), "G3-等级-优秀", "最低分（含）", 85);
        cn.yanxiu.rules.TableCells.set(edited.resolve("bands.drl.xlsx"), "G3-等级-合格", "最高分（不含）", 85);
        GradeDiff diff = diffs.ruleSets(TERM, RULES, edited);
        assertThat(diff.gradeChanges()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.transition()).isEqualTo("合格 → 优秀");
            assertThat(c.policies()).contains("G3 分数段 合格 [60, 90) → 优秀 [85, 100]").noneMatch(p -> p.startsWith("G1"));
        });
    }

    @Test
    void theExplanationPrintsTheNumberInForceNotTheSampleYears() throws IOException {
        Path edited = copyRules();
        cn.yanxiu.rules.TableCells.set(edited.resolve("parameters.drl.xlsx"), "参数-H1-每学期个人研修学时", "数值", 50);
        cn.yanxiu.rules.TableCells.set(edited.resolve("weights.drl.xlsx"), "G1-权重-平时研修检查", "百分比", 70);
        cn.yanxiu.rules.TableCells.set(edited.resolve("weights.drl.xlsx"), "G1-权重-年末研修评价", "百分比", 30);
        String teacher = jdbc.queryForObject("SELECT MIN(teacher_id) FROM evaluation_result WHERE run_id = ? AND vetoed = FALSE", String.class, run.id());
        String text = ExplanationText.render(explanations.live(edited, TERM, teacher));
        assertThat(text).contains("要求每学期 50 学时", "× 70%", "× 30%").doesNotContain("40 学时", "× 60%", "× 40%");
        // deciding rules come right after the verdict, then the arithmetic, requirements, consequences with hours and credits
        assertThat(text.indexOf("决定等级的规则")).isLessThan(text.indexOf("一、得分计算"));
        assertThat(text.indexOf("二、各项要求")).isLessThan(text.indexOf("三、资格与后果"));
        assertThat(text).containsPattern("认定学时 [0-9.]+，学分 [0-9.]+");
    }

    @Test
    void fiveGradeLevelsRunEndToEndFromTheLevelTableAlone() throws IOException {
        Path five = cn.yanxiu.rules.SampleRuleSets.fiveLevels(Files.createTempDirectory(dir, "five"));
        EvaluationRuns.Run fiveRun = evaluation.evaluate(TERM, five, "全部", "tests", null);
        assertThat(fiveRun.completed()).isTrue();
        List<String> levels = List.of("优秀", "良好", "合格", "基本合格", "不合格");
        List<String> seen = List.copyOf(runs.gradeCounts(fiveRun.id()).keySet());
        assertThat(seen).contains("基本合格", "良好").isSubsetOf(levels);
        assertThat(seen).isSortedAccordingTo(java.util.Comparator.comparingInt(levels::indexOf));
        // 基本合格 passes and keeps its hours, but earns no certificate
        List<Map<String, Object>> basic = jdbc.queryForList("SELECT certificate, hours_recognised, credits FROM evaluation_result "
                + "WHERE run_id = ? AND grade = '基本合格' AND vetoed = FALSE", fiveRun.id());
        assertThat(basic).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get("certificate")).isEqualTo(false);
            assertThat(((Number) r.get("hours_recognised")).doubleValue()).isPositive();
        });
        assertThat(county.report(fiveRun.id()).grades()).isSortedAccordingTo(java.util.Comparator.comparingInt(levels::indexOf)).contains("基本合格");
        GradeDiff diff = diffs.runs(run.id(), fiveRun.id());
        assertThat(diff.changes()).filteredOn(c -> "基本合格".equals(c.to())).isNotEmpty()
                .allSatisfy(c -> assertThat(c.consequences()).contains("证书 发 → 不发"));

        // the approval chain and the certificates follow the level table: credits for 基本合格, no certificate
        ledger.propose(fiveRun.id(), "管理员", "五级等级试行");
        cn.yanxiu.credits.CreditFilter term = new cn.yanxiu.credits.CreditFilter(TERM, null, null, null);
        ledger.approve(cn.yanxiu.credits.CreditStep.GROUP, term, "教研组长", null);
        ledger.approve(cn.yanxiu.credits.CreditStep.OFFICE, term, "教导主任", null);
        // registered in the school with the most 基本合格 teachers, so certificates are drawn for one school, not the county
        String school = jdbc.queryForObject("SELECT school_id FROM evaluation_result WHERE run_id = ? AND grade = '基本合格' GROUP BY school_id "
                + "ORDER BY COUNT(*) DESC, school_id LIMIT 1", String.class, fiveRun.id());
        ledger.approve(cn.yanxiu.credits.CreditStep.REGISTER, new cn.yanxiu.credits.CreditFilter(TERM, school, null, null), "登记员", null);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM credit_entry e JOIN evaluation_result r ON r.teacher_id = e.teacher_id AND r.run_id = e.run_id "
                + "WHERE e.run_id = ? AND r.grade = '基本合格' AND e.status = 'REGISTERED' AND e.credits > 0", Integer.class, fiveRun.id())).isPositive();
        cn.yanxiu.certificates.Certificates.Issued issued = certificates.issue(fiveRun.id(), "县教师发展中心", Files.createTempDirectory(dir, "certs"), null);
        Integer eligible = jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_result r JOIN credit_entry e ON e.run_id = r.run_id AND e.teacher_id = r.teacher_id "
                + "WHERE r.run_id = ? AND r.certificate = TRUE AND e.status = 'REGISTERED'", Integer.class, fiveRun.id());
        assertThat(eligible).isPositive();
        assertThat(issued.certificates()).isEqualTo(eligible);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM certificate WHERE run_id = ? AND grade = '基本合格'", Integer.class, fiveRun.id())).isZero();
    }

    private Path copyRules() throws IOException {
        Path copy = Files.createTempDirectory(dir, "rules-copy");
        Files.createDirectories(copy.resolve("tests"));
        try (Stream<Path> files = Files.walk(RULES)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, copy.resolve(RULES.relativize(f).toString()));
            }
        }
        return copy;
    }
}
