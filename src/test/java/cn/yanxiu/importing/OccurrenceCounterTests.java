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

    @Test
    void aTableLargerThanTheHeapsShareMovesToAMappedFileAndKeepsEveryCount() {
        OccurrenceCounter counter = new OccurrenceCounter(1 << 10);
        for (int i = 0; i < 300_000; i++) {
            assertThat(counter.next("T" + i + "|2025-2026-1|听课")).isEqualTo(1);
            if (i % 3 == 0) {
                assertThat(counter.next("T" + i + "|2025-2026-1|听课")).isEqualTo(2);
            }
        }
        assertThat(counter.onHeap()).isFalse();
        for (int i = 0; i < 300_000; i++) {
            assertThat(counter.next("T" + i + "|2025-2026-1|听课")).isEqualTo(i % 3 == 0 ? 3 : 2);
        }
        assertThat(counter.distinct()).isEqualTo(300_000);
    }

    @Test
    void aSmallFileStaysOnTheHeap() {
        OccurrenceCounter counter = new OccurrenceCounter();
        for (int i = 0; i < 10_000; i++) {
            counter.next("T" + i);
        }
        assertThat(counter.onHeap()).isTrue();
    }

    @Test
    void countsGoOnPastWhatASlotHolds() {
        OccurrenceCounter counter = new OccurrenceCounter();
        for (int i = 1; i <= 10_000; i++) {
            assertThat(counter.next("T1|2025-2026-1|自学|2025-09-10|1|1|")).isEqualTo(i);
            assertThat(counter.next("T2|" + i)).isEqualTo(1);
        }
        assertThat(counter.distinct()).isEqualTo(10_001);
    }
}
