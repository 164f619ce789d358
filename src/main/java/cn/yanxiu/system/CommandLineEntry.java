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
public class CommandLineEntry implements CommandLineRunner, ExitCodeGenerator {

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
        try {
            exitCode = build(root, subcommands, factory).execute(args);
        } catch (VirtualMachineError e) {
            // picocli hands only exceptions to the failure handler: without this a command that ran out of memory
            // midway would be reported as Yanxiu failing to start
            System.err.println(virtualMachineFailure(e) + (StartupFailure.verbose(args) ? "" : "（加 --verbose 查看详细信息）"));
            if (StartupFailure.verbose(args)) {
                e.printStackTrace();
            }
            exitCode = 1;
        }
    }

    private static String virtualMachineFailure(VirtualMachineError e) {
        if (e instanceof OutOfMemoryError) {
            return "出错：内存不足（" + e.getMessage() + "）；可用 java -Xmx 给出更多内存后重试";
        }
        return "出错：Java 虚拟机错误（" + e + "）";
    }

    /** The whole command tree; tests build the same tree to run commands in-process. */
    public static CommandLine build(YanxiuCommand root, List<YanxiuSubcommand> subcommands, IFactory factory) {
        CommandLine line = new CommandLine(root, factory);
        subcommands.forEach(line::addSubcommand);
        return handleErrors(line);
    }

    /** Usage mistakes and failures as one Chinese line (the trace with --verbose); usage as wide as the examples need. */
    static CommandLine handleErrors(CommandLine line) {
        // wide enough for each example to stay on one line (to be copied), or the terminal's own width
        line.setUsageHelpWidth(132);
        line.setUsageHelpAutoWidth(true);
        line.setParameterExceptionHandler(CommandLineEntry::usageError);
        line.setExecutionExceptionHandler(CommandLineEntry::failure);
        return line;
    }

    /** A mistake on the command line: one Chinese line and where to look, not the whole usage text. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String what;
        if (e instanceof CommandLine.MissingParameterException missing) {
            what = "缺少" + missing.getMissing().stream().map(CommandLineEntry::label).collect(java.util.stream.Collectors.joining("、"));
        } else if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            what = "不认识的参数 " + String.join(" ", unmatched.getUnmatched());
        } else {
            what = e.getMessage();
        }
        command.getErr().println(what + "（用 " + command.getCommandSpec().qualifiedName() + " --help 查看用法和示例）");
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static String label(CommandLine.Model.ArgSpec arg) {
        if (arg instanceof CommandLine.Model.OptionSpec option) {
            return "选项 " + option.longestName();
        }
        return "参数 " + arg.paramLabel();
    }

    /** A command that failed: its message in one line; the trace only with --verbose. */
    private static int failure(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && (root.getMessage() == null || root.getMessage().isBlank())) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip();
        boolean verbose = parsed.expandedArgs().contains("--verbose");
        command.getErr().println("出错：" + message.lines().findFirst().orElse("") + (verbose ? "" : "（加 --verbose 查看详细信息）"));
        if (verbose) {
            e.printStackTrace(command.getErr());
        }
        command.getErr().flush();
        return 1;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
