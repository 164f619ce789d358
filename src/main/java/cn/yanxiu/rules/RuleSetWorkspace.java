package cn.yanxiu.rules;

import cn.yanxiu.system.ScratchSpace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.util.FileSystemUtils;

/**
 * The rule-set folders as an administrator works on them from the browser: read a file, save an edit or a
 * new decision table only if the whole folder still validates (the old content is kept for undo), run the
 * folder's tests, and activate a folder for a term by its content hash. The folders live in the database
 * ({@link RuleFolders}), so every instance sees the same edit.
 */
@Service
public class RuleSetWorkspace {

    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9_\\-\\u4e00-\\u9fa5]{1,80}\\.(drl|drl\\.xlsx)");
    /** A DRL file is text an administrator edits; anything near this size is a mistake or an attack. */
    public static final int MAX_FILE_BYTES = RuleFolders.MAX_FILE_BYTES;

    private final RuleFolders store;
    /** Absent in a command that keeps no such records and so starts no JPA ({@link cn.yanxiu.system.OneShotCommandAutoConfiguration}). */
    private final ObjectProvider<RuleFileRevisions> revisions;
    private final JdbcTemplate jdbc;
    /** Full checks (which ran rule code) by content hash, so a reader sees them without running anything. */
    private final Map<String, Check> fullChecks = new ConcurrentHashMap<>();

    private final cn.yanxiu.audit.AuditLog audit;

    RuleSetWorkspace(RuleFolders store, ObjectProvider<RuleFileRevisions> revisions, JdbcTemplate jdbc, cn.yanxiu.audit.AuditLog audit) {
        this.audit = audit;
        this.store = store;
        this.revisions = revisions;
        this.jdbc = jdbc;
    }

    /** Refused: no file was changed. */
    public static class RuleEditRefused extends RuntimeException {
        private final List<RuleProblem> problems;

        public RuleEditRefused(String message, List<RuleProblem> problems) {
            super(message);
            this.problems = problems;
        }

        public List<RuleProblem> problems() {
            return problems;
        }
    }

    public record FileInfo(String name, long bytes, boolean decisionTable) {
    }

    /** What validating and testing a folder found. */
    public record Check(String folder, boolean valid, List<RuleProblem> problems, int ruleCount, String hash, String academicYear,
                        List<String> policies, List<String> testLines, int passed, int failed, List<RuleProblem> warnings) {
        public Check(String folder, boolean valid, List<RuleProblem> problems, int ruleCount, String hash, String academicYear,
                     List<String> policies, List<String> testLines, int passed, int failed) {
            this(folder, valid, problems, ruleCount, hash, academicYear, policies, testLines, passed, failed, List.of());
        }

        public boolean activatable() {
            return valid && failed == 0 && passed > 0;
        }
    }

    public record Activation(String termId, String folder, String hash, String activatedBy, Instant activatedAt) {
    }

    public List<String> folders() {
        return store.names();
    }

    /** The folder as stored now, as a local directory the engine can read. */
    public Path folder(String name) {
        return checkout(name).dir();
    }

    /** Reading a file needs the folder to exist, not a local copy of it. */
    private void requireStored(String name) {
        if (name == null || !RuleFolders.FOLDER.matcher(name).matches() || !store.exists(name)) {
            throw new RuleEditRefused("没有规则集文件夹 " + name, List.of());
        }
    }

    private RuleFolders.Checkout checkout(String name) {
        if (name == null || !RuleFolders.FOLDER.matcher(name).matches()) {
            throw new RuleEditRefused("没有规则集文件夹 " + name, List.of());
        }
        try {
            return store.checkout(name);
        } catch (RuleFolders.FolderRefused e) {
            throw new RuleEditRefused(e.getMessage(), List.of());
        }
    }

    /** The folder's own files (the manifest, DRL files and decision tables; the tests have their own page). */
    public List<FileInfo> files(String folderName) {
        requireStored(folderName);
        return store.files(folderName).stream().filter(f -> !f.name().contains("/"))
                .map(f -> new FileInfo(f.name(), f.bytes(), f.name().endsWith(".xlsx"))).toList();
    }

    /** The text of a DRL file, the manifest or the tests, by name (no paths: only files listed in the folder). */
    public String text(String folderName, String file) {
        String name = "tests/policies.yaml".equals(file) ? file : listed(file);
        if (name.endsWith(".xlsx")) {
            throw new RuleEditRefused(file + " 是决策表（Excel），请下载后在 Excel 中查看", List.of());
        }
        return new String(bytes(folderName, name, file), StandardCharsets.UTF_8);
    }

    public byte[] bytes(String folderName, String file) {
        return bytes(folderName, listed(file), file);
    }

    private byte[] bytes(String folderName, String name, String asked) {
        requireStored(folderName);
        return store.content(folderName, name).orElseThrow(() -> new RuleEditRefused("规则集中没有文件 " + asked, List.of()));
    }

    /** Validates the folder and, when it validates, runs its tests. */
    public Check check(String folderName) {
        Path dir = folder(folderName);
        Check check = check(folderName, dir);
        // a valid check carries its hash; only a refused folder is read again for it
        fullChecks.put(check.hash() != null ? check.hash() : RuleSetLoader.hashOf(dir), check);
        return check;
    }

    /**
     * The check a reader may ask for (auditor's page and API): it never runs rule code. It returns the full
     * check an administrator ran on exactly this content, if any; otherwise it compiles the folder and judges
     * the compiled code only, and says that the policy checks and tests wait for an administrator.
     */
    public Check inspect(String folderName) {
        Path dir = folder(folderName);
        Check full = fullChecks.get(RuleSetLoader.hashOf(dir));
        if (full != null) {
            return full;
        }
        RuleSetLoader.Inspected inspected = RuleSetLoader.inspect(dir);
        return new Check(folderName, inspected.problems().isEmpty(), inspected.problems(), inspected.ruleCount(), inspected.hash(),
                null, List.of(), List.of("（只读检查：规则代码已编译并通过代码检查；政策检查与规则测试会运行规则，由管理员校验时运行）"), 0, 0);
    }

    /** Saves a DRL file's new text if the folder still validates with it; otherwise nothing changes. */
    public Check saveText(String folderName, String file, String text, String by) {
        if (file == null || !file.endsWith(".drl") || !FILE.matcher(file).matches()) {
            throw new RuleEditRefused("只能编辑 .drl 文件（文件名只含字母、数字、汉字、- 和 _）", List.of());
        }
        byte[] content = (text == null ? "" : text.replace("\r\n", "\n")).getBytes(StandardCharsets.UTF_8);
        return save(folderName, file, content, by);
    }

    /** Adds or replaces a decision table if the folder still validates with it; otherwise nothing changes. */
    public Check saveDecisionTable(String folderName, String file, byte[] content, String by) {
        if (file == null || !file.endsWith(".drl.xlsx") || !FILE.matcher(file).matches()) {
            throw new RuleEditRefused("决策表文件名须以 .drl.xlsx 结尾，只含字母、数字、汉字、- 和 _（收到 " + file + "）", List.of());
        }
        return save(folderName, file, content, by);
    }

    /** The manifest as the form shows it. */
    public Manifest manifest(String folderName) {
        Manifest manifest = RuleSetLoader.manifestOf(folder(folderName));
        if (manifest == null) {
            throw new RuleEditRefused("manifest.yaml 无法读取", List.of());
        }
        return manifest;
    }

    /**
     * Saves the manifest from the form (academic year, terms, grades from best to worst) if the folder still
     * validates with it — the grades must match the level table — and its tests run; otherwise nothing changes.
     */
    public Check saveManifest(String folderName, Manifest manifest, String by) {
        List<RuleProblem> problems = new ArrayList<>();
        if (manifest.academicYear() == null || !manifest.academicYear().matches("\\d{4}-\\d{4}")) {
            problems.add(RuleProblem.inFile("manifest.yaml", "学年应写作 2025-2026 的形式"));
        }
        if (manifest.terms().isEmpty()) {
            problems.add(RuleProblem.inFile("manifest.yaml", "至少要有一个学期"));
        }
        for (Manifest.TermSpec t : manifest.terms()) {
            if (t.id() == null || !t.id().matches("[0-9A-Za-z-]{1,40}")) {
                problems.add(RuleProblem.inFile("manifest.yaml", "学期编号“" + t.id() + "”只能含字母、数字和 -"));
            }
            if (t.start() == null || t.end() == null || !t.end().isAfter(t.start())) {
                problems.add(RuleProblem.inFile("manifest.yaml", "学期 " + t.id() + " 的结束日期应晚于开始日期"));
            }
            if (t.teachingWeeks() < 1 || t.teachingWeeks() > 60) {
                problems.add(RuleProblem.inFile("manifest.yaml", "学期 " + t.id() + " 的教学周数应为 1–60"));
            }
        }
        if (manifest.grades().isEmpty() || manifest.grades().stream().anyMatch(g -> g.isBlank() || g.length() > 20)
                || manifest.grades().stream().distinct().count() != manifest.grades().size()) {
            problems.add(RuleProblem.inFile("manifest.yaml", "等级应从高到低每行一个，不重复、不为空，每个不超过 20 字"));
        }
        if (!problems.isEmpty()) {
            throw new RuleEditRefused("manifest.yaml 未保存", problems);
        }
        return save(folderName, "manifest.yaml", ManifestText.of(manifest).getBytes(StandardCharsets.UTF_8), by);
    }

    /** Saves the rule tests if the text is readable test YAML; failing cases do not stop a save (activation waits for them). */
    public Check saveTests(String folderName, String text, String by) {
        String yaml = text == null ? "" : text.replace("\r\n", "\n");
        RuleTestRunner.readable(yaml).ifPresent(problem -> {
            throw new RuleEditRefused("tests/policies.yaml 未保存", List.of(problem));
        });
        return save(folderName, "tests/policies.yaml", yaml.getBytes(StandardCharsets.UTF_8), by);
    }

    /** Puts back the content a file had before its last saved change (itself recorded, so undo can be undone). */
    public Check undo(String folderName, String file, String by) {
        RuleFolders.Checkout folder = checkout(folderName);
        byte[] before = revisions.getObject().findFirstByRulesFolderAndFileNameOrderByIdDesc(folderName, file)
                .orElseThrow(() -> new RuleEditRefused(file + " 没有可撤销的修改", List.of())).content();
        if (before == null) {
            Path candidate = copy(folder.dir());
            try {
                Files.deleteIfExists(candidate.resolve(file));
                Check check = check(folderName, candidate);
                if (!check.valid()) {
                    throw new RuleEditRefused("撤销后规则集不能通过校验，未改动任何文件", check.problems());
                }
                stored(folderName, file, folder.version(), null, by);
                audit.record(by, "撤销规则修改", folderName + "/" + file, "删除该文件");
                return check;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                FileSystemUtils.deleteRecursively(candidate.toFile());
            }
        }
        return save(folderName, file, before, by);
    }

    public int revisions(String folderName, String file) {
        return (int) revisions.getObject().countByRulesFolderAndFileName(folderName, file);
    }

    /** Makes a folder the rule set of a term, refused while it does not validate or its tests fail. */
    public Activation activate(String termId, String folderName, String by) {
        Check check = check(folderName);
        if (!check.activatable()) {
            throw new RuleEditRefused("规则集 " + folderName + (check.valid() ? " 的测试未全部通过（" + check.passed() + " 通过，" + check.failed() + " 失败）"
                    : " 未通过校验") + "，不能启用", check.problems());
        }
        List<String> year = jdbc.queryForList("SELECT academic_year FROM term WHERE id = ?", String.class, termId);
        if (year.isEmpty()) {
            throw new RuleEditRefused("没有学期 " + termId, List.of());
        }
        if (!year.get(0).equals(check.academicYear())) {
            throw new RuleEditRefused("规则集学年 " + check.academicYear() + " 与学期 " + termId + "（" + year.get(0) + "）不符", List.of());
        }
        Timestamp now = Timestamp.from(Instant.now());
        if (jdbc.update("UPDATE rule_activation SET rules_folder = ?, rule_set_hash = ?, activated_by = ?, activated_at = ? WHERE term_id = ?",
                folderName, check.hash(), by, now, termId) == 0) {
            jdbc.update("INSERT INTO rule_activation (term_id, rules_folder, rule_set_hash, activated_by, activated_at) VALUES (?, ?, ?, ?, ?)",
                    termId, folderName, check.hash(), by, now);
        }
        audit.record(by, "启用规则集", termId + " ← " + folderName, "哈希 " + check.hash());
        return activation(termId).orElseThrow();
    }

    public Optional<Activation> activation(String termId) {
        return jdbc.query("SELECT term_id, rules_folder, rule_set_hash, activated_by, activated_at FROM rule_activation WHERE term_id = ?",
                (rs, i) -> new Activation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()),
                termId).stream().findFirst();
    }

    private Check save(String folderName, String file, byte[] content, String by) {
        if (content.length > MAX_FILE_BYTES) {
            throw new RuleEditRefused(file + " 有 " + content.length + " 字节，超过上限 " + MAX_FILE_BYTES + " 字节，未保存", List.of());
        }
        RuleFolders.Checkout folder = checkout(folderName);
        Path candidate = copy(folder.dir());
        try {
            Files.createDirectories(candidate.resolve(file).getParent());
            Files.write(candidate.resolve(file), content);
            Check check = check(folderName, candidate);
            if (!check.valid()) {
                throw new RuleEditRefused("保存后规则集不能通过校验，" + file + " 未保存", check.problems());
            }
            stored(folderName, file, folder.version(), content, by);
            audit.record(by, "修改规则", folderName + "/" + file, "保存后哈希 " + check.hash());
            return check;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            FileSystemUtils.deleteRecursively(candidate.toFile());
        }
    }

    /** Stores the checked content, refused when another administrator changed the folder since it was read. */
    private void stored(String folderName, String file, String version, byte[] content, String by) {
        try {
            store.replace(folderName, file, version, content, by);
        } catch (RuleFolders.FolderRefused e) {
            throw new RuleEditRefused(e.getMessage(), List.of());
        }
    }

    /** What {@code rules import} stored: the check of the folder as imported and the files it changed. */
    public record Imported(String folder, Check check, List<String> changed) {
    }

    /**
     * Takes a folder from disk (the command line, git) into the store under {@code folderName}, as one change,
     * only if it validates; failing tests do not stop it (activation waits for them), as with an edit.
     */
    public Imported importFolder(String folderName, Path dir, String by) {
        try {
            RuleFolders.requireFolder(folderName);
            java.util.Map<String, byte[]> files = RuleFolders.read(dir);
            Check check = check(folderName, dir);
            if (!check.valid()) {
                throw new RuleEditRefused(dir + " 未通过校验，未导入", check.problems());
            }
            List<String> changed = store.store(folderName, files, false, by, "导入规则集", "由 " + dir);
            return new Imported(folderName, check, changed);
        } catch (RuleFolders.FolderRefused e) {
            throw new RuleEditRefused(e.getMessage(), List.of());
        }
    }

    /** Writes a stored folder to {@code root}/{@code folderName}; the number of files written. */
    public int exportFolder(String folderName, Path root) {
        requireStored(folderName);
        return store.export(folderName, root.resolve(folderName));
    }

    /**
     * Opens the academic year after {@code folderName}'s as a new folder beside it (see {@link NewRuleYear}); the
     * copy is checked like any edit. Refused when the next year's folder exists.
     */
    public NewRuleYear.Opened openNextYear(String folderName, String by) {
        Path dir = folder(folderName);
        String next;
        try {
            next = NewRuleYear.next(folderName);
        } catch (NewRuleYear.Refused e) {
            throw new RuleEditRefused("文件夹名“" + folderName + "”不是学年，无法推算下一学年", List.of());
        }
        if (store.exists(next)) {
            throw new RuleEditRefused("规则集文件夹 " + next + " 已存在：新学年的文件夹不能覆盖已有文件夹", List.of());
        }
        Path work = null;
        try {
            work = ScratchSpace.folder("yanxiu-new-year");
            NewRuleYear.Opened opened = NewRuleYear.open(dir, work.resolve(next), next);
            store.store(next, RuleFolders.read(opened.folder()), true, by, "开新学年", "由 " + folderName + " 复制");
            return opened;
        } catch (NewRuleYear.Refused | RuleFolders.FolderRefused e) {
            throw new RuleEditRefused(e.getMessage(), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (work != null) {
                FileSystemUtils.deleteRecursively(work.toFile());
            }
        }
    }

    private static Check check(String folderName, Path dir) {
        RuleSetLoader.Loaded loaded = RuleSetLoader.load(dir);
        if (!loaded.ok()) {
            return new Check(folderName, false, loaded.problems(), loaded.ruleCount(), null, null, List.of(), List.of(), 0, 0, loaded.warnings());
        }
        RuleSet rules = loaded.ruleSet();
        try {
            RuleTestRunner.Report report = new RuleTestRunner(rules).run(dir.resolve("tests"));
            return new Check(folderName, true, List.of(), loaded.ruleCount(), rules.hash(), rules.manifest().academicYear(),
                    new ArrayList<>(rules.policiesCovered()), report.lines(), report.passed(), report.failed(), loaded.warnings());
        } finally {
            rules.dispose();
        }
    }

    private static String listed(String file) {
        if (file == null || file.contains("/") || file.contains("\\") || file.startsWith(".")) {
            throw new RuleEditRefused("规则集中没有文件 " + file, List.of());
        }
        return file;
    }

    private static Path copy(Path dir) {
        try {
            Path candidate = ScratchSpace.folder("yanxiu-rule-edit");
            FileSystemUtils.copyRecursively(dir, candidate);
            return candidate;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
