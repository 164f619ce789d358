package cn.yanxiu.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Grade levels are data: five levels come from the level table and the manifest alone, with their consequences. */
class FiveLevelRuleSetTests {

    @TempDir
    Path dir;

    private static final String CASES = """
            defaults:
              baseline: 恰好达标
              teacher: {roles: [教师], age: 40, teachingYears: 10, dutyWeeks: 19}
              activities: {教研活动: 10}
            cases:
              - name: 优秀
                scores: {平时检查: [85, 85], 教师自评: 85, 小组互评: 85, 校长导评: 85, 指导组审评: 85}
                expect: {grade: 优秀, certificate: true, credits: 5.7}
              - name: 良好
                scores: {平时检查: [75, 75], 教师自评: 75, 小组互评: 75, 校长导评: 75, 指导组审评: 75}
                expect: {grade: 良好, certificate: true}
              - name: 合格
                scores: {平时检查: [40, 40], 教师自评: 60, 小组互评: 60, 校长导评: 60, 指导组审评: 60}
                expect: {grade: 合格, certificate: true}
              - name: 基本合格：通过、认定学时，但不发证
                scores: {平时检查: [0, 0], 教师自评: 50, 小组互评: 50, 校长导评: 50, 指导组审评: 50}
                expect: {grade: 基本合格, certificate: false, credits: 5.7}
              - name: 不合格
                scores: {平时检查: [0, 0], 教师自评: 40, 小组互评: 40, 校长导评: 40, 指导组审评: 40}
                expect: {grade: 不合格, certificate: false, credits: 0}
              - name: 硬性要求未达标评为最低等级
                activities: {自学: {hours: 1}}
                expect: {grade: 不合格, certificate: false, credits: 0, findings: {H1: 未达标}}
              - name: 不得评优的要求未达标时最高评到次高等级
                scores: {平时检查: [99, 99], 教师自评: 99, 小组互评: 99, 校长导评: 99, 指导组审评: 99}
                activities: {教学反思: 1}
                expect: {grade: 良好, findings: {Q4: 未达标}}
              - name: 师德否决评为最低等级
                scores: {平时检查: [99, 99], 教师自评: 99, 小组互评: 99, 校长导评: 99, 指导组审评: 99}
                ethics: 不达标
                expect: {grade: 不合格, vetoed: true, certificate: false}
            """;

    @Test
    void fiveLevelsComeFromTheTableAndTheManifestAlone() throws IOException {
        Path five = SampleRuleSets.fiveLevels(dir.resolve("five"));
        RuleSetLoader.Loaded loaded = RuleSetLoader.load(five);
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.ruleSet().manifest().grades()).containsExactly("优秀", "良好", "合格", "基本合格", "不合格");
        Files.writeString(five.resolve("tests/policies.yaml"), CASES);
        RuleTestRunner.Report report = new RuleTestRunner(loaded.ruleSet()).run(five.resolve("tests"));
        assertThat(report.failed()).as(String.join("\n", report.lines())).isZero();
        assertThat(report.passed()).isEqualTo(8);
        TeacherEvaluation basic = loaded.ruleSet().evaluate(SampleRuleSets.director(loaded.ruleSet()));
        assertThat(basic.eligibilities()).isNotEmpty();
        loaded.ruleSet().dispose();
    }

    @Test
    void aGradeNamedInARuleThatTheManifestDoesNotHaveIsRefusedAtItsLine() throws IOException {
        Path copy = SampleRuleSets.copy(dir.resolve("copy"));
        Path grading = copy.resolve("grading.drl");
        Files.writeString(grading, Files.readString(grading).replace("    $o : Outcome()\n    $b : GradeBand( label == $o.label )\nthen\n    String rule",
                "    $o : Outcome( label in (\"合格\", \"良好\") )\n    $b : GradeBand( label == $o.label )\nthen\n    String rule"));
        int line = RuleSetValidationTests.lineOf(grading, "\"良好\"");
        RuleSetLoader.Loaded loaded = RuleSetLoader.load(copy);
        assertThat(loaded.ok()).isFalse();
        assertThat(loaded.problems()).anySatisfy(p -> {
            assertThat(p.location()).startsWith("grading.drl:" + line + ":");
            assertThat(p.message()).contains("“良好”", "manifest.yaml");
        });
    }

    @Test
    void aMisspeltParameterIsRefusedAndANumberWrittenTwiceIsFlagged() throws IOException {
        Path copy = SampleRuleSets.copy(dir.resolve("copy"));
        Path requirements = copy.resolve("requirements.drl");
        String text = Files.readString(requirements);
        Files.writeString(requirements, text.replace("name == \"H2-每周理论学习学时\"", "name == \"H2-每周理论学习\"")
                .replace("double required = $p.getValue() * $t.getDutyShare();", "double required = 40 * $t.getDutyShare();"));
        RuleSetLoader.Loaded loaded = RuleSetLoader.load(copy);
        assertThat(loaded.problems()).anySatisfy(p -> {
            assertThat(p.location()).startsWith("requirements.drl:" + RuleSetValidationTests.lineOf(requirements, "H2-每周理论学习\"") + ":");
            assertThat(p.message()).contains("H2-每周理论学习", "parameters.drl.xlsx");
        });
        assertThat(loaded.warnings()).anySatisfy(w -> {
            assertThat(w.location()).isEqualTo("requirements.drl:" + RuleSetValidationTests.lineOf(requirements, "40 * $t"));
            assertThat(w.message()).contains("数字 40", "parameters.drl.xlsx!政策参数!");
        });
        assertThat(loaded.warnings()).anySatisfy(w -> assertThat(w.message()).contains("H2-每周理论学习学时", "没有任何规则读取"));
    }
}
