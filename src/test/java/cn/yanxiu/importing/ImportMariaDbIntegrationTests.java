package cn.yanxiu.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yanxiu.support.Databases;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;

/** The import contract on MariaDB/MySQL (database {@code test} on 127.0.0.1:3306), skipped when none answers. */
@SpringBootTest(properties = {
    "spring.datasource.url=" + Databases.MARIADB_URL,
    "spring.datasource.username=root",
    "spring.datasource.password="})
@EnabledIf(value = "cn.yanxiu.support.Databases#mariadbReachable", disabledReason = "no MariaDB/MySQL on 127.0.0.1:3306")
class ImportMariaDbIntegrationTests extends ImportContractTests {

    @Override
    boolean loadsInBulk() {
        return true;
    }

    /**
     * A file goes in as one transaction, and InnoDB keeps that transaction's row locks in its buffer pool until it ends:
     * a lock per row would bound a file's size by the server's memory (error 1206). Between its parts the open file
     * holds a few locks, not one per row (measured at province size when the server still checked each row's foreign
     * keys and locked its teacher and term: 323,200 locks after 41.3 million rows of about 330,000 teachers).
     */
    @Test
    void anOpenFileHoldsALockPerTeacherNotPerRow() throws Exception {
        Path file = activityFile("long.csv", "T1", 25_000);
        // past 20,000 rows read the first part of 10,000 has been handed to the database; the file's transaction stays open
        try (HeldImport importing = new HeldImport(file, 20_000)) {
            assertThat(importing.held()).isTrue();
            Map<String, Object> trx = Map.of();
            for (long until = System.nanoTime() + 60_000_000_000L; System.nanoTime() < until; ) {
                List<Map<String, Object>> open = jdbc.queryForList(
                        "SELECT t.trx_rows_modified, t.trx_rows_locked FROM information_schema.INNODB_TRX t "
                        + "JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id WHERE p.DB = DATABASE() AND t.trx_rows_modified >= 10000 "
                        // between two parts: while a part loads, the count is not settled
                        + "AND p.COMMAND = 'Sleep'");
                if (!open.isEmpty()) {
                    trx = open.get(0);
                    break;
                }
                Thread.onSpinWait();
            }
            assertThat(trx).as("the import's open transaction, 10,000 rows written").isNotEmpty();
            assertThat(((Number) trx.get("trx_rows_locked")).longValue()).as("rows locked by 10,000 rows of one teacher").isLessThan(100);
            assertThat(importing.finish().problems()).isEmpty();
            assertThat(count("activity")).isEqualTo(25_000);
        }
    }

    /**
     * The server's foreign-key check is off only while a part loads (the importer checked every teacher and term):
     * after an import of three parts every connection of the pool checks keys again, and the keys are still there.
     */
    @Test
    void afterABulkImportEveryConnectionChecksForeignKeysAgain(@Autowired DataSource dataSource) throws Exception {
        assertThat(importer.importFiles(List.of(activityFile("three-parts.csv", "T1", 25_000)))).singleElement()
                .satisfies(r -> assertThat(r.problems()).isEmpty());
        List<Connection> all = new ArrayList<>();
        try {
            for (int i = 0; i < dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize(); i++) {
                all.add(dataSource.getConnection());
            }
            for (Connection c : all) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT @@SESSION.foreign_key_checks")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(1);
                }
            }
        } finally {
            for (Connection c : all) {
                c.close();
            }
        }
        assertThatThrownBy(() -> jdbc.update("INSERT INTO activity (teacher_id, term_id, type, activity_date, hours, quantity, record_key, source_file) "
                + "VALUES ('NOBODY', '2025-2026-1', 'SELF_STUDY', DATE '2025-09-01', 1, 1, 'NOBODY/1', 'hand')"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
