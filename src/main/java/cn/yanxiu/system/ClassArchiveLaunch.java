package cn.yanxiu.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs a command that starts Spring in a second JVM that maps Yanxiu's class archive ({@code yanxiu.jsa} beside the
 * jar, written by the build from a start of the application): the JVM then takes the 13,000-odd classes of Spring,
 * Hibernate and Flyway ready-made instead of reading, checking and linking each from the jars — {@code audit verify}
 * about 5.3 → 3.4 s, {@code evaluate}'s first line 6.8 → 4.3 s. {@code java -jar} cannot give the JVM such an option,
 * so this process starts the one that can, passes it its own JVM options, terminal and arguments, and ends with its
 * exit code. The rule-set commands that start no Spring run there too, with the quick compiler only and the build's
 * second, smaller archive of the rule compilers' classes ({@code yanxiu-rules.jsa}); every command there runs with
 * the parallel collector unless its JVM options name one.
 * <p>
 * The second JVM ends when this one is stopped (a stop signal is passed on and waited for) and halts when this one is
 * killed, so stopping or killing the command stops all of it. {@code serve} and {@code worker} stay one process (the
 * process a service manager starts is the one it stops). Without the archive, from a jar that has moved since the
 * build (the archive records the jars' paths; {@code yanxiu.jsa.jar} beside it says which jar it was made for), the
 * command runs in this process as before; on another JVM build the JVM ignores the archive and the command runs
 * without the gain. {@code -Dyanxiu.class-archive=off} runs it in this process, as does a JVM started with a profiler,
 * a flight recording or an agent (those are meant to see the command).
 */
public final class ClassArchiveLaunch {

    /** Set on the second JVM: the process id of the one that started it. */
    static final String STARTED_BY = "yanxiu.started-by";
    private static final String ARCHIVE = "yanxiu.jsa";
    /** The rule compilers' classes, for the rule-set commands that start no Spring ({@code rules validate} …). */
    private static final String RULE_CHECK_ARCHIVE = "yanxiu-rules.jsa";
    /** {@code on} (the default), {@code off}, or {@code write}: the build's run that writes the archive. */
    private static final String MODE = "yanxiu.class-archive";
    /** In the build's run that writes the rule-check archive: the class-loading log that names its classes. */
    private static final String LISTED_CLASSES = MODE + ".classes";
    private static final Set<String> SERVICES = Set.of("serve", "worker");

    private ClassArchiveLaunch() {
    }

    /**
     * The archive to start the command with, or null when it runs in this process: no archive beside the jar, or one
     * made for a jar elsewhere (the JVM would ignore it, having recorded the jars' paths), or this run writes it.
     */
    public static Path archiveFor(String[] args) {
        Path jar = jar();
        if (jar == null || System.getProperty(STARTED_BY) != null) {
            return null;
        }
        Path archive = jar.resolveSibling(ARCHIVE);
        Path madeFor = madeForMarker(jar);
        if (writesArchive()) {
            // the build's run that writes the archive (at its exit) records which jar it is for
            try {
                Files.writeString(madeFor, jar.toString(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("无法写入 " + madeFor, e);
            }
            return null;
        }
        if (!secondJvmAllowed() || args.length == 0 || SERVICES.contains(args[0])) {
            return null;
        }
        return madeForThisJar(jar, archive);
    }

    /**
     * The archive of the rule compilers' classes for a rule-set command that needs no Spring and runs in a second JVM
     * with the quick compiler ({@link #quickCompilerFor}), or null: about 4,000 classes of the two rule builds (Drools,
     * the Java parser and compiler) mapped instead of read from the jars, {@code rules validate} 4.53 → 4.04 s on average
     * (six alternated runs). Spring's archive is not used there: mapping its 84 MB cost what the classes saved.
     */
    public static Path ruleCheckArchiveFor(String[] args) {
        Path jar = jar();
        return jar == null || !quickCompilerFor(args) ? null : madeForThisJar(jar, jar.resolveSibling(RULE_CHECK_ARCHIVE));
    }

    /** The archive when it exists and the build wrote it for this jar where it is now (the JVM would ignore it otherwise). */
    private static Path madeForThisJar(Path jar, Path archive) {
        if (!Files.isRegularFile(archive)) {
            return null;
        }
        try {
            return Files.readString(madeForMarker(jar), StandardCharsets.UTF_8).equals(jar.toString()) ? archive : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The file in which the build's archive run names the jar both archives were made for. */
    private static Path madeForMarker(Path jar) {
        return jar.resolveSibling(ARCHIVE + ".jar");
    }

    /** True in the build's run that writes the rule-check archive: it only loads the listed classes ({@link #loadListedClasses}). */
    public static boolean writesRuleCheckArchive() {
        return writesArchive() && System.getProperty(LISTED_CLASSES) != null;
    }

    /**
     * Loads, without running anything in them, the classes that a class-loading log ({@code -Xlog:class+load} of the
     * build's {@code rules validate} of the sample rule set) names, so the JVM writes them into the rule-check archive at
     * exit. A run that compiled rules itself would also hold the rule build's lambda classes, and JDK 17 crashes writing
     * those; lambda and generated classes in the log (no jar or module as their source) are left out.
     */
    public static void loadListedClasses() throws IOException {
        ClassLoader loader = ClassLoader.getSystemClassLoader();
        for (String line : Files.readAllLines(Path.of(System.getProperty(LISTED_CLASSES)), StandardCharsets.UTF_8)) {
            // "[0.951s] org.example.Name source: file:/…/lib/x.jar" (or jrt:/java.xml, or shared objects file)
            String[] fields = line.split(" ");
            if (fields.length < 4 || !fields[2].equals("source:") || fields[1].contains("$$Lambda") || fields[1].contains("/")
                    || !(fields[3].startsWith("file:") || fields[3].startsWith("jrt:") || fields[3].equals("shared"))) {
                continue;
            }
            try {
                Class.forName(fields[1], false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // named in the log, absent here (a class the listing run made): nothing to keep
            }
        }
    }

    /**
     * True when a short command that needs no Spring ({@code rules validate}, {@code rules test} …) should run in a second
     * JVM with the quick compiler only ({@code -XX:TieredStopAtLevel=1}), which {@code java -jar} cannot ask for. The
     * directive {@link ShortCommandCompilation} adds in this process keeps the optimising compiler out, but the quick
     * one still compiles every method with the optimiser's profiling in it: {@code rules validate} 7.29 → 6.02 s on
     * average, 12.4 → 9.7 s of CPU (four runs each, alternated), for about 0.3 s of starting one more JVM. Not without
     * the packaged jar, from the second JVM itself, with {@code -Dyanxiu.class-archive=off}, or under a profiler.
     */
    public static boolean quickCompilerFor(String[] args) {
        return secondJvmAllowed() && ShortCommandCompilation.isShort(args);
    }

    /** From the packaged jar, not in a second JVM already, not switched off, no profiler or agent watching. */
    private static boolean secondJvmAllowed() {
        return jar() != null && System.getProperty(STARTED_BY) == null && "on".equals(System.getProperty(MODE, "on")) && !hasTools();
    }

    /** True in the build's run that writes the archive: what it loads is what every command will find mapped. */
    public static boolean writesArchive() {
        return "write".equals(System.getProperty(MODE));
    }

    /** A profiler, recording or agent on this JVM: it is meant to see the command, so the command stays here. */
    private static boolean hasTools() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(a -> a.startsWith("-XX:StartFlightRecording") || a.startsWith("-agentlib") || a.startsWith("-agentpath")
                        || a.startsWith("-javaagent"));
    }

    /** The jar this class was loaded from, as an absolute path (the build's archive records it so); null outside a jar. */
    static Path jar() {
        try {
            var source = ClassArchiveLaunch.class.getProtectionDomain().getCodeSource();
            Path location = source == null ? null : Path.of(source.getLocation().toURI()).toAbsolutePath();
            return location != null && location.toString().endsWith(".jar") ? location : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** Runs the command in the second JVM, with the archive or (null) without one; its exit code. */
    public static int run(Path archive, String[] args) throws java.io.IOException, InterruptedException {
        Process command = new ProcessBuilder(commandLine(archive, args)).inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // stopped (SIGTERM, Ctrl-C): the command gets the same signal and is let finish its own shutdown
            if (command.isAlive()) {
                command.destroy();
                try {
                    command.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "yanxiu-stop-command"));
        return command.waitFor();
    }

    static List<String> commandLine(Path archive, String[] args) {
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> given = ManagementFactory.getRuntimeMXBean().getInputArguments();
        line.addAll(given);
        if (given.stream().noneMatch(ClassArchiveLaunch::choosesCollector)) {
            // a command runs for throughput, not pause times: the parallel collector spends less of the two cores
            // than G1 (rules validate 4.15 -> 3.68 s, evaluate's batch of 10,000 teachers about 11 % more per second)
            line.add("-XX:+UseParallelGC");
        }
        if (archive != null) {
            line.add("-XX:SharedArchiveFile=" + archive);
            // an archive that does not fit this JVM or jar is skipped; the command's output stays the command's
            line.add("-Xlog:cds=off");
            line.add("-Xlog:cds+dynamic=off");
        }
        if (ShortCommandCompilation.isShort(args)) {
            line.add("-XX:TieredStopAtLevel=1");
        }
        line.add("-D" + STARTED_BY + "=" + ProcessHandle.current().pid());
        line.add("-jar");
        line.add(jar().toString());
        line.addAll(List.of(args));
        return line;
    }

    /** A JVM option that picks the garbage collector, which the user's choice then stays. */
    static boolean choosesCollector(String option) {
        return option.matches("-XX:[+-]Use\\w*GC");
    }

    /**
     * In the second JVM: halts it when the JVM that started it is gone (killed), as if the command had been killed. A
     * process whose parent ends is handed to another parent at once, before the dead one is reaped, so a change of
     * parent is the sign.
     */
    public static void followStarter() {
        String starter = System.getProperty(STARTED_BY);
        if (starter == null || !starter.matches("\\d{1,18}")) {
            // only the launch sets it, to a process id
            return;
        }
        long starterPid = Long.parseLong(starter);
        Thread watch = new Thread(() -> {
            while (ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) == starterPid) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Runtime.getRuntime().halt(137);
        }, "yanxiu-follow-starter");
        watch.setDaemon(true);
        watch.start();
    }
}
