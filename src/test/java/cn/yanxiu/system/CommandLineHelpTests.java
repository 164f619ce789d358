package cn.yanxiu.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** Every command and sub-command answers --help with Chinese usage and exit code 0, before asking for its arguments. */
@SpringBootTest
class CommandLineHelpTests {

    @Autowired
    YanxiuCommand root;

    @Autowired
    List<YanxiuSubcommand> subcommands;

    @Autowired
    IFactory factory;

    @Test
    void everySubcommandAnswersHelpInChinese() {
        List<List<String>> paths = new ArrayList<>();
        collect(CommandLineEntry.build(root, subcommands, factory), new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThanOrEqualTo(20);
        for (List<String> path : paths) {
            for (String help : List.of("--help", "-h")) {
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                CommandLine line = CommandLineEntry.build(root, subcommands, factory);
                line.setOut(new PrintWriter(out));
                line.setErr(new PrintWriter(err));
                List<String> args = new ArrayList<>(path);
                args.add(help);
                int exit = line.execute(args.toArray(String[]::new));
                assertThat(exit).as(String.join(" ", args)).isZero();
                assertThat(out.toString()).as(String.join(" ", args)).startsWith("用法：yanxiu").contains("显示本帮助并退出")
                        .contains("示例：").contains("java -jar target/yanxiu.jar " + (path.isEmpty() ? "" : path.get(0)));
                assertThat(err.toString()).as(String.join(" ", args)).isEmpty();
            }
        }
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        command.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().aliases().length > 0 && !sub.getCommandName().equals(name)) {
                return;
            }
            List<String> next = new ArrayList<>(path);
            next.add(name);
            paths.add(next);
            collect(sub, next, paths);
        });
    }

    @Test
    void mistakesOnTheCommandLineAreOneChineseLine() {
        assertThat(run("import")).isEqualTo(new Outcome(2, "缺少参数 FILE（用 yanxiu import --help 查看用法和示例）"));
        assertThat(run("rules", "validate", "rules/2025-2026", "--bogus"))
                .isEqualTo(new Outcome(2, "不认识的参数 --bogus（用 yanxiu rules validate --help 查看用法和示例）"));
        Outcome failed = run("credits", "show");
        assertThat(failed.exit()).isEqualTo(2);
        assertThat(failed.err()).startsWith("缺少选项 --teacher").doesNotContain("\n");
    }

    private record Outcome(int exit, String err) {
    }

    private Outcome run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine line = CommandLineEntry.build(root, subcommands, factory);
        line.setOut(new PrintWriter(new StringWriter()));
        line.setErr(new PrintWriter(err));
        int exit = line.execute(args);
        return new Outcome(exit, err.toString().strip());
    }

    @Test
    void theListThatAnswersHelpBeforeSpringNamesExactlyTheSubcommands() {
        assertThat(CommandsBeforeSpring.subcommandClasses()).containsExactlyInAnyOrderElementsOf(
                subcommands.stream().map(c -> org.springframework.aop.support.AopUtils.getTargetClass(c)).toList());
        assertThat(CommandsBeforeSpring.wanted(new String[] {"rules", "validate", "--help"})).isTrue();
        assertThat(CommandsBeforeSpring.wanted(new String[] {})).isTrue();
        assertThat(CommandsBeforeSpring.wanted(new String[] {"import", "--", "-h"})).isFalse();
        assertThat(CommandsBeforeSpring.wanted(new String[] {"rules", "validate", "rules/2025-2026"})).isTrue();
        assertThat(CommandsBeforeSpring.wanted(new String[] {"import", "data-samples"})).isFalse();
    }
}
