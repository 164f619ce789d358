package cn.yanxiu.rules.internal;

import cn.yanxiu.rules.Manifest;
import cn.yanxiu.rules.RuleFile;
import cn.yanxiu.rules.RuleProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads a rule-set folder: manifest.yaml, *.drl and *.drl.xlsx, with a content hash over all of them. */
public final class RuleSetReader {

    /** Bound on one rule file: rule files are small; anything larger is refused before parsing. */
    static final long MAX_FILE_BYTES = 5L * 1024 * 1024;

    public record Read(Manifest manifest, List<RuleFile> files, String hash, List<RuleProblem> problems) {
    }

    private RuleSetReader() {
    }

    public static Read read(Path dir) {
        List<RuleProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            problems.add(RuleProblem.inFile(dir.toString(), "规则集文件夹不存在"));
            return new Read(null, List.of(), "", problems);
        }
        Manifest manifest = readManifest(dir.resolve("manifest.yaml"), problems);
        List<RuleFile> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.sorted().toList()) {
                String name = p.getFileName().toString();
                if (!Files.isRegularFile(p) || !(name.endsWith(".drl") || name.endsWith(".drl.xlsx"))) {
                    if (Files.isRegularFile(p) && name.endsWith(".xlsx")) {
                        problems.add(RuleProblem.inFile(name, "决策表文件名须以 .drl.xlsx 结尾，否则不会被读取"));
                    }
                    continue;
                }
                if (Files.size(p) > MAX_FILE_BYTES) {
                    problems.add(RuleProblem.inFile(name, "规则文件过大（上限 " + MAX_FILE_BYTES + " 字节）"));
                    continue;
                }
                byte[] content = Files.readAllBytes(p);
                if (name.endsWith(".drl.xlsx")) {
                    try {
                        DecisionTables.Compiled table = DecisionTables.compile(content);
                        files.add(new RuleFile(name, content, sha256(content), table.drl(), table.sheet()));
                    } catch (IOException | RuntimeException e) {
                        problems.add(RuleProblem.inFile(name, "无法读取决策表：" + e.getMessage()));
                    }
                } else {
                    files.add(new RuleFile(name, content, sha256(content), null, null));
                }
            }
        } catch (IOException e) {
            problems.add(RuleProblem.inFile(dir.toString(), "无法读取规则集：" + e.getMessage()));
        }
        if (files.isEmpty() && problems.isEmpty()) {
            problems.add(RuleProblem.inFile(dir.toString(), "规则集中没有 .drl 或 .drl.xlsx 文件"));
        }
        return new Read(manifest, files, hashOf(dir, files), problems);
    }

    /** One hash over every file's name and content, in name order: the identity of a rule set version. */
    private static String hashOf(Path dir, List<RuleFile> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Path manifest = dir.resolve("manifest.yaml");
            if (Files.isRegularFile(manifest)) {
                digest.update(Files.readAllBytes(manifest));
            }
            for (RuleFile f : files) {
                digest.update(f.name().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(f.sha256().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] content) {
        return cn.yanxiu.rules.RuleSetFiles.sha256(content);
    }

    /** The folder's manifest alone, or null when it cannot be read. */
    public static Manifest manifest(Path dir) {
        return readManifest(dir.resolve("manifest.yaml"), new ArrayList<>());
    }

    @SuppressWarnings("unchecked")
    private static Manifest readManifest(Path file, List<RuleProblem> problems) {
        if (!Files.isRegularFile(file)) {
            problems.add(RuleProblem.inFile("manifest.yaml", "缺少 manifest.yaml（学年、学期、等级）"));
            return null;
        }
        try {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
            if (!(loaded instanceof Map<?, ?> map)) {
                problems.add(RuleProblem.inFile("manifest.yaml", "格式不对：应为键值对"));
                return null;
            }
            List<Manifest.TermSpec> terms = new ArrayList<>();
            for (Object t : (List<Object>) map.get("terms")) {
                Map<String, Object> term = (Map<String, Object>) t;
                terms.add(new Manifest.TermSpec(String.valueOf(term.get("id")), String.valueOf(term.get("name")),
                        date(term.get("start")), date(term.get("end")), ((Number) term.get("teachingWeeks")).intValue()));
            }
            List<String> grades = ((List<Object>) map.get("grades")).stream().map(String::valueOf).toList();
            return new Manifest(String.valueOf(map.get("academicYear")), terms, grades);
        } catch (IOException | RuntimeException e) {
            problems.add(RuleProblem.inFile("manifest.yaml", "无法读取：" + e.getMessage()));
            return null;
        }
    }

    private static LocalDate date(Object value) {
        if (value instanceof java.util.Date d) {
            // YAML reads a bare date as midnight UTC: take the day in UTC, not in this machine's zone
            return d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        }
        return LocalDate.parse(String.valueOf(value));
    }
}
