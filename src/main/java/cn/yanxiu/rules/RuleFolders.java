package cn.yanxiu.rules;

import cn.yanxiu.audit.AuditLog;
import cn.yanxiu.system.ScratchSpace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The rule-set folders as the database keeps them, so that every instance edits, checks and runs the same
 * files. The engine reads folders, so a folder is checked out to a local directory named by its content
 * (a new edit gives a new directory; a directory is never changed once written), under this process's own
 * temporary directory unless {@code yanxiu.rules.cache} names one. On first use an empty
 * database takes the folders found under {@code yanxiu.rules.root}; later changes come only through the
 * pages, {@code rules import} or the new-year step.
 */
@Service
public class RuleFolders {

    public static final Pattern FOLDER = Pattern.compile("[0-9]{4}-[0-9]{4}[A-Za-z0-9_-]{0,40}");
    /** A file a folder may hold: a top-level name, or tests/NAME; no other paths. */
    private static final Pattern FILE = Pattern.compile("(tests/)?[A-Za-z0-9_\\-\\u4e00-\\u9fa5][A-Za-z0-9_.\\-\\u4e00-\\u9fa5]{0,100}");
    /** Bounds on what a folder may bring in: rule folders are a few dozen small files. */
    public static final int MAX_FILE_BYTES = 2 * 1024 * 1024;
    static final int MAX_FILES = 200;

    private final JdbcTemplate jdbc;
    /** Absent in a command that keeps no such records and so starts no JPA ({@link cn.yanxiu.system.OneShotCommandAutoConfiguration}). */
    private final ObjectProvider<RuleFileRevisions> revisions;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final Path seedRoot;
    /** Where checkouts go: the configured directory, or this process's own, made at the first checkout. */
    private final java.util.function.Supplier<Path> cache;

    RuleFolders(JdbcTemplate jdbc, ObjectProvider<RuleFileRevisions> revisions, TransactionTemplate transactions, AuditLog audit,
                @Value("${yanxiu.rules.root:rules}") Path seedRoot, @Value("${yanxiu.rules.cache:}") String cache) {
        this.jdbc = jdbc;
        this.revisions = revisions;
        this.transactions = transactions;
        this.audit = audit;
        this.seedRoot = seedRoot;
        // a command that checks nothing out (most of them) leaves no directory behind, even when it is killed
        this.cache = cache.isBlank() ? org.springframework.util.function.SingletonSupplier.of(RuleFolders::privateCache) : () -> Path.of(cache);
    }

    /**
     * This process's own directory for checkouts (owner-only, removed when the process ends): a checkout is trusted
     * by its name, so no other user of the machine may write there.
     */
    private static Path privateCache() {
        try {
            Path dir = ScratchSpace.folder("yanxiu-rule-folders");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(dir.toFile())));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One stored file, without its content. */
    public record StoredFile(String name, String hash, long bytes) {
    }

    /** A local copy of a folder exactly as stored, and the version (a hash over its files) it was copied at. */
    public record Checkout(Path dir, String version) {
    }

    /** Refused: nothing was stored. */
    public static class FolderRefused extends RuntimeException {
        public FolderRefused(String message) {
            super(message);
        }
    }

    public List<String> names() {
        seedIfEmpty();
        return jdbc.queryForList("SELECT rules_folder FROM rule_file WHERE file_name = 'manifest.yaml' ORDER BY rules_folder DESC", String.class);
    }

    public boolean exists(String folder) {
        seedIfEmpty();
        return jdbc.queryForObject("SELECT COUNT(*) FROM rule_file WHERE rules_folder = ? AND file_name = 'manifest.yaml'", Integer.class, folder) > 0;
    }

    public List<StoredFile> files(String folder) {
        seedIfEmpty();
        return jdbc.query("SELECT file_name, content_hash, LENGTH(content) FROM rule_file WHERE rules_folder = ? ORDER BY file_name",
                (rs, i) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getLong(3)), folder);
    }

    public Optional<byte[]> content(String folder, String file) {
        seedIfEmpty();
        return Optional.ofNullable(stored(folder, file));
    }

    private byte[] stored(String folder, String file) {
        return jdbc.query("SELECT content FROM rule_file WHERE rules_folder = ? AND file_name = ?", (rs, i) -> rs.getBytes(1), folder, file)
                .stream().findFirst().orElse(null);
    }

    /** The folder as a local directory, exactly as stored now. */
    public Checkout checkout(String folder) {
        List<StoredFile> listed = files(folder);
        if (listed.isEmpty()) {
            throw new FolderRefused("没有规则集文件夹 " + folder);
        }
        String listedVersion = version(listed);
        Path dir = cache.get().resolve(listedVersion).resolve(folder);
        if (Files.isDirectory(dir)) {
            return new Checkout(dir, listedVersion);
        }
        // read the contents in one query; what is written is named by what was read (an edit may have come in between)
        Map<String, byte[]> contents = new TreeMap<>();
        jdbc.query("SELECT file_name, content FROM rule_file WHERE rules_folder = ?", rs -> {
            contents.put(rs.getString(1), rs.getBytes(2));
        }, folder);
        String version = versionOf(contents);
        dir = cache.get().resolve(version).resolve(folder);
        if (!Files.isDirectory(dir)) {
            write(contents, dir);
        }
        return new Checkout(dir, version);
    }

    /**
     * Replaces one file (null content: removes it) if the folder is still at {@code expectedVersion}, keeping
     * the file's old content for undo. Refused when someone else changed the folder since it was read.
     */
    public void replace(String folder, String file, String expectedVersion, byte[] content, String by) {
        requireFile(file);
        transactions.executeWithoutResult(status -> {
            Map<String, String> now = lockedHashes(folder);
            if (!versionOfHashes(now).equals(expectedVersion)) {
                throw new FolderRefused("规则集 " + folder + " 在您编辑期间已被他人修改，" + file + " 未保存：请重新打开后再改");
            }
            change(folder, file, now.containsKey(file), content, by, Timestamp.from(Instant.now()), true);
        });
    }

    /**
     * Stores a whole folder read from disk: new files added, changed ones replaced, files it lacks removed, each
     * change kept for undo. {@code mustBeNew}: refused when the folder exists. {@code action} and {@code source}
     * go to the audit log. Returns the names changed.
     */
    public List<String> store(String folder, Map<String, byte[]> files, boolean mustBeNew, String by, String action, String source) {
        requireFolder(folder);
        files.keySet().forEach(RuleFolders::requireFile);
        if (!files.containsKey("manifest.yaml")) {
            throw new FolderRefused(folder + " 中没有 manifest.yaml");
        }
        List<String> changed = new ArrayList<>();
        try {
            transactions.executeWithoutResult(status -> {
                Map<String, String> now = lockedHashes(folder);
                if (mustBeNew && !now.isEmpty()) {
                    throw new FolderRefused("规则集文件夹 " + folder + " 已存在");
                }
                Timestamp at = Timestamp.from(Instant.now());
                for (String name : union(now.keySet(), files.keySet())) {
                    byte[] content = files.get(name);
                    if (content != null && RuleSetFiles.sha256(content).equals(now.get(name))) {
                        continue;
                    }
                    change(folder, name, now.containsKey(name), content, by, at, !mustBeNew);
                    changed.add(name);
                }
                if (!changed.isEmpty()) {
                    String names = String.join("、", changed.subList(0, Math.min(20, changed.size()))) + (changed.size() > 20 ? " 等 " + changed.size() + " 个" : "");
                    audit.record(by, action, folder, source + "；改动 " + names);
                }
            });
        } catch (DuplicateKeyException e) {
            throw new FolderRefused("规则集文件夹 " + folder + " 正由另一实例写入，未保存：请稍后再试");
        }
        return changed;
    }

    /** Writes a stored folder out as files (for git and the command line); the number of files written. */
    public int export(String folder, Path target) {
        Checkout checkout = checkout(folder);
        Map<String, byte[]> contents = read(checkout.dir());
        write(contents, target);
        return contents.size();
    }

    /** A folder on disk as the store takes it: its top-level files and tests/*, each checked by name and size. */
    public static Map<String, byte[]> read(Path dir) {
        if (!Files.isRegularFile(dir.resolve("manifest.yaml"))) {
            throw new FolderRefused(dir + " 不是规则集文件夹（没有 manifest.yaml）");
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(dir, 2)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList()) {
                String name = dir.relativize(p).toString().replace('\\', '/');
                if (name.startsWith(".") || name.contains("/.")) {
                    continue;
                }
                requireFile(name);
                if (Files.isSymbolicLink(p)) {
                    throw new FolderRefused(name + " 是符号链接，规则集只收普通文件");
                }
                if (Files.size(p) > MAX_FILE_BYTES) {
                    throw new FolderRefused(name + " 有 " + Files.size(p) + " 字节，超过上限 " + MAX_FILE_BYTES + " 字节");
                }
                if (files.size() >= MAX_FILES) {
                    throw new FolderRefused(dir + " 的文件超过 " + MAX_FILES + " 个，不是规则集文件夹");
                }
                files.put(name, Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static void requireFolder(String folder) {
        if (folder == null || !FOLDER.matcher(folder).matches()) {
            throw new FolderRefused("规则集文件夹名应为学年，如 2025-2026（收到 " + folder + "）");
        }
    }

    static void requireFile(String file) {
        if (file == null || !FILE.matcher(file).matches() || file.contains("..")) {
            throw new FolderRefused("规则集中不能有文件 " + file + "（只收文件夹内的 manifest.yaml、.drl、.drl.xlsx 与 tests/ 下的文件）");
        }
    }

    /** An empty store takes the folders shipped under the rules root, each in one transaction (another instance may race). */
    private void seedIfEmpty() {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM rule_file", Integer.class) > 0 || !Files.isDirectory(seedRoot)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(seedRoot)) {
            for (Path dir : dirs.filter(d -> FOLDER.matcher(d.getFileName().toString()).matches())
                    .filter(d -> Files.isRegularFile(d.resolve("manifest.yaml"))).sorted().toList()) {
                try {
                    store(dir.getFileName().toString(), read(dir), true, "系统", "首次启动导入规则集", "由 " + dir);
                } catch (FolderRefused e) {
                    // another instance stored it first, or the folder holds what a store refuses: leave it out
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each stored file's hash, the folder's rows locked until the transaction ends (one writer per folder). */
    private Map<String, String> lockedHashes(String folder) {
        Map<String, String> hashes = new TreeMap<>();
        jdbc.query("SELECT file_name, content_hash FROM rule_file WHERE rules_folder = ? FOR UPDATE", rs -> {
            hashes.put(rs.getString(1), rs.getString(2));
        }, folder);
        return hashes;
    }

    /** Replaces (null content: removes) one file inside the caller's transaction, its old content kept for undo when asked. */
    private void change(String folder, String file, boolean existed, byte[] content, String by, Timestamp at, boolean keepRevision) {
        if (keepRevision) {
            revisions.getObject().save(new RuleFileRevision(folder, file, existed ? stored(folder, file) : null, by, at.toInstant()));
        }
        jdbc.update("DELETE FROM rule_file WHERE rules_folder = ? AND file_name = ?", folder, file);
        if (content != null) {
            insert(folder, file, content, by);
        }
    }

    private void insert(String folder, String file, byte[] content, String by) {
        if (content.length > MAX_FILE_BYTES) {
            throw new FolderRefused(file + " 有 " + content.length + " 字节，超过上限 " + MAX_FILE_BYTES + " 字节");
        }
        jdbc.update("INSERT INTO rule_file (rules_folder, file_name, content, content_hash, saved_by, saved_at) VALUES (?, ?, ?, ?, ?, ?)",
                folder, file, content, RuleSetFiles.sha256(content), by, Timestamp.from(Instant.now()));
    }

    private static List<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }

    /**
     * Writes the files into a new directory beside {@code dir}, then renames it into place. A checkout racing
     * another for the same version keeps the one already there (same content by its name); an export over an
     * existing folder replaces its files.
     */
    private void write(Map<String, byte[]> contents, Path dir) {
        try {
            Files.createDirectories(dir.getParent());
            Path temp = Files.createTempDirectory(dir.getParent(), "." + dir.getFileName());
            for (Map.Entry<String, byte[]> f : contents.entrySet()) {
                Path target = temp.resolve(f.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, f.getValue());
            }
            if (Files.exists(dir)) {
                replaceExisting(temp, dir);
                return;
            }
            try {
                Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.FileSystemException e) {
                if (!Files.isDirectory(dir)) {
                    throw e;
                }
                replaceExisting(temp, dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An export over an existing folder: its files become what is stored (a file the store lacks is removed; dot-files stay). */
    private static void replaceExisting(Path temp, Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir, 2)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String name = dir.relativize(p).toString().replace('\\', '/');
                if (!name.startsWith(".") && !name.contains("/.") && !Files.exists(temp.resolve(name))) {
                    Files.delete(p);
                }
            }
        }
        try (Stream<Path> walk = Files.walk(temp)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Path target = dir.resolve(temp.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.move(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        FileSystemUtils.deleteRecursively(temp);
    }

    private static String version(List<StoredFile> files) {
        Map<String, String> hashes = new TreeMap<>();
        files.forEach(f -> hashes.put(f.name(), f.hash()));
        return versionOfHashes(hashes);
    }

    private static String versionOf(Map<String, byte[]> contents) {
        Map<String, String> hashes = new TreeMap<>();
        contents.forEach((name, content) -> hashes.put(name, RuleSetFiles.sha256(content)));
        return versionOfHashes(hashes);
    }

    private static String versionOfHashes(Map<String, String> hashes) {
        StringBuilder all = new StringBuilder();
        new TreeMap<>(hashes).forEach((name, hash) -> all.append(name).append('\0').append(hash).append('\n'));
        return RuleSetFiles.sha256(all.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 24);
    }
}
