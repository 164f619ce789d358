package cn.yanxiu.rules;

import cn.yanxiu.system.YanxiuSubcommand;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rules validate DIR}, {@code rules test DIR} and {@code rules new-year --from Y --to Y'} work on folders
 * alone; {@code rules import} and {@code rules export} move folders into and out of the database.
 */
@Component
@Command(name = "rules", description = "规则集：校验（validate）、测试（test）、开新学年（new-year）、存入数据库（import）、从数据库导出（export）",
        footer = {"%n示例：", "  java -jar target/yanxiu.jar rules validate rules/2025-2026", "  java -jar target/yanxiu.jar rules test rules/2025-2026",
                  "  java -jar target/yanxiu.jar rules new-year --from 2025-2026 --to 2026-2027", "  java -jar target/yanxiu.jar rules import rules/2025-2026",
                  "  java -jar target/yanxiu.jar rules export --to rules"},
        subcommands = {RulesCommand.Validate.class, RulesCommand.Test.class, RulesCommand.NewYear.class, RuleFolderCommands.Import.class,
                       RuleFolderCommands.Export.class})
class RulesCommand implements YanxiuSubcommand {

    @Command(name = "validate", description = "按评价时的方式编译规则集并检查政策（权重、分数段、指标），报告每个问题的位置",
        footer = {"%n示例：", "  java -jar target/yanxiu.jar rules validate rules/2025-2026"})
    static class Validate implements Callable<Integer> {

        @Parameters(paramLabel = "DIR", description = "规则集文件夹，如 rules/2025-2026")
        Path dir;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            RuleSetLoader.Loaded loaded = RuleSetLoader.load(dir);
            if (!loaded.ok()) {
                err.println("规则集 " + dir + " 未通过校验，共 " + loaded.problems().size() + " 个问题：");
                loaded.problems().forEach(p -> err.println(p));
                printWarnings(err, loaded);
                err.flush();
                return 1;
            }
            RuleSet rules = loaded.ruleSet();
            out.println("规则集 " + dir + " 校验通过");
            out.println("  学年：" + rules.manifest().academicYear() + "，等级：" + String.join(" / ", rules.manifest().grades()));
            out.println("  文件：" + rules.files().size() + " 个（DRL " + rules.files().stream().filter(f -> !f.isDecisionTable()).count()
                    + "，决策表 " + rules.files().stream().filter(RuleFile::isDecisionTable).count() + "）");
            out.println("  规则：" + loaded.ruleCount() + " 条");
            out.println("  覆盖政策：" + String.join(" ", rules.policiesCovered()));
            out.println("  内容哈希：" + rules.hash());
            printWarnings(out, loaded);
            out.flush();
            rules.dispose();
            return 0;
        }
    }

    /** Warnings do not stop a rule set; they say what an edit could leave behind. */
    static void printWarnings(PrintWriter out, RuleSetLoader.Loaded loaded) {
        if (!loaded.warnings().isEmpty()) {
            out.println("提醒 " + loaded.warnings().size() + " 条（不影响使用，建议修改）：");
            loaded.warnings().forEach(w -> out.println("  " + w));
        }
    }

    @Command(name = "test", description = "运行规则集 tests/ 中的测试用例，最后一行为“N passed, N failed”",
        footer = {"%n示例：", "  java -jar target/yanxiu.jar rules test rules/2025-2026"})
    static class Test implements Callable<Integer> {

        @Parameters(paramLabel = "DIR", description = "规则集文件夹，如 rules/2025-2026")
        Path dir;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            RuleSetLoader.Loaded loaded = RuleSetLoader.load(dir);
            if (!loaded.ok()) {
                loaded.problems().forEach(p -> out.println(p));
                out.println("0 passed, 1 failed");
                out.flush();
                return 1;
            }
            RuleTestRunner.Report report = new RuleTestRunner(loaded.ruleSet()).run(dir.resolve("tests"));
            report.lines().forEach(out::println);
            out.println(report.passed() + " passed, " + report.failed() + " failed");
            out.flush();
            loaded.ruleSet().dispose();
            return report.failed() == 0 && report.passed() > 0 ? 0 : 1;
        }
    }

    @Command(name = "new-year", description = "开新学年：复制上一学年的规则集文件夹，学年与学期顺延一年，校验并运行测试，列出需要核对的内容",
        footer = {"%n示例：", "  java -jar target/yanxiu.jar rules new-year --from 2025-2026 --to 2026-2027"})
    static class NewYear implements Callable<Integer> {

        @picocli.CommandLine.Option(names = "--from", required = true, paramLabel = "学年", description = "上一学年，如 2025-2026（规则集根目录下的文件夹名，或文件夹路径）")
        String from;

        @picocli.CommandLine.Option(names = "--to", required = true, paramLabel = "学年", description = "新学年，如 2026-2027")
        String to;

        @picocli.CommandLine.Option(names = "--root", defaultValue = "rules", paramLabel = "DIR", description = "规则集根目录（默认 rules）")
        Path root;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Path source = java.nio.file.Files.isDirectory(Path.of(from)) && from.contains("/") ? Path.of(from) : root.resolve(from);
            NewRuleYear.Opened opened;
            try {
                opened = NewRuleYear.open(source, root.resolve(to), to);
            } catch (NewRuleYear.Refused e) {
                err.println(e.getMessage());
                err.flush();
                return 2;
            }
            out.println("已创建 " + opened.folder() + "（由 " + source + " 复制，学年 " + opened.academicYear() + "）");
            opened.dates().forEach(d -> out.println("  学期日期 " + d));
            RuleSetLoader.Loaded loaded = RuleSetLoader.load(opened.folder());
            if (!loaded.ok()) {
                out.println("校验未通过（上一学年的规则集本身有问题），共 " + loaded.problems().size() + " 个：");
                loaded.problems().forEach(p -> out.println("  " + p));
                out.flush();
                return 1;
            }
            RuleTestRunner.Report report = new RuleTestRunner(loaded.ruleSet()).run(opened.folder().resolve("tests"));
            loaded.ruleSet().dispose();
            out.println("校验通过；测试 " + report.passed() + " passed, " + report.failed() + " failed");
            printWarnings(out, loaded);
            out.println("请逐项核对后再启用：");
            for (int i = 0; i < opened.review().size(); i++) {
                out.println("  " + (i + 1) + ". " + opened.review().get(i));
            }
            out.flush();
            return report.failed() == 0 ? 0 : 1;
        }
    }
}
