package cn.yanxiu.support;

import java.net.InetSocketAddress;
import java.net.Socket;
import org.springframework.jdbc.core.JdbcTemplate;

/** The databases the integration tests run against: H2 always, MariaDB/MySQL whenever one is reachable. */
public final class Databases {

    public static final String MARIADB_URL = "jdbc:mysql://127.0.0.1:3306/test?useUnicode=true&characterEncoding=utf8"
            + "&rewriteBatchedStatements=true&allowPublicKeyRetrieval=true&useSSL=false"
            + "&allowLoadLocalInfileInPath=target/yanxiu-bulk"; // as the mysql profile: the importer's LOAD DATA reads only there

    private static Boolean reachable;

    private Databases() {
    }

    /** True when a MariaDB or MySQL server answers on 127.0.0.1:3306. Used by {@code @EnabledIf}. */
    public static synchronized boolean mariadbReachable() {
        if (reachable == null) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", 3306), 1000);
                reachable = true;
            } catch (Exception e) {
                reachable = false;
                System.err.println("[yanxiu-tests] No MariaDB/MySQL on 127.0.0.1:3306: the MariaDB integration tests are SKIPPED");
            }
        }
        return reachable;
    }

    /** A new in-memory H2 database with Yanxiu's migrations, for a test that needs the tables and nothing of Spring. */
    public static JdbcTemplate freshH2(String name) {
        var source = new org.springframework.jdbc.datasource.DriverManagerDataSource("jdbc:h2:mem:" + name + "-" + java.util.UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", "sa", "");
        org.flywaydb.core.Flyway.configure().dataSource(source).locations("classpath:db/migration", "classpath:db/vendor/h2").load().migrate();
        return new JdbcTemplate(source);
    }

    /** Empties every Yanxiu table, children first, so each test starts from nothing. */
    public static void clear(JdbcTemplate jdbc) {
        // a correction points at the entry it corrects: MySQL checks that row by row, so the links go first
        jdbc.update("UPDATE credit_entry SET corrects_id = NULL WHERE corrects_id IS NOT NULL");
        for (String table : new String[] {"import_job", "account_job", "SPRING_SESSION_ATTRIBUTES", "SPRING_SESSION", "login_failure", "evidence", "appeal", "audit_event", "user_account", "rule_activation", "rule_file_revision", "rule_file", "certificate", "certificate_key", "credit_step", "credit_entry", "run_publication", "evaluation_result", "run_lock", "evaluation_run", "rule_set_file", "rule_set_snapshot",
            "rule_file_snapshot", "BATCH_STEP_EXECUTION_CONTEXT", "BATCH_STEP_EXECUTION", "BATCH_JOB_EXECUTION_CONTEXT",
            "BATCH_JOB_EXECUTION_PARAMS", "BATCH_JOB_EXECUTION", "BATCH_JOB_INSTANCE", "import_file_teacher", "prior_hours", "ethics_record", "score_record", "activity", "leave_period",
            "teacher", "research_group", "term", "school", "district"}) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    /** Empties the database and imports the sample county from {@code data-samples}, every file without a problem. */
    public static void sampleCounty(JdbcTemplate jdbc, cn.yanxiu.importing.SpreadsheetImporter importer) throws java.io.IOException {
        clear(jdbc);
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(java.nio.file.Path.of("data-samples"))) {
            org.assertj.core.api.Assertions.assertThat(importer.importFiles(files.filter(p -> p.toString().endsWith(".csv") || p.toString().endsWith(".xlsx")).toList()))
                    .allSatisfy(r -> org.assertj.core.api.Assertions.assertThat(r.problems()).isEmpty());
        }
    }
}
