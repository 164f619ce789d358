package cn.yanxiu.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yanxiu.rules.vocabulary.Finding;
import cn.yanxiu.rules.vocabulary.ScoreLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening next year is a file edit, one cell or one line at a time: weights to 70/30, the term's hour minimum
 * from 40 to 50, the 教导主任 quota from 6 to 4, and a fourth level 良好 between 优秀 and 合格. The copy validates
 * with no warning, the sample year's own tests fail only where they test a changed number, the 良好 teacher gets
 * a certificate, and every number the rules print is the edited one.
 */
class NextYearRuleSetTests {

    @TempDir
    Path dir;

    /** The sample cases that test exactly the numbers this scenario changes; every other case must still pass. */
    private static final Set<String> ABOUT_THE_CHANGED_NUMBERS = Set.of(
            "各项达标、高分为优秀",                      // final score under 60/40
            "个人研修恰好40学时为达标",                   // the hour minimum
            "最终得分恰为90分（分数段下限含）为优秀",          // weights
            "最终得分89.6分为合格",                       // weights, and 89.6 is now 良好
            "最终得分恰为60分为合格",                       // weights
            "最终得分低于60分为不合格",                     // weights
            "教导主任兼教师按最严格的每周6节听课",             // the quota
            "请假半个学期按在岗10周折算",                   // the hour minimum, pro-rated by hand
            "50岁以上教师不交教学设计，量化考核的教学设计项不扣分（与 Q2 一致）",  // final score under 60/40
            "49岁教师少交一篇教学设计，量化考核扣分且不得评优秀");     // final score under 60/40

    private static final String GOOD_TEACHER = """
            defaults:
              baseline: 恰好达标
              teacher: {roles: [教师], age: 40, teachingYears: 10, dutyWeeks: 19}
              activities: {教研活动: 10}
              scores: {平时检查: [75, 75], 教师自评: 75, 小组互评: 75, 校长导评: 75, 指导组审评: 75}
            cases:
              - name: 恰好达标、得分在良好段的教师评为良好并发证
                expect: {grade: 良好, finalScore: 87.25, certificate: true, credits: 5.7, findings: {H1: 达标, Q1: 达标}}
              - name: 个人研修比新的下限少半学时为不合格
                activities: {自学: {hours: 11.5}}
                expect: {grade: 不合格, certificate: false, credits: 0, findings: {H1: 未达标}}
              - name: 教导主任每周听课4节即达标
                teacher: {roles: [教导主任]}
                activities: {听课: 76}
                expect: {grade: 良好, findings: {Q1: 达标}}
            """;

    @Test
    void nextYearIsSingleCellEditsAndOnlyTheCasesAboutTheChangedNumbersFail() throws IOException {
        Path next = openNextYear(dir.resolve("2026-2027"));

        RuleSetLoader.Loaded loaded = RuleSetLoader.load(next);
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.warnings()).as("one number, one place: nothing left behind by the edit").isEmpty();

        RuleTestRunner.Report sample = new RuleTestRunner(loaded.ruleSet()).run(next.resolve("tests"));
        Set<String> failed = failedCases(sample);
        assertThat(failed).as(String.join("\n", sample.lines())).isSubsetOf(ABOUT_THE_CHANGED_NUMBERS);
        assertThat(failed).as("the cases about the weights and the hour minimum notice the change")
                .contains("个人研修恰好40学时为达标", "最终得分恰为90分（分数段下限含）为优秀");

        Files.writeString(next.resolve("tests/policies.yaml"), GOOD_TEACHER);
        RuleTestRunner.Report own = new RuleTestRunner(loaded.ruleSet()).run(next.resolve("tests"));
        assertThat(own.failed()).as(String.join("\n", own.lines())).isZero();
        assertThat(own.passed()).isEqualTo(3);
        loaded.ruleSet().dispose();
    }

    @Test
    void everyNumberTheRulesPrintIsTheEditedOne() throws IOException {
        Path next = openNextYear(dir.resolve("2026-2027"));
        RuleSetLoader.Loaded loaded = RuleSetLoader.load(next);
        TeacherEvaluation e = loaded.ruleSet().evaluate(SampleRuleSets.director(loaded.ruleSet()));

        Finding h1 = e.findings().stream().filter(f -> f.getRule().equals("H1-个人研修学时")).findFirst().orElseThrow();
        assertThat(h1.getMessage()).contains("每学期 50 学时").doesNotContain("40");
        Finding q1 = e.findings().stream().filter(f -> f.getRule().equals("Q1-听课节数")).findFirst().orElseThrow();
        assertThat(q1.getMessage()).contains("每周 4 节").doesNotContain("每周 6 节");
        assertThat(e.scoreLines().stream().filter(l -> l.getSection().equals("最终得分")).map(ScoreLine::getWeight).toList())
                .containsExactlyInAnyOrder(70.0, 30.0);
        assertThat(e.grade()).isIn(loaded.ruleSet().manifest().grades());
        String everything = e.findings().stream().map(Finding::getMessage).collect(Collectors.joining("\n"))
                + e.eligibilities().stream().map(x -> x.getReason()).collect(Collectors.joining("\n"));
        assertThat(everything).doesNotContain("40 学时", "60%", "每周 6 节");
        loaded.ruleSet().dispose();
    }

    /** The four edits of the scenario, each one cell or one line of a copy of the sample year. */
    static Path openNextYear(Path target) throws IOException {
        Path next = SampleRuleSets.copy(target);
        TableCells.set(next.resolve("weights.drl.xlsx"), "G1-权重-平时研修检查", "百分比", 70);
        TableCells.set(next.resolve("weights.drl.xlsx"), "G1-权重-年末研修评价", "百分比", 30);
        TableCells.set(next.resolve("parameters.drl.xlsx"), "参数-H1-每学期个人研修学时", "数值", 50);
        TableCells.set(next.resolve("quotas.drl.xlsx"), "Q1-观课指标-教导主任", "每周听课节数（不少于）", 4);
        // 良好: one new row; 优秀 moves up a level and 合格 now ends at 80 (one cell each); one line in the manifest
        TableCells.set(next.resolve("bands.drl.xlsx"), "G3-等级-优秀", "级别（越大越好）", 4);
        TableCells.set(next.resolve("bands.drl.xlsx"), "G3-等级-合格", "最高分（不含）", 80);
        TableCells.insertAfter(next.resolve("bands.drl.xlsx"), "G3-等级-优秀",
                List.of("G3-等级-良好", "良好", 3, 80, 90, "是", "是", "是", "是", "是", "是", "G3", "学校选择"));
        RuleSetValidationTests.replaceInFile(next.resolve("manifest.yaml"), "  - 优秀\n", "  - 优秀\n  - 良好\n");
        return next;
    }

    private static Set<String> failedCases(RuleTestRunner.Report report) {
        return report.lines().stream().filter(l -> l.startsWith("✘ "))
                .map(l -> l.substring(l.indexOf("› ") + 2)).collect(Collectors.toSet());
    }
}
