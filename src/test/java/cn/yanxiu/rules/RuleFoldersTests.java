package cn.yanxiu.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yanxiu.support.Databases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The rule folders kept in the database: what one instance saves every other instance reads, an edit made on
 * a folder someone else changed meanwhile is refused, and folders go to and from disk for git and the
 * command line with nothing half-stored.
 */
class RuleFoldersTests {

    private static final String YEAR = "2025-2026";

    @TempDir
    Path root;
    @TempDir
    Path cacheA;
    @TempDir
    Path cacheB;
    @TempDir
    Path work;

    private JdbcTemplate jdbc;
    private RuleSetWorkspace instanceA;
    private RuleSetWorkspace instanceB;

    @BeforeEach
    void twoInstancesOnOneDatabase() throws IOException {
        FileSystemUtils.copyRecursively(Path.of("rules", YEAR), root.resolve(YEAR));
        jdbc = Databases.freshH2("rule-folders");
        instanceA = StoredFolders.workspace(jdbc, root, cacheA);
        instanceB = StoredFolders.workspace(jdbc, root, cacheB);
    }

    private int revisions() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM rule_file_revision", Integer.class);
    }

    private byte[] stored(String file) {
        return jdbc.queryForObject("SELECT content FROM rule_file WHERE rules_folder = ? AND file_name = ?", byte[].class, YEAR, file);
    }

    @Test
    void anEmptyDatabaseTakesTheShippedFoldersAndReadsThemBackUnchanged() throws IOException {
        assertThat(instanceA.folders()).containsExactly(YEAR);
        Path checkedOut = instanceA.folder(YEAR);
        assertThat(checkedOut.getFileName().toString()).isEqualTo(YEAR);
        assertThat(RuleSetLoader.hashOf(checkedOut)).isEqualTo(RuleSetLoader.hashOf(Path.of("rules", YEAR)));
        assertThat(Files.readAllBytes(checkedOut.resolve("tests/policies.yaml"))).isEqualTo(Files.readAllBytes(Path.of("rules", YEAR, "tests/policies.yaml")));
        assertThat(instanceA.files(YEAR)).extracting(RuleSetWorkspace.FileInfo::name).contains("manifest.yaml", "grading.drl", "bands.drl.xlsx")
                .doesNotContain("tests/policies.yaml");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action LIKE '首次启动%'", Integer.class)).isEqualTo(1);
        // a second instance seeds nothing more
        assertThat(instanceB.folders()).containsExactly(YEAR);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action LIKE '首次启动%'", Integer.class)).isEqualTo(1);
    }

    @Test
    void anEditSavedOnOneInstanceIsWhatTheOtherReadsAndRuns() {
        String before = instanceB.text(YEAR, "duties.drl");
        String hashBefore = instanceB.check(YEAR).hash();
        String edited = before + "\n// 复核：无改动\n";

        RuleSetWorkspace.Check saved = instanceA.saveText(YEAR, "duties.drl", edited, "admin");

        assertThat(instanceB.text(YEAR, "duties.drl")).isEqualTo(edited);
        assertThat(RuleSetLoader.hashOf(instanceB.folder(YEAR))).isEqualTo(saved.hash()).isNotEqualTo(hashBefore);
        assertThat(instanceB.check(YEAR).hash()).isEqualTo(saved.hash());
        assertThat(root.resolve(YEAR).resolve("duties.drl")).content(StandardCharsets.UTF_8).isEqualTo(before);

        instanceB.undo(YEAR, "duties.drl", "admin2");
        assertThat(instanceA.text(YEAR, "duties.drl")).isEqualTo(before);
        assertThat(RuleSetLoader.hashOf(instanceA.folder(YEAR))).isEqualTo(hashBefore);
    }

    @Test
    void anEditOnAFolderChangedMeanwhileIsRefusedAndNothingIsStored() {
        RuleFolders a = StoredFolders.store(jdbc, root, cacheA);
        RuleFolders.Checkout readByA = a.checkout(YEAR);
        RuleFolders.Checkout readByB = StoredFolders.store(jdbc, root, cacheB).checkout(YEAR);
        assertThat(readByB.version()).isEqualTo(readByA.version());

        a.replace(YEAR, "duties.drl", readByA.version(), "// A\n".getBytes(StandardCharsets.UTF_8), "a");
        int revisions = revisions();
        assertThatThrownBy(() -> StoredFolders.store(jdbc, root, cacheB).replace(YEAR, "grading.drl", readByB.version(),
                "// B\n".getBytes(StandardCharsets.UTF_8), "b"))
                .isInstanceOf(RuleFolders.FolderRefused.class).hasMessageContaining("已被他人修改");
        assertThat(new String(stored("grading.drl"), StandardCharsets.UTF_8)).doesNotContain("// B");
        assertThat(revisions()).isEqualTo(revisions);
        assertThat(a.checkout(YEAR).version()).isNotEqualTo(readByA.version());
    }

    @Test
    void importTakesAValidFolderAsOneChangeAndExportWritesItBack() throws IOException {
        Path edited = work.resolve(YEAR);
        FileSystemUtils.copyRecursively(Path.of("rules", YEAR), edited);
        Files.writeString(edited.resolve("duties.drl"), Files.readString(edited.resolve("duties.drl")) + "\n// 导入的改动\n");
        Files.writeString(edited.resolve("extra.drl"), "package cn.yanxiu.rules;\n");
        instanceA.folders();

        RuleSetWorkspace.Imported imported = instanceA.importFolder(YEAR, edited, "命令行:test");
        assertThat(imported.changed()).containsExactly("duties.drl", "extra.drl");
        assertThat(imported.check().hash()).isEqualTo(RuleSetLoader.hashOf(edited));
        assertThat(instanceB.check(YEAR).hash()).isEqualTo(imported.check().hash());
        // the same folder again changes nothing
        assertThat(instanceB.importFolder(YEAR, edited, "命令行:test").changed()).isEmpty();

        // export over a stale copy: files the store lacks go, the stored ones are written byte for byte
        Path out = work.resolve("export");
        FileSystemUtils.copyRecursively(Path.of("rules", YEAR), out.resolve(YEAR));
        Files.writeString(out.resolve(YEAR).resolve("stale.drl"), "// old\n");
        Files.writeString(out.resolve(YEAR).resolve(".gitkeep"), "");
        assertThat(instanceB.exportFolder(YEAR, out)).isEqualTo(RuleFolders.read(edited).size());
        assertThat(out.resolve(YEAR).resolve("stale.drl")).doesNotExist();
        assertThat(out.resolve(YEAR).resolve(".gitkeep")).exists();
        assertThat(RuleSetLoader.hashOf(out.resolve(YEAR))).isEqualTo(imported.check().hash());
        assertThat(out.resolve(YEAR).resolve("tests/policies.yaml")).hasSameBinaryContentAs(edited.resolve("tests/policies.yaml"));

        // every imported change can be undone from the pages
        instanceA.undo(YEAR, "duties.drl", "admin");
        assertThat(instanceA.text(YEAR, "duties.drl")).isEqualTo(Files.readString(Path.of("rules", YEAR, "duties.drl")));
    }

    @Test
    void aFolderThatDoesNotValidateIsNotImportedAndNothingChanges() throws IOException {
        Path broken = work.resolve(YEAR);
        FileSystemUtils.copyRecursively(Path.of("rules", YEAR), broken);
        Files.writeString(broken.resolve("grading.drl"), Files.readString(broken.resolve("grading.drl")).replaceFirst("then", "thn"));
        Files.writeString(broken.resolve("hostile.drl"), """
                package cn.yanxiu.rules;
                rule "退出"
                when
                then
                    System.exit(0);
                end
                """);
        String versionBefore = StoredFolders.store(jdbc, root, cacheA).checkout(YEAR).version();
        int revisions = revisions();

        assertThatThrownBy(() -> instanceA.importFolder(YEAR, broken, "命令行:test"))
                .isInstanceOf(RuleSetWorkspace.RuleEditRefused.class).hasMessageContaining("未导入")
                .satisfies(e -> assertThat(((RuleSetWorkspace.RuleEditRefused) e).problems()).anySatisfy(p -> assertThat(p.location()).startsWith("hostile.drl:5")));

        assertThat(StoredFolders.store(jdbc, root, cacheB).checkout(YEAR).version()).isEqualTo(versionBefore);
        assertThat(revisions()).isEqualTo(revisions);
    }

    @Test
    void whatAFolderMayBringInIsBounded() throws IOException {
        Path dir = work.resolve(YEAR);
        FileSystemUtils.copyRecursively(Path.of("rules", YEAR), dir);
        Files.write(dir.resolve("huge.drl"), new byte[RuleFolders.MAX_FILE_BYTES + 1]);
        assertThatThrownBy(() -> RuleFolders.read(dir)).hasMessageContaining("huge.drl").hasMessageContaining("超过上限");
        Files.delete(dir.resolve("huge.drl"));

        Files.createSymbolicLink(dir.resolve("passwd.drl"), Path.of("/etc/passwd"));
        assertThatThrownBy(() -> RuleFolders.read(dir)).hasMessageContaining("符号链接");
        Files.delete(dir.resolve("passwd.drl"));

        Files.writeString(dir.resolve("名字 有空格.drl"), "");
        assertThatThrownBy(() -> RuleFolders.read(dir)).hasMessageContaining("不能有文件");
        Files.delete(dir.resolve("名字 有空格.drl"));

        assertThatThrownBy(() -> RuleFolders.read(work)).hasMessageContaining("不是规则集文件夹");
        assertThatThrownBy(() -> instanceA.importFolder("../etc", dir, "x")).hasMessageContaining("学年");
        assertThatThrownBy(() -> StoredFolders.store(jdbc, root, cacheA).replace(YEAR, "../../pom.xml", "v", new byte[1], "x"))
                .hasMessageContaining("不能有文件");
        assertThat(instanceA.folders()).containsExactly(YEAR);
    }
}
