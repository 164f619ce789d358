package cn.yanxiu.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yanxiu.rules.vocabulary.Score;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an auditor reads beside each fired rule: the facts it matched, described, never a Java type's name. */
class TraceEvidenceTests {

    @Test
    void anAverageOverTheTeachersScoresShowsTheAverageAndTheCount() {
        RuleSet rules = RuleSetLoader.load(SampleRuleSets.SAMPLE).ruleSet();
        try {
            TeacherCase director = SampleRuleSets.director(rules);
            List<Double> checks = director.scores().stream().filter(s -> s.getKind().equals("平时检查")).map(Score::getValue).toList();
            assertThat(checks).isNotEmpty();
            TeacherEvaluation evaluation = rules.evaluate(director);

            TeacherEvaluation.FiredRule average = evaluation.trace().stream().filter(r -> r.rule().equals("平时检查评分-平均")).findFirst().orElseThrow();
            double mean = checks.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            assertThat(average.facts()).contains("合计 " + mean + "、" + checks.size());
            assertThat(evaluation.trace()).flatExtracting(TeacherEvaluation.FiredRule::facts)
                    .as("every matched fact described").noneMatch(fact -> fact.matches("[A-Za-z$.]+(\\[])*"));
        } finally {
            rules.dispose();
        }
    }
}
