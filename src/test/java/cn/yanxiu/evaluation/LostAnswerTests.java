package cn.yanxiu.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import cn.yanxiu.importing.ImportResult;
import cn.yanxiu.importing.SpreadsheetImporter;
import cn.yanxiu.support.Databases;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLNonTransientConnectionException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Work the database did that Yanxiu never heard of. A chunk committed whose answer was lost (the connection died
 * between the server's commit and the reply): Spring Batch takes the chunk for lost and stores the restart point from
 * before it, so the resumed run reads those teachers again — their results are stored once. A job that ended whose
 * run was never marked ended: resuming it ends it. An imported file whose commit was not answered: the importer says it
 * cannot know, not that nothing was stored.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:lost-commit-answer;DB_CLOSE_DELAY=-1")
@Import(LostAnswerTests.AnswerLostAfterCommit.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LostAnswerTests {

    @Autowired
    SpreadsheetImporter importer;

    @Autowired
    EvaluationService evaluation;

    @Autowired
    EvaluationRuns runs;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    void sampleCounty() throws IOException {
        Databases.sampleCounty(jdbc, importer);
    }

    @Test
    void aChunkCommittedWhoseAnswerWasLostIsStoredOnceWhenTheRunResumes() throws IOException {
        AnswerLostAfterCommit.ARMED.set("INSERT INTO evaluation_result");
        Throwable failure = catchThrowable(() -> evaluation.evaluate(EvaluationContractTests.TERM, EvaluationContractTests.RULES, "全部", "lost-answer", null));
        assertThat(AnswerLostAfterCommit.ARMED).as("a chunk of results was committed and its answer lost").hasNullValue();
        long runId = jdbc.queryForObject("SELECT MAX(id) FROM evaluation_run WHERE started_by = 'lost-answer'", Long.class);
        assertThat(failure).isInstanceOf(EvaluationRuns.RunRefused.class).hasMessageContaining("evaluate --resume " + runId)
                .as("says what the partition met, not that a partition failed").hasMessageContaining("Communications link failure after the commit was sent");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_result WHERE run_id = ?", Integer.class, runId))
                .as("the chunk whose answer was lost is in the database").isPositive();

        List<Path> foldersBefore = ruleFolders();
        EvaluationRuns.Run resumed = evaluation.resume(runId, null);
        assertThat(ruleFolders()).as("the rule set restored from its snapshot leaves no folder behind").isEqualTo(foldersBefore);

        assertThat(resumed.completed()).isTrue();
        assertThat(resumed.teachers()).isEqualTo(1030);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_result WHERE run_id = ?", Integer.class, runId)).isEqualTo(1030);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT teacher_id) FROM evaluation_result WHERE run_id = ?", Integer.class, runId)).isEqualTo(1030);
        assertThat(runs.gradeCounts(runId).values().stream().mapToLong(Number::longValue).sum()).isEqualTo(1030);
    }

    @Test
    void aRunWhoseJobEndedButWhoseEndWasNeverRecordedResumesToItsEnd() throws IOException {
        EvaluationRuns.Run finished = evaluation.evaluate(EvaluationContractTests.TERM, EvaluationContractTests.RULES, "全部", "end-lost", null);
        var grades = runs.gradeCounts(finished.id());
        // every teacher written and the job ended, then the process died (or the database went away) before the run was marked
        // completed: the run is as a killed one leaves it
        jdbc.update("UPDATE evaluation_run SET status = 'INTERRUPTED', finished_at = NULL, grade_counts = NULL WHERE id = ?", finished.id());
        jdbc.update("INSERT INTO run_lock (term_id, run_id) VALUES (?, ?)", EvaluationContractTests.TERM, finished.id());

        EvaluationRuns.Run resumed = evaluation.resume(finished.id(), null);

        assertThat(resumed.completed()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_result WHERE run_id = ?", Integer.class, finished.id())).isEqualTo(1030);
        assertThat(resumed.gradeCounts()).isEqualTo(finished.gradeCounts()).isNotBlank();
        assertThat(runs.gradeCounts(finished.id())).isEqualTo(grades);
    }

    @Test
    void aFileWhoseCommitWasNeverAnsweredSaysItMayBeStoredAndImportingItAgainSettlesIt(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path ethics = dir.resolve("ethics.csv");
        Files.writeString(ethics, "工号,学期编号,师德达标,日期,情况说明\nT0000001,2025-2026-1,否,2026-01-04,丢失应答\n");

        AnswerLostAfterCommit.ARMED.set("INSERT INTO ethics_record");
        ImportResult lost = importer.importFiles(List.of(ethics)).get(0);

        assertThat(AnswerLostAfterCommit.ARMED).as("the file was committed and its answer lost").hasNullValue();
        assertThat(lost.problems()).singleElement().satisfies(p -> assertThat(p.toString()).contains("无法确定", "再导入一次").doesNotContain("未导入任何数据"));
        assertThat(jdbc.queryForObject("SELECT description FROM ethics_record WHERE teacher_id = 'T0000001' AND term_id = '2025-2026-1'", String.class))
                .as("the server did store it").isEqualTo("丢失应答");
        ImportResult again = importer.importFiles(List.of(ethics)).get(0);
        assertThat(again.problems()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ethics_record WHERE teacher_id = 'T0000001' AND term_id = '2025-2026-1'", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT description FROM ethics_record WHERE teacher_id = 'T0000001' AND term_id = '2025-2026-1'", String.class))
                .isEqualTo("丢失应答");
    }

    /** This process's restored rule folders (another test JVM may be restoring its own meanwhile). */
    private static List<Path> ruleFolders() throws IOException {
        String ours = "." + ProcessHandle.current().pid() + ".";
        try (Stream<Path> temp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return temp.filter(p -> p.getFileName().toString().startsWith("yanxiu-rules-") && p.getFileName().toString().contains(ours)).sorted().toList();
        }
    }

    /**
     * Wraps the application's connections: once armed with the start of a statement, the next commit of a transaction
     * that prepared it reaches the database and then fails as a dropped connection does (SQL state 08S01).
     */
    @TestConfiguration
    static class AnswerLostAfterCommit {

        /** The statement whose transaction's commit answer is lost next, or null. */
        static final AtomicReference<String> ARMED = new AtomicReference<>();

        @Bean
        static BeanPostProcessor commitAnswersLost() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource source && !(bean instanceof DelegatingDataSource) ? new DelegatingDataSource(source) {
                        @Override
                        public Connection getConnection() throws java.sql.SQLException {
                            return answerLost(super.getConnection());
                        }
                    } : bean;
                }
            };
        }

        private static Connection answerLost(Connection connection) {
            boolean[] wroteResults = {false};
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                String armed = ARMED.get();
                if (armed != null && method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql && sql.startsWith(armed)) {
                    wroteResults[0] = true;
                }
                Object result;
                try {
                    result = method.invoke(connection, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
                if (method.getName().equals("commit") || method.getName().equals("rollback")) {
                    boolean lose = method.getName().equals("commit") && wroteResults[0] && ARMED.getAndSet(null) != null;
                    wroteResults[0] = false;
                    if (lose) {
                        throw new SQLNonTransientConnectionException("Communications link failure after the commit was sent", "08S01");
                    }
                }
                return result;
            });
        }
    }
}
