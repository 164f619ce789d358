package cn.yanxiu.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import cn.yanxiu.rules.internal.SessionLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/** Code that passes the check can still ask the engine for too much; a run must end anyway, with a message. */
class RunsAlwaysEndTests {

    @TempDir
    Path dir;

    @Test
    void anEngineStepThatCannotBeHaltedStopsTheRunWithAMessage() throws IOException {
        FileSystemUtils.copyRecursively(Path.of("rules/2025-2026"), dir);
        // no loop in any code: the engine itself joins every activity with every other, six deep, inside one step
        Files.writeString(dir.resolve("join.drl"), """
                package cn.yanxiu.rules;

                import cn.yanxiu.rules.vocabulary.*;

                rule "组合爆炸"
                    @policy("G1")
                when
                    $t : Teacher()
                    accumulate( Activity( teacherId == $t.id ) and Activity( teacherId == $t.id ) and Activity( teacherId == $t.id )
                        and Activity( teacherId == $t.id ) and Activity( teacherId == $t.id ) and Activity( teacherId == $t.id ); $n : count() )
                then
                end
                """);
        // a teacher with twenty activity records, written out (the baseline teacher is derived by running the rules)
        Files.writeString(dir.resolve("tests/policies.yaml"), """
                defaults:
                  teacher: {roles: [教师], age: 40, teachingYears: 10, dutyWeeks: 19}
                  activities: {理论学习: {hours: 38}, 自学: {hours: 10}, 集中学习: {hours: 15}, 学习笔记: 10, 听课: 57, 多媒体课: 19, 教学设计: 8,
                               电子白板: 1, 微课: 1, 教学反思: 10, 研讨课: 1, 评优课: 1, 研修课题: 1, 示范课: 1, 师徒结对: 1, 教研活动: 10,
                               网络研修: {hours: 1}, 师德学习: {hours: 1}, 公开课: 1, 论文: 1}
                  scores: {平时检查: [85, 85], 教师自评: 85, 小组互评: 85, 校长导评: 85, 指导组审评: 85}
                cases:
                  - name: 各项达标
                    expect: {grade: 优秀}
                """);
        RuleSetLoader.Loaded loaded = RuleSetLoader.load(dir, new SessionLimits(20_000, 300));
        assertThat(loaded.problems()).isEmpty();
        RuleTestRunner.Report report = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> new RuleTestRunner(loaded.ruleSet()).run(dir.resolve("tests")));
        assertThat(report.failed()).isEqualTo(1);
        assertThat(String.join("\n", report.lines())).contains("无法中止", "评价运行已停止");
        // the stuck session was stopped where it was, not left running to eat the heap
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> java.util.Arrays.stream(t.getStackTrace())
                .anyMatch(f -> f.getClassName().contains("phreak")));
    }

    @Test
    void aTeacherWhoseRulesExhaustTheHeapFailsAloneAndTheRestGoOn() throws IOException {
        FileSystemUtils.copyRecursively(Path.of("rules/2025-2026"), dir);
        // allowed code that doubles a text until the heap is gone: the check cannot see how large it grows
        StringBuilder doubling = new StringBuilder("String s = $t.getName();\n");
        for (int i = 0; i < 40; i++) {
            doubling.append("        s = s + s;\n");
        }
        Files.writeString(dir.resolve("bomb.drl"), """
                package cn.yanxiu.rules;

                import cn.yanxiu.rules.vocabulary.*;

                rule "内存耗尽"
                    @policy("G1")
                when
                    $t : Teacher( age == 44 )
                then
                    %s
                    insert(Finding.info("G1", "内存耗尽", 0, s.length(), "", "不会到这里"));
                end
                """.formatted(doubling));
        RuleSetLoader.Loaded loaded = RuleSetLoader.load(dir);
        assertThat(loaded.problems()).isEmpty();
        RuleTestRunner.Report report = new RuleTestRunner(loaded.ruleSet()).run(dir.resolve("tests"));
        assertThat(String.join("\n", report.lines())).contains("内存不足");
        assertThat(report.passed()).as("the cases whose teacher is not 44 still pass").isPositive();
        loaded.ruleSet().dispose();
    }
}
