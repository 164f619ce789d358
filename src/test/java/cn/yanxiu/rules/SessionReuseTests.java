package cn.yanxiu.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Sessions are reused from a pool: nothing of one teacher (facts, conclusions, trace) may reach the next, on
 * one thread or several, and a session stopped by a rule error is not reused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionReuseTests {

    private RuleSet pooled;
    private RuleSet fresh;

    @BeforeAll
    void load() {
        pooled = RuleSetLoader.load(SampleRuleSets.SAMPLE).ruleSet();
        fresh = RuleSetLoader.load(SampleRuleSets.SAMPLE).ruleSet();
    }

    @AfterAll
    void dispose() {
        pooled.dispose();
        fresh.dispose();
    }

    @Test
    void aReusedSessionGivesEachTeacherExactlyWhatAFreshOneGives() throws Exception {
        TeacherCase strong = SampleRuleSets.director(pooled);
        TeacherCase weak = SampleRuleSets.teacher(pooled, Set.of("教师"), Map.of("自学", 3.0), Map.of("听课", 2), 55);
        TeacherEvaluation strongAlone = fresh.evaluate(strong);
        TeacherEvaluation weakAlone = fresh.evaluate(weak);
        assertThat(strongAlone.finalScore()).isNotEqualTo(weakAlone.finalScore());
        assertThat(strongAlone.findings()).isNotEqualTo(weakAlone.findings());
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> checks = new java.util.ArrayList<>();
            for (int i = 0; i < 60; i++) {
                TeacherCase c = i % 2 == 0 ? strong : weak;
                TeacherEvaluation expected = i % 2 == 0 ? strongAlone : weakAlone;
                checks.add(threads.submit(() -> same(pooled.evaluate(c), expected)));
            }
            for (java.util.concurrent.Future<Boolean> check : checks) {
                assertThat(check.get()).isTrue();
            }
        } finally {
            threads.shutdown();
        }
    }

    private static boolean same(TeacherEvaluation a, TeacherEvaluation b) {
        assertThat(a.grade()).isEqualTo(b.grade());
        assertThat(a.finalScore()).isEqualTo(b.finalScore());
        assertThat(a.findings()).hasSameSizeAs(b.findings());
        assertThat(a.trace()).hasSameSizeAs(b.trace());
        assertThat(a.trace().stream().map(TeacherEvaluation.FiredRule::rule).toList())
                .isEqualTo(b.trace().stream().map(TeacherEvaluation.FiredRule::rule).toList());
        assertThat(a.decidingRules()).isEqualTo(b.decidingRules());
        return true;
    }
}
