package cn.yanxiu.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yanxiu.rules.vocabulary.GradeBand;
import org.junit.jupiter.api.Test;

class FactDescriptionsTests {

    @Test
    void theTopBandIsPrintedWithItsTrueUpperBound() {
        assertThat(FactDescriptions.describe(new GradeBand("优秀", 3, 90, 100, "G3"))).isEqualTo("分数段 优秀 [90, 100]");
        assertThat(FactDescriptions.describe(new GradeBand("合格", 2, 60, 90, "G3"))).isEqualTo("分数段 合格 [60, 90)");
        assertThat(FactDescriptions.describe(new GradeBand("良好", 2, 82.5, 90, "G3"))).isEqualTo("分数段 良好 [82.5, 90)");
    }
}
