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
        RuleSetLoader.Loaded loaded = RuleSetLoader.load(dir, new SessionLimits(20_000, 300));
        assertThat(loaded.problems()).isEmpty();
        RuleTestRunner.Report report = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> new RuleTestRunner(loaded.ruleSet()).run(dir.resolve("tests")));
        assertThat(report.failed()).isEqualTo(1);
        assertThat(String.join("\n", report.lines())).contains("无法中止", "评价运行已停止");
        // the stuck thread is stopped, not left to eat the heap
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("yanxiu-rules-") && t.isAlive() && java.util.Arrays.stream(t.getStackTrace())
                        .anyMatch(f -> f.getClassName().contains("phreak"))));
    }
}
