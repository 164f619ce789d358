package cn.yanxiu.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rules new-year}: a copy rolled forward a year that validates and passes its tests before any edit. */
class NewRuleYearTests {

    @TempDir
    Path root;

    @Test
    void theNewYearIsACopyRolledForwardThatValidatesAndPassesItsTests() throws IOException {
        Path last = SampleRuleSets.copy(root.resolve("2025-2026"));
        NewRuleYear.Opened opened = NewRuleYear.open(last, root.resolve("2026-2027"), "2026-2027");

        String manifest = Files.readString(opened.folder().resolve("manifest.yaml"));
        assertThat(manifest).contains("academicYear: 2026-2027", "id: 2026-2027-1", "name: 2026-2027学年第一学期", "id: 2026-2027-2",
                "start: 2026-08-31", "end: 2027-01-10").doesNotContain("2025-2026");
        assertThat(opened.dates()).contains("2025-09-01 → 2026-08-31");
        assertThat(Files.readString(last.resolve("manifest.yaml"))).as("last year's folder is untouched").contains("academicYear: 2025-2026");
        assertThat(Files.mismatch(last.resolve("parameters.drl.xlsx"), opened.folder().resolve("parameters.drl.xlsx"))).isEqualTo(-1);

        RuleSetLoader.Loaded loaded = RuleSetLoader.load(opened.folder());
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.ruleSet().manifest().terms().get(0).start().getDayOfWeek())
                .isEqualTo(java.time.LocalDate.parse("2025-09-01").getDayOfWeek());
        RuleTestRunner.Report report = new RuleTestRunner(loaded.ruleSet()).run(opened.folder().resolve("tests"));
        assertThat(report.failed()).as(String.join("\n", report.lines())).isZero();
        assertThat(report.passed()).isPositive();
        assertThat(opened.review()).anySatisfy(r -> assertThat(r).startsWith("parameters.drl.xlsx"));
        loaded.ruleSet().dispose();
    }

    @Test
    void anExistingFolderAWrongYearOrANonRuleSetIsRefusedAndNothingIsWritten() throws IOException {
        Path last = SampleRuleSets.copy(root.resolve("2025-2026"));
        Files.createDirectories(root.resolve("2026-2027"));
        assertThatThrownBy(() -> NewRuleYear.open(last, root.resolve("2026-2027"), "2026-2027")).hasMessageContaining("已存在");
        assertThat(root.resolve("2026-2027")).isEmptyDirectory();
        assertThatThrownBy(() -> NewRuleYear.open(last, root.resolve("2027-2028"), "2027-2028")).hasMessageContaining("应为 2026-2027");
        assertThatThrownBy(() -> NewRuleYear.open(root.resolve("nothing"), root.resolve("x"), "2026-2027")).hasMessageContaining("manifest.yaml");
        assertThatThrownBy(() -> NewRuleYear.next("2025")).hasMessageContaining("2025-2026");
        assertThat(root.resolve("2027-2028")).doesNotExist();
    }
}
