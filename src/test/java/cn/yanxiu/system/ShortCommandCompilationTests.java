package cn.yanxiu.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Only the short commands hold back the optimising compiler, and the JVM really takes the directive. */
class ShortCommandCompilationTests {

    @Test
    void onlyCommandsThatFinishInSecondsAndNotTheirHelp() {
        assertThat(ShortCommandCompilation.isShort(new String[] {"rules", "validate", "rules/2025-2026"})).isTrue();
        assertThat(ShortCommandCompilation.isShort(new String[] {"rules", "test", "rules/2025-2026"})).isTrue();
        assertThat(ShortCommandCompilation.isShort(new String[] {"explain", "--term", "2025-2026-1", "--teacher", "T0001"})).isTrue();
        assertThat(ShortCommandCompilation.isShort(new String[] {"audit", "verify"})).isTrue();
        assertThat(ShortCommandCompilation.isShort(new String[] {"evaluate", "--term", "2025-2026-1"})).isFalse();
        assertThat(ShortCommandCompilation.isShort(new String[] {"import", "data-samples"})).isFalse();
        assertThat(ShortCommandCompilation.isShort(new String[] {"serve"})).isFalse();
        assertThat(ShortCommandCompilation.isShort(new String[] {"worker"})).isFalse();
        assertThat(ShortCommandCompilation.isShort(new String[] {"rules", "validate", "--help"})).isFalse();
        assertThat(ShortCommandCompilation.isShort(new String[] {"--help"})).isFalse();
        assertThat(ShortCommandCompilation.isShort(new String[0])).isFalse();
        assertThat(ShortCommandCompilation.isShort(new String[] {"rules", "validate", "--", "--help"}))
                .as("a folder named --help after --").isTrue();
    }

    @Test
    void aShortCommandsDirectiveReachesTheCompiler() throws Exception {
        String before = ShortCommandCompilation.diagnosticCommand("compilerDirectivesPrint");
        assertThat(ShortCommandCompilation.applyTo(new String[] {"evaluate", "--term", "2025-2026-1"})).isFalse();
        assertThat(ShortCommandCompilation.diagnosticCommand("compilerDirectivesPrint")).isEqualTo(before);
        assertThat(ShortCommandCompilation.applyTo(new String[] {"audit", "verify"})).isTrue();
        try {
            String after = ShortCommandCompilation.diagnosticCommand("compilerDirectivesPrint");
            assertThat(after).isNotEqualTo(before).contains("*.*");
        } finally {
            // the rest of this test JVM keeps both compilers
            ShortCommandCompilation.diagnosticCommand("compilerDirectivesRemove");
        }
        assertThat(ShortCommandCompilation.diagnosticCommand("compilerDirectivesPrint")).isEqualTo(before);
        ShortCommandCompilation.applyTo(new String[0]);
    }

    @Test
    void aSmallBatchTakesTheQuickCompilerOnlyInACommandThatRunsOneBatch() throws Exception {
        String before = ShortCommandCompilation.diagnosticCommand("compilerDirectivesPrint");
        for (String[] longLived : new String[][] {{"serve"}, {"worker"}, {"import", "data-samples"}, {}}) {
            ShortCommandCompilation.applyTo(longLived);
            assertThat(ShortCommandCompilation.oneBatchProcess()).as(String.join(" ", longLived)).isFalse();
            assertThat(ShortCommandCompilation.quickCompilerForSmallBatch()).as(String.join(" ", longLived)).isFalse();
            assertThat(ShortCommandCompilation.diagnosticCommand("compilerDirectivesPrint")).isEqualTo(before);
        }
        for (String[] oneBatch : new String[][] {{"evaluate", "--term", "2025-2026-1"}, {"benchmark", "--teachers", "10000"}}) {
            assertThat(ShortCommandCompilation.applyTo(oneBatch)).as("nothing at start: the batch's size is not known yet").isFalse();
            assertThat(ShortCommandCompilation.oneBatchProcess()).isTrue();
            assertThat(ShortCommandCompilation.diagnosticCommand("compilerDirectivesPrint")).isEqualTo(before);
            try {
                assertThat(ShortCommandCompilation.quickCompilerForSmallBatch()).isTrue();
                assertThat(ShortCommandCompilation.diagnosticCommand("compilerDirectivesPrint")).isNotEqualTo(before).contains("*.*");
            } finally {
                ShortCommandCompilation.diagnosticCommand("compilerDirectivesRemove");
                ShortCommandCompilation.applyTo(new String[0]);
            }
        }
        assertThat(ShortCommandCompilation.diagnosticCommand("compilerDirectivesPrint")).isEqualTo(before);
    }
}
