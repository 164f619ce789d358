package cn.yanxiu.system;

import java.util.List;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** Runs the command line once the application has started, and hands its exit code to Spring. */
@Component
@ConditionalOnProperty(name = "yanxiu.cli.enabled", havingValue = "true", matchIfMissing = true)
class CommandLineEntry implements CommandLineRunner, ExitCodeGenerator {

    private final YanxiuCommand root;
    private final List<YanxiuSubcommand> subcommands;
    private final IFactory factory;
    private int exitCode;

    CommandLineEntry(YanxiuCommand root, List<YanxiuSubcommand> subcommands, IFactory factory) {
        this.root = root;
        this.subcommands = subcommands;
        this.factory = factory;
    }

    @Override
    public void run(String... args) {
        exitCode = build(root, subcommands, factory).execute(args);
    }

    /** The whole command tree; tests build the same tree to run commands in-process. */
    public static CommandLine build(YanxiuCommand root, List<YanxiuSubcommand> subcommands, IFactory factory) {
        CommandLine line = new CommandLine(root, factory);
        subcommands.forEach(line::addSubcommand);
        return line;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
