package cn.yanxiu.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening next year is a file edit: copy the folder, change weights to 70/30, raise the hours minimum,
 * change one role's quota and add a fourth grade (良好) — and the evaluation follows, with no rebuild.
 */
class NextYearRuleSetTests {

    @TempDir
    Path dir;

    private static final String CASES = """
            defaults:
              teacher: {roles: [教师], age: 40, teachingYears: 10, dutyWeeks: 19}
              activities: {理论学习: {hours: 38}, 自学: {hours: 17}, 集中学习: {hours: 15}, 学习笔记: 10, 听课: 80, 多媒体课: 19,
                           教学设计: 8, 电子白板: 1, 微课: 1, 教学反思: 10, 研讨课: 1, 评优课: 1, 研修课题: 1, 示范课: 1, 师徒结对: 1, 教研活动: 10}
              scores: {平时检查: [75, 75], 教师自评: 75, 小组互评: 75, 校长导评: 75, 指导组审评: 75}
            cases:
              - name: 权重改为70/30，新增良好一档
                expect: {grade: %s, finalScore: %s, certificate: true}
              - name: 个人研修48学时
                activities: {自学: {hours: 10}}
                expect: {findings: {H1: %s}}
              - name: 教师每周听课57节
                activities: {听课: 57}
                expect: {findings: {Q1: %s}}
            """;

    @Test
    void editedCopyChangesTheEvaluationWithoutARebuild() throws IOException {
        Path original = RuleSetValidationTestsAccess.copy(dir.resolve("original"));
        writeCases(original, "合格", "85.5", "达标", "达标");
        assertAllPass(original);

        Path next = RuleSetValidationTestsAccess.copy(dir.resolve("2026-2027"));
        RuleSetValidationTests.setCell(next.resolve("weights.drl.xlsx"), 10, 3, 70);
        RuleSetValidationTests.setCell(next.resolve("weights.drl.xlsx"), 11, 3, 30);
        RuleSetValidationTests.replaceInFile(next.resolve("requirements.drl"), "double required = 40 * $t.getDutyShare();",
                "double required = 50 * $t.getDutyShare();");
        RuleSetValidationTests.setCell(next.resolve("quotas.drl.xlsx"), 15, 2, 4);
        SampleRuleTables.Table bands = SampleRuleTables.TABLES.stream().filter(t -> t.file().equals("bands.drl.xlsx")).findFirst().orElseThrow();
        SampleRuleTables.write(next.resolve("bands.drl.xlsx"), new SampleRuleTables.Table(bands.file(), bands.sheet(), bands.notes(),
                bands.keywords(), bands.snippets(), bands.headers(), List.of(
                        List.of("G3-等级-优秀", "优秀", 4, 90, 100, "是", "G3", "90分及以上"),
                        List.of("G3-等级-良好", "良好", 3, 80, 90, "是", "G3", "80至90分"),
                        List.of("G3-等级-合格", "合格", 2, 60, 80, "是", "G3", "60至80分"),
                        List.of("G3-等级-不合格", "不合格", 1, 0, 60, "是", "G3", "60分以下"))));
        RuleSetValidationTests.replaceInFile(next.resolve("manifest.yaml"), "  - 优秀\n", "  - 优秀\n  - 良好\n");
        String grading = Files.readString(next.resolve("grading.drl")).replace("(\"合格\", \"优秀\")", "(\"合格\", \"良好\", \"优秀\")");
        Files.writeString(next.resolve("grading.drl"), grading);
        writeCases(next, "良好", "87.25", "未达标", "未达标");
        assertAllPass(next);
    }

    private static void writeCases(Path ruleSet, String grade, String finalScore, String h1, String q1) throws IOException {
        Files.list(ruleSet.resolve("tests")).forEach(p -> p.toFile().delete());
        Files.writeString(ruleSet.resolve("tests/next-year.yaml"), CASES.formatted(grade, finalScore, h1, q1));
    }

    private static void assertAllPass(Path ruleSet) {
        RuleSetLoader.Loaded loaded = RuleSetLoader.load(ruleSet);
        assertThat(loaded.problems()).isEmpty();
        RuleTestRunner.Report report = new RuleTestRunner(loaded.ruleSet()).run(ruleSet.resolve("tests"));
        assertThat(report.failed()).as(String.join("\n", report.lines())).isZero();
        assertThat(report.passed()).isEqualTo(3);
        loaded.ruleSet().dispose();
    }

    /** Copies the sample rule set, as an administrator copies last year's folder. */
    static final class RuleSetValidationTestsAccess {
        static Path copy(Path target) throws IOException {
            Files.createDirectories(target.resolve("tests"));
            try (var files = Files.walk(RuleSetValidationTests.SAMPLE)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(f, target.resolve(RuleSetValidationTests.SAMPLE.relativize(f).toString()));
                }
            }
            return target;
        }
    }
}
