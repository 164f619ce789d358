package cn.yanxiu.importing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OccurrenceCounterTests {

    @Test
    void identicalRowsAreNumberedInTurnAndOthersStartAtOne() {
        OccurrenceCounter counter = new OccurrenceCounter();
        assertThat(counter.next("T1|2025-2026-1|听课|2025-09-10|0|3|")).isEqualTo(1);
        assertThat(counter.next("T1|2025-2026-1|听课|2025-09-10|0|3|")).isEqualTo(2);
        assertThat(counter.next("T2|2025-2026-1|听课|2025-09-10|0|3|")).isEqualTo(1);
        assertThat(counter.next("T1|2025-2026-1|听课|2025-09-10|0|3|")).isEqualTo(3);
    }

    @Test
    void aMillionDistinctRowsEachCountOnceAndAgainTwice() {
        OccurrenceCounter counter = new OccurrenceCounter();
        for (int i = 0; i < 1_000_000; i++) {
            assertThat(counter.next("T" + i + "|2025-2026-1|自学")).isEqualTo(1);
        }
        for (int i = 0; i < 1_000_000; i++) {
            assertThat(counter.next("T" + i + "|2025-2026-1|自学")).isEqualTo(2);
        }
        assertThat(counter.distinct()).isEqualTo(1_000_000);
    }
}
