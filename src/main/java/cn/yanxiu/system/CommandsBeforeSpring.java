package cn.yanxiu.system;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/**
 * What the command line can do before Spring, the database and Hibernate start: answer {@code --help},
 * {@code -V} and a bare {@code yanxiu}, and run the commands that need no stored data ({@code rules validate},
 * {@code rules test}, {@code generate}). The command tree is read from the command classes alone; help needs only their
 * annotations, so a command object whose constructor wants services is made without calling it.
 */
public final class CommandsBeforeSpring {

    private static final Set<String> HELP = Set.of("-h", "--help", "-V", "--version");
    static final String COMMANDS = "META-INF/yanxiu/commands.txt";

    private CommandsBeforeSpring() {
    }

    /** Top-level commands that touch no database and no Spring bean. */
    private static final Set<String> PLAIN = Set.of("rules", "generate");

    /** True when this class can answer the arguments alone: help, the version, nothing, or a plain command. */
    public static boolean wanted(String[] args) {
        if (plain(args)) {
            return true;
        }
        return args.length == 0 || asksForHelp(args);
    }

    /** True when an argument before {@code --} asks for help or the version. */
    static boolean asksForHelp(String[] args) {
        return Arrays.stream(args).takeWhile(a -> !a.equals("--")).anyMatch(HELP::contains);
    }

    private static boolean plain(String[] args) {
        return args.length > 0 && PLAIN.contains(args[0]) && !DatabaseChoice.usesStoredData(args);
    }

    /** Prints the help or version asked for, or runs the plain command; the exit code. */
    public static int answer(String[] args) {
        if (plain(args)) {
            // help and the version log nothing: only a command that runs rules needs the logging set up
            quietLogging(StartupFailure.verbose(args));
        }
        CommandLine line = new CommandLine(new YanxiuCommand(), CommandsBeforeSpring::withoutConstructor);
        String wanted = args.length > 0 && !args[0].startsWith("-") ? args[0] : null;
        for (Class<?> command : subcommandClasses()) {
            picocli.CommandLine.Command annotation = command.getAnnotation(picocli.CommandLine.Command.class);
            if (annotation != null && !annotation.name().equals(wanted)) {
                // only the command asked for is read in full; the others need only their name and summary for the list
                line.addSubcommand(annotation.name(), new CommandLine(listed(annotation)));
            } else {
                line.addSubcommand(withoutConstructor(command));
            }
        }
        CommandLineEntry.handleErrors(line);
        line.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        if (args.length == 0) {
            line.usage(line.getOut());
            return 0;
        }
        return line.execute(args);
    }

    /**
     * Without Spring, logback would print every engine message at DEBUG. The person at the terminal reads Yanxiu's
     * own report of each problem; the engine's log only with --verbose.
     */
    private static void quietLogging(boolean verbose) {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logback) {
            logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
            ch.qos.logback.classic.Level engine = verbose ? ch.qos.logback.classic.Level.WARN : ch.qos.logback.classic.Level.OFF;
            logback.getLogger("org.drools").setLevel(engine);
            logback.getLogger("org.kie").setLevel(engine);
        }
    }

    /** A sub-command as the top-level list shows it: its name and description, nothing read from its fields. */
    private static picocli.CommandLine.Model.CommandSpec listed(picocli.CommandLine.Command annotation) {
        picocli.CommandLine.Model.CommandSpec spec = picocli.CommandLine.Model.CommandSpec.create().name(annotation.name());
        spec.usageMessage().description(annotation.description());
        spec.mixinStandardHelpOptions(annotation.mixinStandardHelpOptions());
        return spec;
    }

    /** The sub-command classes listed in {@value #COMMANDS} (a classpath scan would take longer than the whole answer). */
    static List<Class<?>> subcommandClasses() {
        List<Class<?>> classes = new ArrayList<>();
        try (var in = CommandsBeforeSpring.class.getClassLoader().getResourceAsStream(COMMANDS)) {
            if (in == null) {
                throw new IllegalStateException("缺少 " + COMMANDS);
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    classes.add(Class.forName(name, false, CommandsBeforeSpring.class.getClassLoader()));
                }
            }
        } catch (java.io.IOException | ClassNotFoundException e) {
            throw new IllegalStateException("无法读取命令列表 " + COMMANDS, e);
        }
        return classes;
    }

    /** A command object for its annotations only: a no-argument constructor if it has one, else none is called. */
    @SuppressWarnings("unchecked")
    private static <K> K withoutConstructor(Class<K> type) {
        try {
            if (Arrays.stream(type.getDeclaredConstructors()).anyMatch(c -> c.getParameterCount() == 0)) {
                Constructor<K> plain = type.getDeclaredConstructor();
                plain.setAccessible(true);
                return plain.newInstance();
            }
            Constructor<Object> object = Object.class.getDeclaredConstructor();
            Constructor<?> bare = sun.reflect.ReflectionFactory.getReflectionFactory().newConstructorForSerialization(type, object);
            return (K) bare.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("无法读取命令 " + type.getName(), e);
        }
    }
}
