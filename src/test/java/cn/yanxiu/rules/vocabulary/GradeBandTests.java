package cn.yanxiu.rules.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GradeBandTests {

    @Test
    void theTopBandIsPrintedWithItsTrueUpperBound() {
        assertThat(new GradeBand("优秀", 3, 90, 100, "G3").bounds()).isEqualTo("[90, 100]");
        assertThat(new GradeBand("合格", 2, 60, 90, "G3").bounds()).isEqualTo("[60, 90)");
        assertThat(new GradeBand("良好", 2, 82.5, 90, "G3").bounds()).isEqualTo("[82.5, 90)");
    }
}
