package cn.yanxiu.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, as an administrator runs it: import the sample county, start the term-end batch,
 * kill the process (SIGKILL) midway, resume the run, and find exactly one result per teacher.
 */
class KilledRunFunctionalTests {

    private static final Pattern DONE = Pattern.compile("评价教师 ([\\d,]+) / ");

    @TempDir
    Path dir;

    @Test
    void killedRunResumesToExactlyOneResultPerTeacher() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("yanxiu").toAbsolutePath() + ";WRITE_DELAY=0";
        assertThat(run(url, "import", "data-samples").waitFor()).isZero();

        Process batch = start(url, "evaluate", "--term", "2025-2026-1", "--rules", "rules/2025-2026");
        int seen = waitForProgress(batch.getErrorStream());
        // the command runs in a second JVM (the class archive's); killing the first halts it within about 50 ms,
        // longer on a loaded machine: the database file is free only once both are gone
        List<ProcessHandle> command = batch.descendants().toList();
        batch.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        for (ProcessHandle process : command) {
            process.onExit().get(30, TimeUnit.SECONDS);
        }
        assertThat(seen).as("the batch must be killed midway").isBetween(1, 1029);

        long runId;
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            ResultSet rs = c.createStatement().executeQuery("SELECT id, status FROM evaluation_run");
            assertThat(rs.next()).isTrue();
            runId = rs.getLong(1);
            assertThat(rs.getString(2)).isEqualTo("RUNNING");
            int partial = count(c, "SELECT COUNT(*) FROM evaluation_result WHERE run_id = " + runId);
            assertThat(partial).as("results written before the kill").isBetween(1, 1029);
        }

        Process again = run(url, "evaluate", "--term", "2025-2026-1", "--rules", "rules/2025-2026");
        String refused = new String(again.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(again.waitFor()).isEqualTo(1);
        assertThat(refused).contains("已有运行 #" + runId + " 未结束", "evaluate --resume " + runId);

        Process resumed = run(url, "evaluate", "--resume", String.valueOf(runId));
        // both streams read at once, so a failure shows what the command said on each
        java.util.concurrent.CompletableFuture<String> said = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(resumed.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        String out = new String(resumed.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = resumed.waitFor();
        assertThat(exit).as(out + "\n--- stderr ---\n" + said.join()).isZero();
        assertThat(out).contains("运行 #" + runId + " 完成", "教师 1030 人");

        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            assertThat(count(c, "SELECT COUNT(*) FROM evaluation_result WHERE run_id = " + runId)).isEqualTo(1030);
            assertThat(count(c, "SELECT COUNT(DISTINCT teacher_id) FROM evaluation_result WHERE run_id = " + runId)).isEqualTo(1030);
            ResultSet rs = c.createStatement().executeQuery("SELECT status, teachers FROM evaluation_run WHERE id = " + runId);
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("COMPLETED");
            assertThat(rs.getInt(2)).isEqualTo(1030);
        }
    }

    private int waitForProgress(InputStream err) throws IOException {
        InputStreamReader reader = new InputStreamReader(err, StandardCharsets.UTF_8);
        StringBuilder text = new StringBuilder();
        int c;
        while ((c = reader.read()) != -1) {
            text.append((char) c);
            if (c == '）') {
                Matcher m = DONE.matcher(text);
                int done = -1;
                while (m.find()) {
                    done = Integer.parseInt(m.group(1).replace(",", ""));
                }
                if (done >= 400) {
                    return done;
                }
            }
        }
        return -1;
    }

    private Process run(String url, String... args) throws IOException {
        Process p = start(url, args);
        return p;
    }

    private Process start(String url, String... args) throws IOException {
        String[] command = new String[args.length + 5];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // one core makes the batch slow enough to be killed midway; the import needs no such brake
        command[1] = args[0].equals("import") ? "-XX:+UseSerialGC" : "-XX:ActiveProcessorCount=1";
        command[2] = "-Xmx1g";
        command[3] = "-jar";
        command[4] = "target/yanxiu.jar";
        System.arraycopy(args, 0, command, 5, args.length);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("SPRING_DATASOURCE_URL", url);
        builder.environment().put("YANXIU_EVALUATION_STALE_AFTER", "PT1S");
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return builder.start();
    }

    private static int count(Connection c, String sql) throws SQLException {
        ResultSet rs = c.createStatement().executeQuery(sql);
        rs.next();
        return rs.getInt(1);
    }
}
