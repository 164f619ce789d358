package cn.yanxiu.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The term-end batch across machines, with the packaged jar as an operator runs it: a manager process
 * (YANXIU_BATCH_WORKERS=rabbitmq) and two {@code worker} processes over RabbitMQ and one MariaDB. The first
 * worker is killed with SIGKILL while it holds a partition; the second takes that partition back from the
 * queue and the rest; the run ends with exactly one result per teacher and the same grades as a run of the
 * single process.
 */
@EnabledIf("cn.yanxiu.support.Databases#mariadbReachable")
class RemoteWorkersFunctionalTests {

    private static final String DATABASE = cn.yanxiu.support.FunctionalCounty.DATABASE;
    private static final String JDBC = cn.yanxiu.support.FunctionalCounty.JDBC;
    /** A queue of this test's own, so no message of another run (or another database) is in it. */
    private final String queue = "yanxiu.test.partitions." + System.nanoTime();
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        processes.forEach(Process::destroyForcibly);
        // a run this test left unfinished must not hold the term for the other functional tests
        try (Connection c = DriverManager.getConnection(JDBC, "root", "")) {
            c.createStatement().executeUpdate("UPDATE evaluation_run SET status = 'ABANDONED' WHERE status IN ('RUNNING', 'INTERRUPTED')");
            c.createStatement().executeUpdate("DELETE FROM run_lock");
        }
    }

    @Test
    void aWorkerKilledMidPartitionLeavesItToTheOtherAndTheGradesAreThoseOfOneProcess() throws Exception {
        cn.yanxiu.support.FunctionalCounty.database();
        int before = count("SELECT COALESCE(MAX(id), 0) FROM evaluation_run");

        Process first = jar("worker");
        awaitLine("first worker", "worker");
        Process manager = jar(Map.of("YANXIU_BATCH_WORKERS", "rabbitmq"), "evaluate", "--term", "2025-2026-1", "--rules", "rules/2025-2026");
        // the first worker takes a partition (it is the only one listening)
        org.awaitility.Awaitility.await("a partition under way on the first worker").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> count("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'evaluateTeachers:%' AND STATUS = 'STARTED'") > 0);
        long run = count("SELECT MAX(id) FROM evaluation_run");
        assertThat(run).as("the manager's run").isGreaterThan(before);
        // killed at once: the worker is compiling the run's rule set or evaluating the partition's first teachers. (Waiting
        // for its first chunk was a race: a partition of fewer teachers than a chunk is complete with its first commit.)
        first.destroyForcibly().waitFor();
        int startedAtKill = count("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'evaluateTeachers:%' AND STATUS = 'STARTED'");
        int resultsAtKill = count("SELECT COUNT(*) FROM evaluation_result WHERE run_id = " + run);
        assertThat(startedAtKill).as("the killed worker held a partition it had not finished").isPositive();
        assertThat(resultsAtKill).isLessThan(1030);

        Process second = jar("worker");
        assertThat(manager.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)).as("the manager finished").isTrue();
        String managerSaid = Files.readString(log("evaluate"));
        assertThat(manager.exitValue()).as(managerSaid).isZero();
        assertThat(managerSaid).contains("运行 #" + run + " 完成");
        // the seconds before the first teacher are accounted for: the rules being compiled, then ready
        assertThat(managerSaid).containsSubsequence("校验并编译规则集 rules/2025-2026 …", "规则集已就绪：", "评价教师");
        assertThat(managerSaid).containsPattern("规则集已就绪：\\d+ 条规则，用时 [\\d.]+ 秒");
        assertThat(Files.readString(log("worker-2"))).as("the second worker did the partitions").contains("COMPLETED");
        second.destroyForcibly();

        assertThat(count("SELECT COUNT(*) FROM evaluation_result WHERE run_id = " + run)).isEqualTo(1030);
        assertThat(count("SELECT COUNT(DISTINCT teacher_id) FROM evaluation_result WHERE run_id = " + run)).isEqualTo(1030);
        assertThat(count("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION s JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID "
                + "AND p.PARAMETER_NAME = 'runId' AND p.PARAMETER_VALUE = '" + run + "' WHERE s.STEP_NAME LIKE 'evaluateTeachers:%' AND s.STATUS <> 'COMPLETED'"))
                .as("every partition of the run finished").isZero();

        // the same term in one process, as without workers: the same grade for every teacher
        Process alone = jar("evaluate", "--term", "2025-2026-1", "--rules", "rules/2025-2026");
        assertThat(alone.waitFor()).as(Files.readString(log("evaluate"))).isZero();
        long single = count("SELECT MAX(id) FROM evaluation_run");
        assertThat(single).isGreaterThan(run);
        assertThat(grades(single)).isEqualTo(grades(run));
    }

    private Map<String, String> grades(long run) throws Exception {
        Map<String, String> grades = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(JDBC, "root", "");
             var rs = c.createStatement().executeQuery("SELECT teacher_id, grade, final_score, certificate FROM evaluation_result WHERE run_id = " + run)) {
            while (rs.next()) {
                grades.put(rs.getString(1), rs.getString(2) + " " + rs.getBigDecimal(3) + " " + rs.getBoolean(4));
            }
        }
        assertThat(grades).hasSize(1030);
        return grades;
    }

    private int workers;

    private Process jar(String... args) throws IOException {
        return jar(Map.of(), args);
    }

    private Process jar(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                "-XX:TieredStopAtLevel=1", "-XX:ActiveProcessorCount=1", "-jar", "target/yanxiu.jar"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("SPRING_PROFILES_ACTIVE", "mysql");
        builder.environment().put("YANXIU_DB_NAME", DATABASE);
        builder.environment().put("YANXIU_BATCH_QUEUE", queue);
        // partitions of a few hundred teachers: more than one to share out, each more than one chunk, so the
        // first worker is killed between two chunks of a partition it holds
        builder.environment().put("YANXIU_BATCH_PARTITION_TEACHERS", "450");
        builder.environment().putAll(env);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.redirectErrorStream(true);
        String name = args[0].equals("worker") ? "worker-" + (++workers) : args[0];
        builder.redirectOutput(log(name).toFile());
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private static Path log(String name) {
        return Path.of("target", "remote-" + name + ".log");
    }

    private void awaitLine(String what, String name) {
        org.awaitility.Awaitility.await(what + " ready").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> Files.exists(log(name + "-" + workers)) && Files.readString(log(name + "-" + workers)).contains("评价工作进程已就绪"));
    }

    private static int count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(JDBC, "root", ""); var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
