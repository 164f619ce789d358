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

    @Test
    void anAccumulateOfSeveralFunctionsShowsEachResultNotAJavaType() {
        assertThat(FactDescriptions.describe(new Object[] {42.5, 2L})).isEqualTo("合计 42.5、2");
        assertThat(FactDescriptions.describe(new Object[] {40.0, 38.0, 70.0, 3L})).isEqualTo("合计 40.0、38.0、70.0、3");
        assertThat(FactDescriptions.describe(new Object[] {java.util.List.of(1, 2), null})).isEqualTo("合计 集合 2 项、（无）");
        assertThat(FactDescriptions.describe(java.util.Set.of("a"))).isEqualTo("集合 1 项");
    }
}
