package cn.yanxiu.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yanxiu.rules.RuleSet;
import cn.yanxiu.rules.RuleSetLoader;
import cn.yanxiu.rules.SampleRuleSets;
import cn.yanxiu.rules.TeacherCase;
import cn.yanxiu.rules.TeacherEvaluation;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** "What would raise the grade" names the smallest addition that works, found by asking the rules again. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GradeRaiserTests {

    private RuleSet rules;

    @BeforeAll
    void load() {
        rules = RuleSetLoader.load(SampleRuleSets.SAMPLE).ruleSet();
    }

    @AfterAll
    void dispose() {
        rules.dispose();
    }

    @Test
    void halfAnHourShortIsToldHalfAnHourNotAWholeOne() {
        // everything met except the term's hours: 38 theory + 1.5 self-study = 39.5 of 40
        TeacherCase c = SampleRuleSets.teacher(rules, Set.of("教师"), Map.of("理论学习", 38.0, "自学", 1.5, "集中学习", 20.0),
                Map.ofEntries(Map.entry("听课", 57), Map.entry("学习笔记", 9), Map.entry("教学反思", 9), Map.entry("多媒体课", 19),
                        Map.entry("教学设计", 8), Map.entry("研讨课", 1), Map.entry("评优课", 1), Map.entry("研修课题", 1), Map.entry("电子白板", 1),
                        Map.entry("微课", 1), Map.entry("示范课", 1), Map.entry("师徒结对", 1), Map.entry("教研活动", 10)), 85);
        TeacherEvaluation now = rules.evaluate(c);
        assertThat(now.grade()).isEqualTo("不合格");
        GradeRaiser.Suggestion s = GradeRaiser.raise(rules, c, now);
        assertThat(s.reached()).isTrue();
        assertThat(s.additions()).hasSize(1).containsValue(0.5);
        assertThat(s.describe()).startsWith("再增加 ").contains(" 0.5 学时").contains("可评为 ");
    }
}
