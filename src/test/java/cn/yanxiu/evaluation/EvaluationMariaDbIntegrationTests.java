package cn.yanxiu.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import cn.yanxiu.support.Databases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.context.SpringBootTest;

/** The term-end batch contract on MariaDB/MySQL (database {@code test} on 127.0.0.1:3306), skipped when none answers. */
@SpringBootTest(properties = {
    "spring.datasource.url=" + Databases.MARIADB_URL,
    "spring.datasource.username=root",
    "spring.datasource.password="})
@EnabledIf(value = "cn.yanxiu.support.Databases#mariadbReachable", disabledReason = "no MariaDB/MySQL on 127.0.0.1:3306")
class EvaluationMariaDbIntegrationTests extends EvaluationContractTests {

    @Test
    void aRunWhoseDatabaseConnectionsAreKilledResumesToExactlyOneResultPerTeacher() throws Exception {
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            Future<EvaluationRuns.Run> first = background.submit(() -> evaluation.evaluate(TERM, RULES, "全部", "connection-kill", null));
            long runId = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                    .until(() -> jdbc.queryForObject("SELECT MAX(id) FROM evaluation_run WHERE started_by = 'connection-kill'", Long.class),
                            id -> id != null && jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_result WHERE run_id = ?", Integer.class, id) > 0);
            int killed = killEveryOtherConnection();
            assertThat(killed).isPositive();

            Throwable failure = catchThrowable(first::get);
            assertThat(failure).as("the killed run reports itself interrupted").isNotNull();
            assertThat(failure.getCause()).isInstanceOf(EvaluationRuns.RunRefused.class);
            assertThat(failure.getCause().getMessage()).contains("evaluate --resume " + runId);
            EvaluationRuns.Run stopped = runs.find(runId).orElseThrow();
            assertThat(stopped.status()).isEqualTo("INTERRUPTED");

            EvaluationRuns.Run resumed = evaluation.resume(runId, null);
            assertThat(resumed.completed()).isTrue();
            int teachers = jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_result WHERE run_id = ?", Integer.class, run.id());
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_result WHERE run_id = ?", Integer.class, runId)).isEqualTo(teachers);
            assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT teacher_id) FROM evaluation_result WHERE run_id = ?", Integer.class, runId))
                    .isEqualTo(teachers);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_result a JOIN evaluation_result b ON a.teacher_id = b.teacher_id "
                    + "WHERE a.run_id = ? AND b.run_id = ? AND (a.grade <> b.grade OR a.final_score <> b.final_score)", Integer.class, runId, run.id()))
                    .as("the resumed run grades every teacher as an uninterrupted run did").isZero();
        } finally {
            background.shutdownNow();
        }
    }

    /** What a restarted database server or a network blip does to the batch: every connection but this one dies. */
    private static int killEveryOtherConnection() throws SQLException {
        try (Connection admin = DriverManager.getConnection(Databases.MARIADB_URL, "root", "");
             Statement statement = admin.createStatement()) {
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(
                    "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND ID <> CONNECTION_ID()")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            int killed = 0;
            for (long id : ids) {
                try {
                    statement.execute("KILL " + id);
                    killed++;
                } catch (SQLException gone) {
                    // ended by itself in the meantime
                }
            }
            return killed;
        }
    }
}
