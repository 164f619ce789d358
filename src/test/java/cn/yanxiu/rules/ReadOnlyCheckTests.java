package cn.yanxiu.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/** An auditor's check reads a rule set without running any of it; an administrator's check runs the policy checks and tests. */
class ReadOnlyCheckTests {

    @TempDir
    Path root;

    @TempDir
    Path cache;

    private RuleSetWorkspace workspace() {
        return StoredFolders.workspace(cn.yanxiu.support.Databases.freshH2("read-only-check"), root, cache);
    }

    /** A copy of the sample year under {@code root/2026-2027} with one more rule, on the term alone, doing {@code consequence}. */
    private void sampleWithProbe(String consequence) throws IOException {
        Path folder = root.resolve("2026-2027");
        FileSystemUtils.copyRecursively(Path.of("rules/2025-2026"), folder);
        Files.writeString(folder.resolve("probe.drl"), """
                package cn.yanxiu.rules;

                import cn.yanxiu.rules.vocabulary.*;

                rule "探针"
                    @policy("G1")
                when
                    Term()
                then
                    %s
                end
                """.formatted(consequence));
    }

    @Test
    void readersCheckNeverRunsRuleCodeAndShowsTheAdministratorsFullCheckOfTheSameContent() throws IOException {
        // allowed code, but it shows whether it ran: a rule on the term alone throws
        sampleWithProbe("throw new RuntimeException(\"探针规则运行了\");");
        RuleSetWorkspace workspace = workspace();

        RuleSetWorkspace.Check read = workspace.inspect("2026-2027");
        assertThat(read.problems()).isEmpty();
        assertThat(read.testLines()).singleElement().asString().contains("只读检查");
        assertThat(read.activatable()).isFalse();

        RuleSetWorkspace.Check full = workspace.check("2026-2027");
        assertThat(full.valid()).isFalse();
        assertThat(full.problems()).anySatisfy(p -> assertThat(p.message()).contains("探针规则运行了"));

        assertThat(workspace.inspect("2026-2027")).isEqualTo(full);
    }

    @Test
    void readersCheckStillRefusesForbiddenCode() throws IOException {
        sampleWithProbe("\\u0053ystem.exit(3);");
        RuleSetWorkspace.Check read = workspace().inspect("2026-2027");
        assertThat(read.valid()).isFalse();
        assertThat(read.problems()).anySatisfy(p -> assertThat(p.location()).startsWith("probe.drl:"));
    }
}
