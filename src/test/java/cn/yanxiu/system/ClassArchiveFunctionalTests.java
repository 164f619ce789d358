package cn.yanxiu.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged build's class archive, as a user meets it: a command that starts Spring runs in a second JVM that maps
 * the archive, says and exits what the command says and exits, and dies with the command when the command is killed.
 */
class ClassArchiveFunctionalTests {

    private static final Path JAR = Path.of("target/yanxiu.jar");

    @TempDir
    Path dir;

    private static final List<String> CLASS_LOADING = List.of("-Xlog:class+load=info:stdout");

    @Test
    void theBuildWritesTheArchiveAndACommandMapsIt() throws Exception {
        assertThat(Path.of("target/yanxiu.jsa")).isRegularFile();
        Result verify = run(JAR, CLASS_LOADING, "audit", "verify");
        assertThat(verify.exit()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("审计日志完整").contains("source: shared objects file (top)");
        assertThat(processes(verify)).as("the command's JVM and the one that started it").isEqualTo(2);
    }

    @Test
    void aCommandThatKeepsNoJpaRecordsStartsNoHibernateAndOneThatKeepsThemDoes() throws Exception {
        Result verify = run(JAR, CLASS_LOADING, "audit", "verify");
        assertThat(verify.out()).contains("审计日志完整").doesNotContain("org.hibernate.internal.SessionFactoryImpl ");
        assertThat(verify.err()).as("a new database: its tables made first, and said").contains("新数据库：建立数据表 …", "数据库表已就绪");
        Result publications = run(JAR, CLASS_LOADING, "publish", "--term", "2025-2026-1");
        assertThat(publications.err()).as("the same database, current").doesNotContain("数据库表");
        assertThat(publications.exit()).as(publications.err()).isZero();
        assertThat(publications.out()).contains("学期 2025-2026-1 还没有发布正式结果").contains("org.hibernate.internal.SessionFactoryImpl ");
    }

    @Test
    void theCommandsMessageAndExitCodeComeThrough() throws Exception {
        Result explain = run(JAR, List.of(), "explain", "--term", "2025-2026-1", "--teacher", "NOBODY");
        assertThat(explain.exit()).isEqualTo(1);
        assertThat(explain.err()).contains("2025-2026-1");
    }

    @Test
    void switchedOffOrUnderAFlightRecordingTheCommandStaysInOneProcess() throws Exception {
        List<String> off = new ArrayList<>(CLASS_LOADING);
        off.add("-Dyanxiu.class-archive=off");
        Result switchedOff = run(JAR, off, "audit", "verify");
        assertThat(switchedOff.exit()).as(switchedOff.err()).isZero();
        assertThat(switchedOff.out()).contains("审计日志完整").doesNotContain("shared objects file (top)");
        assertThat(processes(switchedOff)).isEqualTo(1);
        List<String> recording = new ArrayList<>(CLASS_LOADING);
        recording.add("-XX:StartFlightRecording=filename=" + dir.resolve("r.jfr"));
        Result recorded = run(JAR, recording, "audit", "verify");
        assertThat(recorded.out()).contains("审计日志完整");
        assertThat(processes(recorded)).isEqualTo(1);
    }

    @Test
    void aRuleCheckRunsInASecondJvmWithTheQuickCompilerOnlyAndSaysWhatItFound() throws Exception {
        Path broken = Files.createDirectories(dir.resolve("broken"));
        try (var files = Files.list(Path.of("rules/2025-2026"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, broken.resolve(f.getFileName()));
            }
        }
        Files.writeString(broken.resolve("grading.drl"), Files.readString(broken.resolve("grading.drl")).replace("\nthen\n", "\nthn\n"));
        List<String> flags = new ArrayList<>(CLASS_LOADING);
        flags.add("-XX:+PrintFlagsFinal");
        Result checked = run(JAR, flags, "rules", "validate", broken.toString());
        assertThat(processes(checked)).as("the command's JVM and the one that started it").isEqualTo(2);
        assertThat(checked.out()).as("the second JVM's flags").containsPattern("TieredStopAtLevel\\s+= 1 ")
                .containsPattern("UseParallelGC\\s+= true ");
        // the rule compilers' classes come from the build's rule-check archive, not from the jars
        assertThat(Path.of("target/yanxiu-rules.jsa")).isRegularFile();
        assertThat(checked.out()).containsPattern("org\\.drools\\.\\S+ source: shared objects file \\(top\\)");
        // what the check found, and its exit code, come through the first JVM as they are
        assertThat(checked.exit()).isEqualTo(1);
        assertThat(checked.err()).contains("未通过校验").containsPattern("grading\\.drl:\\d+:\\d+: ");
    }

    @Test
    void aCollectorChosenForTheCommandIsTheOneItRunsWith() throws Exception {
        List<String> flags = new ArrayList<>(CLASS_LOADING);
        flags.addAll(List.of("-XX:+UseSerialGC", "-XX:+PrintFlagsFinal"));
        Result chosen = run(JAR, flags, "audit", "verify");
        assertThat(chosen.exit()).as(chosen.err()).isZero();
        assertThat(processes(chosen)).isEqualTo(2);
        assertThat(chosen.out()).contains("审计日志完整").containsPattern("UseSerialGC\\s+= true ").doesNotContainPattern("UseParallelGC\\s+= true ");
    }

    @Test
    void aJarMovedWithItsArchiveRunsInOneProcess() throws Exception {
        Path moved = Files.createDirectories(dir.resolve("moved"));
        for (String name : List.of("yanxiu.jar", "yanxiu.jsa", "yanxiu.jsa.jar")) {
            Files.copy(Path.of("target", name), moved.resolve(name));
        }
        Files.createSymbolicLink(moved.resolve("lib"), Path.of("target/lib").toAbsolutePath());
        Result verify = run(moved.resolve("yanxiu.jar"), CLASS_LOADING, "audit", "verify");
        assertThat(verify.exit()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("审计日志完整");
        assertThat(processes(verify)).as("the archive names the jar it was made for: the JVM would not map it here").isEqualTo(1);
    }

    /** JVMs that ran: each loads Yanxiu's entry point once. */
    private static long processes(Result result) {
        return result.out().lines().filter(l -> l.contains(" cn.yanxiu.Main source:")).count();
    }

    @Test
    void killingTheCommandLeavesNothingRunning() throws Exception {
        Process command = start(JAR, List.of(), "import", "data-samples");
        ProcessHandle second = await().atMost(Duration.ofSeconds(10))
                .until(() -> command.toHandle().children().findFirst().orElse(null), java.util.Objects::nonNull);
        // killed midway, once the command has begun its work (its first file imported)
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(command.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("✔"));
            assertThat(line).as("the command's first file").isNotNull();
            command.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        await("the second JVM once the command is killed").atMost(Duration.ofSeconds(3)).until(() -> !second.isAlive());
    }

    private record Result(int exit, String out, String err) {
    }

    private Result run(Path jar, List<String> jvm, String... args) throws Exception {
        Process p = start(jar, jvm, args);
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        String out = read(p.getInputStream());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out, err.join());
    }

    private Process start(Path jar, List<String> jvm, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dfile.encoding=UTF-8"));
        command.addAll(jvm);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("SPRING_DATASOURCE_URL", "jdbc:h2:file:" + dir.resolve("yanxiu") + ";WRITE_DELAY=0");
        builder.environment().remove("SPRING_PROFILES_ACTIVE");
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        return builder.start();
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
