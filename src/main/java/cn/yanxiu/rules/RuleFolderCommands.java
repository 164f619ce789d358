package cn.yanxiu.rules;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rules import} and {@code rules export}: the rule folders kept in the database, to and from folders on disk. */
final class RuleFolderCommands {

    private RuleFolderCommands() {
    }

    @Command(name = "import", description = "把磁盘上的规则集文件夹存入数据库（各实例共用）：先校验，未通过则不改动；每个改动的文件可在网页上撤销",
        footer = {"%n示例：", "  java -jar target/yanxiu.jar rules import rules/2025-2026", "  java -jar target/yanxiu.jar rules import rules",
                  "  java -jar target/yanxiu.jar rules import ~/edits/2026-2027 --as 2026-2027"})
    static class Import implements Callable<Integer> {

        @Parameters(paramLabel = "DIR", arity = "1..*", description = "规则集文件夹（含 manifest.yaml），或其上一级（导入其中每个学年文件夹）")
        List<Path> dirs;

        @Option(names = "--as", paramLabel = "学年", description = "存为哪个规则集（只导入一个文件夹时可用；默认用文件夹名）")
        String as;

        @Option(names = "--by", paramLabel = "NAME", description = "记在修改记录中的操作人（默认 命令行:<系统用户名>）")
        String by;

        @Spec
        CommandSpec spec;

        private final RuleSetWorkspace workspace;

        Import(RuleSetWorkspace workspace) {
            this.workspace = workspace;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            List<Path> folders = new ArrayList<>();
            for (Path dir : dirs) {
                folders.addAll(ruleFolders(dir));
            }
            if (folders.isEmpty()) {
                err.println(dirs + " 中没有规则集文件夹（含 manifest.yaml 的学年文件夹）");
                err.flush();
                return 2;
            }
            if (as != null && folders.size() != 1) {
                err.println("--as 只能用于一个规则集文件夹（收到 " + folders.size() + " 个）");
                err.flush();
                return 2;
            }
            String actor = by != null ? by : "命令行:" + System.getProperty("user.name", "?");
            int failed = 0;
            for (Path dir : folders) {
                String name = as != null ? as : dir.toAbsolutePath().normalize().getFileName().toString();
                try {
                    RuleSetWorkspace.Imported imported = workspace.importFolder(name, dir, actor);
                    RuleSetWorkspace.Check check = imported.check();
                    out.println("规则集 " + name + " ← " + dir + "：" + (imported.changed().isEmpty() ? "与数据库中相同，未改动"
                            : "改动 " + imported.changed().size() + " 个文件（" + String.join("、", imported.changed()) + "）"));
                    out.println("  内容哈希：" + check.hash() + "；测试 " + check.passed() + " passed, " + check.failed() + " failed"
                            + (check.failed() > 0 ? "（测试未全部通过的规则集不能启用）" : ""));
                } catch (RuleSetWorkspace.RuleEditRefused e) {
                    failed++;
                    err.println("规则集 " + name + " 未导入：" + e.getMessage());
                    e.problems().forEach(p -> err.println("  " + p));
                }
            }
            out.flush();
            err.flush();
            return failed == 0 ? 0 : 1;
        }

        private static List<Path> ruleFolders(Path dir) {
            if (Files.isRegularFile(dir.resolve("manifest.yaml"))) {
                return List.of(dir);
            }
            if (!Files.isDirectory(dir)) {
                return List.of();
            }
            try (Stream<Path> children = Files.list(dir)) {
                return children.filter(d -> Files.isRegularFile(d.resolve("manifest.yaml"))).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Command(name = "export", description = "把数据库中的规则集写到文件夹（供 git 保存或在命令行校验、测试）；该文件夹中数据库没有的规则文件会被删除",
        footer = {"%n示例：", "  java -jar target/yanxiu.jar rules export --to rules", "  java -jar target/yanxiu.jar rules export 2025-2026 --to /tmp/rules"})
    static class Export implements Callable<Integer> {

        @Parameters(paramLabel = "学年", arity = "0..*", description = "要导出的规则集（默认全部）")
        List<String> folders;

        @Option(names = "--to", required = true, paramLabel = "DIR", description = "写到 DIR/<学年>/")
        Path to;

        @Spec
        CommandSpec spec;

        private final RuleSetWorkspace workspace;

        Export(RuleSetWorkspace workspace) {
            this.workspace = workspace;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            List<String> names = folders == null || folders.isEmpty() ? workspace.folders() : folders;
            int failed = 0;
            for (String name : names) {
                try {
                    int files = workspace.exportFolder(name, to);
                    out.println("规则集 " + name + " → " + to.resolve(name) + "（" + files + " 个文件）");
                } catch (RuleSetWorkspace.RuleEditRefused e) {
                    failed++;
                    err.println(e.getMessage());
                }
            }
            out.flush();
            err.flush();
            return failed == 0 ? 0 : 1;
        }
    }
}
