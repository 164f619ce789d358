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

    @Test
    void everyConclusionARuleCanMatchIsDescribed() {
        assertThat(FactDescriptions.describe(new cn.yanxiu.rules.vocabulary.ScoreLine("量化考核", "听课", 57, 57.0, 20, 20, "G1", "量化考核-项目得分")))
                .isEqualTo("得分 量化考核/听课 57 → 20");
        assertThat(FactDescriptions.describe(new cn.yanxiu.rules.vocabulary.Eligibility("证书", true, "G6", "G6-证书", "考评合格")))
                .isEqualTo("资格 证书 可（G6）");
        assertThat(FactDescriptions.describe(new cn.yanxiu.rules.vocabulary.CreditProposal(88, 8.8, "H5", "H5-学时学分换算"))).isEqualTo("认定学时 88，学分 8.8");
        assertThat(FactDescriptions.describe(new cn.yanxiu.rules.vocabulary.EarlierHours("T1", "2024-2025", 80, 12.5))).isEqualTo("往期学时 2024-2025 80（集中培训 12.5）");
    }
}
