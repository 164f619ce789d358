package cn.yanxiu.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an administrator relies on when editing a rule set: every mistake is refused, with where it is. */
class RuleSetValidationTests {

    static final Path SAMPLE = Path.of("rules/2025-2026");

    @TempDir
    Path dir;

    @Test
    void sampleRuleSetValidatesAndCoversEveryCheckablePolicy() {
        RuleSetLoader.Loaded loaded = RuleSetLoader.load(SAMPLE);
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.ruleSet().policiesCovered()).contains("G1", "G2", "G3", "G4", "G5", "G6", "G7",
                "H1", "H2", "H3", "H4", "H5", "H6", "Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "T1", "T2", "T3", "T4");
        assertThat(loaded.ruleSet().hash()).hasSize(64);
        loaded.ruleSet().dispose();
    }

    @Test
    void sampleRuleTestsAllPass() {
        RuleSetLoader.Loaded loaded = RuleSetLoader.load(SAMPLE);
        RuleTestRunner.Report report = new RuleTestRunner(loaded.ruleSet()).run(SAMPLE.resolve("tests"));
        assertThat(report.failed()).as(String.join("\n", report.lines())).isZero();
        assertThat(report.passed()).isGreaterThanOrEqualTo(20);
        loaded.ruleSet().dispose();
    }

    @Test
    void brokenDrlLineIsReportedWithFileAndLine() throws IOException {
        Path copy = copySample();
        replaceInFile(copy.resolve("requirements.drl"), "$t : Teacher( age < $age.value )", "$t : Teacher( agee < $age.value )");
        RuleSetLoader.Loaded loaded = RuleSetLoader.load(copy);
        assertThat(loaded.ok()).isFalse();
        int line = lineOf(copy.resolve("requirements.drl"), "agee");
        assertThat(loaded.problems()).anySatisfy(p -> assertThat(p.location()).startsWith("requirements.drl:" + line + ":"));
    }

    @Test
    void aMistakeInAConsequenceIsReportedAtItsOwnLineInChinese() throws IOException {
        Path copy = copySample();
        replaceInFile(copy.resolve("grading.drl"), "$b.getLevel(), drools.getRule().getName()));\nend\n\nrule \"G5-师德结论\"",
                "$b.getLevl(), drools.getRule().getName()));\nend\n\nrule \"G5-师德结论\"");
        int line = lineOf(copy.resolve("grading.drl"), "getLevl");
        RuleSetLoader.Loaded loaded = RuleSetLoader.load(copy);
        assertThat(loaded.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).startsWith("grading.drl:" + line + ":").isNotEqualTo("grading.drl:" + line + ":1");
            assertThat(p.message()).startsWith("类型 GradeBand 没有方法 getLevl()").contains("引擎原文：").contains("is undefined");
        });
    }

    @Test
    void anUnknownFactTypeOrFieldIsNamedInChineseAtItsLine() throws IOException {
        Path copy = copySample();
        replaceInFile(copy.resolve("grading.drl"), "$f : ComponentScore( name == \"最终得分\" )", "$f : ComponentScor( name == \"最终得分\" )");
        RuleSetLoader.Loaded loaded = RuleSetLoader.load(copy);
        int line = lineOf(copy.resolve("grading.drl"), "ComponentScor(");
        assertThat(loaded.problems()).anySatisfy(p -> {
            assertThat(p.location()).startsWith("grading.drl:" + line + ":");
            assertThat(p.message()).startsWith("找不到事实类型“ComponentScor”");
        });
        replaceInFile(copy.resolve("grading.drl"), "$f : ComponentScor( name", "$f : ComponentScore( name");
        replaceInFile(copy.resolve("grading.drl"), "$b : GradeBand( min <= $f.value", "$b : GradeBand( minn <= $f.value");
        int fieldLine = lineOf(copy.resolve("grading.drl"), "minn");
        assertThat(RuleSetLoader.load(copy).problems()).anySatisfy(p -> {
            assertThat(p.location()).startsWith("grading.drl:" + fieldLine + ":");
            assertThat(p.message()).startsWith("找不到字段 minn");
        });
    }

    @Test
    void brokenDecisionTableCellIsReportedWithSheetAndCell() throws IOException {
        Path copy = copySample();
        setCell(copy.resolve("quotas.drl.xlsx"), 11, 2, "四节");
        RuleSetLoader.Loaded loaded = RuleSetLoader.load(copy);
        assertThat(loaded.ok()).isFalse();
        assertThat(loaded.problems()).anySatisfy(p -> assertThat(p.location()).isEqualTo("quotas.drl.xlsx!观课指标!C11"));
    }

    @Test
    void forbiddenCallsAreRefusedWithTheirLine() throws IOException {
        Path copy = copySample();
        Path drl = copy.resolve("duties.drl");
        Files.writeString(drl, Files.readString(drl) + """

                rule "越界"
                    @policy("T1")
                when
                    Teacher()
                then
                    System.exit(1);
                    java.nio.file.Files.delete(null);
                end
                """);
        Files.writeString(copy.resolve("evil.drl"), "package cn.yanxiu.rules;\nimport java.io.File;\nimport cn.yanxiu.rules.vocabulary.*;\n"
                + "rule \"反射\" @policy(\"T1\") when Teacher() then Object o = Class.forName(\"x\"); new Thread().start(); end\n");
        RuleSetLoader.Loaded loaded = RuleSetLoader.load(copy);
        assertThat(loaded.ok()).isFalse();
        int exit = lineOf(drl, "System.exit");
        assertThat(loaded.problems()).extracting(RuleProblem::toString).anySatisfy(p -> assertThat(p).startsWith("duties.drl:" + exit + ":")
                .contains("System"));
        assertThat(loaded.problems()).extracting(RuleProblem::toString).anySatisfy(p -> assertThat(p).startsWith("duties.drl:" + (exit + 1) + ":"));
        assertThat(loaded.problems()).extracting(RuleProblem::toString).anySatisfy(p -> assertThat(p).startsWith("evil.drl:2:").contains("java.io.File"));
        assertThat(loaded.problems()).extracting(RuleProblem::toString).anySatisfy(p -> assertThat(p).startsWith("evil.drl:4:").contains("反射"));
    }

    @Test
    void weightsNotSummingTo100AreRefused() throws IOException {
        Path copy = copySample();
        setCell(copy.resolve("weights.drl.xlsx"), 10, 3, 70);
        RuleSetLoader.Loaded loaded = RuleSetLoader.load(copy);
        assertThat(loaded.problems()).extracting(RuleProblem::toString)
                .contains("weights.drl.xlsx!权重!A10: 分组“最终得分”的百分比合计为 110，应为 100");
    }

    @Test
    void bandGapsAndOverlapsAreRefused() throws IOException {
        Path copy = copySample();
        setCell(copy.resolve("bands.drl.xlsx"), 11, 4, 85);   // 合格 ends at 85, 优秀 starts at 90
        RuleSetLoader.Loaded gap = RuleSetLoader.load(copy);
        assertThat(gap.problems()).extracting(RuleProblem::toString).anySatisfy(p -> assertThat(p).contains("分数段有空缺：85 至 90"));
        setCell(copy.resolve("bands.drl.xlsx"), 11, 4, 95);
        RuleSetLoader.Loaded overlap = RuleSetLoader.load(copy);
        assertThat(overlap.problems()).extracting(RuleProblem::toString).anySatisfy(p -> assertThat(p).contains("分数段重叠"));
    }

    @Test
    void roleWithoutQuotaAndDuplicateRuleNamesAreRefused() throws IOException {
        Path copy = copySample();
        setCell(copy.resolve("quotas.drl.xlsx"), 13, 1, "教师");    // 教研组长 row now says 教师
        Path drl = copy.resolve("duties.drl");
        Files.writeString(drl, Files.readString(drl) + "\nrule \"T3-学校检查次数\" @policy(\"T3\") when Teacher() then end\n");
        RuleSetLoader.Loaded loaded = RuleSetLoader.load(copy);
        assertThat(loaded.ok()).isFalse();
        assertThat(loaded.problems()).extracting(RuleProblem::toString).anySatisfy(p -> assertThat(p).contains("T3-学校检查次数"));
        setCell(copy.resolve("quotas.drl.xlsx"), 13, 1, "教研组长");
        Files.writeString(drl, Files.readString(drl).replace("\nrule \"T3-学校检查次数\" @policy(\"T3\") when Teacher() then end\n", ""));
        setCell(copy.resolve("quotas.drl.xlsx"), 14, 1, "教师");    // 班主任 row now says 教师
        assertThat(RuleSetLoader.load(copy).problems()).extracting(RuleProblem::toString)
                .contains("quotas.drl.xlsx: 岗位“班主任”没有听课指标");
    }

    @Test
    void ruleWithoutPolicyIsRefused() throws IOException {
        Path copy = copySample();
        Path drl = copy.resolve("duties.drl");
        Files.writeString(drl, Files.readString(drl) + "\nrule \"无政策\" when Teacher() then end\n");
        assertThat(RuleSetLoader.load(copy).problems()).extracting(RuleProblem::toString)
                .anySatisfy(p -> assertThat(p).contains("缺少 @policy"));
    }

    Path copySample() throws IOException {
        Path copy = dir.resolve("rules-copy");
        Files.createDirectories(copy.resolve("tests"));
        try (Stream<Path> files = Files.walk(SAMPLE)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, copy.resolve(SAMPLE.relativize(f).toString()));
            }
        }
        return copy;
    }

    static void replaceInFile(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    static int lineOf(Path file, String text) throws IOException {
        var lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    /** Sets a cell of a decision table as an administrator would in Excel (row 1-based, column 0-based). */
    static void setCell(Path file, int row, int column, Object value) throws IOException {
        XSSFWorkbook workbook;
        try (InputStream in = Files.newInputStream(file)) {
            workbook = new XSSFWorkbook(in);
        }
        Sheet sheet = workbook.getSheetAt(0);
        Row r = sheet.getRow(row - 1) != null ? sheet.getRow(row - 1) : sheet.createRow(row - 1);
        var cell = r.getCell(column) != null ? r.getCell(column) : r.createCell(column);
        if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else {
            cell.setCellValue(value.toString());
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        workbook.close();
    }
}
