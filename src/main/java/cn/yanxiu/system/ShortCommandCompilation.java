package cn.yanxiu.system;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javax.management.ObjectName;

/**
 * For the commands that finish in seconds, tells the JVM not to use its optimising (C2) compiler. On two cores a fresh
 * process spends as much CPU in C2, optimising code that has already done its work (Spring's start-up, the rule
 * build's code generator and Java compiler), as in the command itself; the quick compiler alone finishes sooner
 * ({@code rules validate} about 7.3 → 5.4 s). Never for a command that may run long ({@code import}, {@code serve} …): a
 * method the directive keeps from C2 stays unoptimised for the life of the process. {@code evaluate} and {@code benchmark}
 * take it once their batch is known to be small ({@link #quickCompilerForSmallBatch}). From the packaged jar the short
 * commands run in a second JVM started with the quick compiler alone ({@link ClassArchiveLaunch}), which is quicker
 * still; the directive serves them where they run in one process.
 */
public final class ShortCommandCompilation {

    /** Top-level commands that never run long: checking rule files, one teacher's explanation, the audit log's chain. */
    private static final Set<String> SHORT = Set.of("rules", "explain", "audit");
    private static final String DIRECTIVE = "[{ match: \"*.*\", c2: { Exclude: true } }]";

    private ShortCommandCompilation() {
    }

    /**
     * True for the commands this applies to: the first argument names a short command and no help is asked for (help
     * answers in half a second either way). {@code -Dyanxiu.jit.full=true} keeps both compilers, to compare.
     */
    static boolean isShort(String[] args) {
        return args.length > 0 && SHORT.contains(args[0]) && !Boolean.getBoolean("yanxiu.jit.full")
                && !CommandsBeforeSpring.asksForHelp(args);
    }

    /** Commands that end when their batch does; whether their batch is short is known only once its teachers are counted. */
    private static final Set<String> ONE_BATCH = Set.of("evaluate", "benchmark");
    private static volatile boolean oneBatch;

    /** Adds the directive when the command is short; true when the JVM took it (it may not offer it: then nothing changes). */
    public static boolean applyTo(String[] args) {
        oneBatch = args.length > 0 && ONE_BATCH.contains(args[0]) && !Boolean.getBoolean("yanxiu.jit.full");
        if (!isShort(args) || System.getProperty(ClassArchiveLaunch.STARTED_BY) != null) {
            // a JVM started by ClassArchiveLaunch was given the quick compiler only already
            return false;
        }
        return addDirective();
    }

    /** True in a process that could take {@link #quickCompilerForSmallBatch} (so counting its batch's teachers is worth it). */
    public static boolean oneBatchProcess() {
        return oneBatch;
    }

    /**
     * For a process that runs one term-end batch and ends ({@code evaluate}, {@code benchmark}), once the batch turns out
     * small: the quick compiler only from here on. A small run ends before C2's work on the run's rule classes pays for
     * itself (measured on MariaDB: 10,000 teachers finish sooner without it, 100,000 sooner with it; the bound is
     * {@code yanxiu.batch.quick-compiler-teachers}). Never in {@code serve} or {@code worker}, which evaluate term after
     * term. True when the JVM took the directive.
     */
    public static boolean quickCompilerForSmallBatch() {
        return oneBatch && addDirective();
    }

    private static boolean addDirective() {
        Path file = null;
        try {
            file = ScratchSpace.file("yanxiu-jit", ".json");
            Files.writeString(file, DIRECTIVE, StandardCharsets.UTF_8);
            // the JVM answers "1 compiler directives added", or why it could not
            return diagnosticCommand("compilerDirectivesAdd", file.toString()).contains("added");
        } catch (Exception | LinkageError e) {
            // only a matter of speed: the command runs the same with both compilers
            return false;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (java.io.IOException e) {
                    file.toFile().deleteOnExit();
                }
            }
        }
    }

    /** A JVM diagnostic command (as {@code jcmd} runs them) in this process; its text output. */
    static String diagnosticCommand(String operation, String... arguments) throws javax.management.JMException {
        Object out = ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                operation, new Object[] {arguments}, new String[] {String[].class.getName()});
        return String.valueOf(out);
    }
}
