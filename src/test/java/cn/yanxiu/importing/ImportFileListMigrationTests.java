package cn.yanxiu.importing;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database imported before the files' teacher lists existed (schema version 24) is upgraded with a list for every
 * file its logs hold, so the first re-import after the upgrade still finds and replaces the file's earlier rows.
 */
class ImportFileListMigrationTests {

    private static final String[] LOCATIONS = {"classpath:db/migration", "classpath:db/vendor/h2"};

    @Test
    void anUpgradeListsTheTeachersOfEveryFileAlreadyImportedAndDropsTheSourceIndex() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:import-file-list-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        migrate(dataSource, "24");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("INSERT INTO district (id, name) VALUES ('D1', '样本县')");
        jdbc.update("INSERT INTO school (id, name, district_id, kind) VALUES ('S1', '茶店小学', 'D1', 'PRIMARY')");
        jdbc.update("INSERT INTO term (id, academic_year, term_no, name, start_date, end_date, teaching_weeks) "
                + "VALUES ('2025-2026-1', '2025-2026', 1, '第一学期', DATE '2025-09-01', DATE '2026-01-11', 19)");
        for (String teacher : new String[] {"T1", "T2", "T3"}) {
            jdbc.update("INSERT INTO teacher (id, name, school_id, roles, birth_year, teaching_years) VALUES (?, '某', 'S1', '教师', 1990, 5)", teacher);
        }
        String activity = "INSERT INTO activity (teacher_id, term_id, type, activity_date, hours, quantity, record_key, source_file) "
                + "VALUES (?, '2025-2026-1', 'SELF_STUDY', DATE '2025-09-10', 1, 1, ?, ?)";
        jdbc.update(activity, "T1", "T1/a", "[茶店] 活动.csv");
        jdbc.update(activity, "T1", "T1/b", "[茶店] 活动.csv");
        jdbc.update(activity, "T2", "T2/a", "[茶店] 活动.csv");
        jdbc.update(activity, "T3", "T3/a", "补录.xlsx");
        jdbc.update("INSERT INTO score_record (teacher_id, term_id, kind, score, recorded_on, record_key, source_file) "
                + "VALUES ('T2', '2025-2026-1', 'SELF', 90, DATE '2025-12-01', 'T2/s', '评分.csv')");

        migrate(dataSource, null);

        assertThat(jdbc.queryForList("SELECT log_table, source_file, teacher_id FROM import_file_teacher ORDER BY log_table, source_file, teacher_id")
                .stream().map(r -> r.values().toString()).toList())
                .containsExactly("[activity, [茶店] 活动.csv, T1]", "[activity, [茶店] 活动.csv, T2]", "[activity, 补录.xlsx, T3]",
                        "[score_record, 评分.csv, T2]");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_NAME = 'IX_ACTIVITY_SOURCE'", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM activity", Integer.class)).as("no row lost").isEqualTo(4);
    }

    private static void migrate(JdbcDataSource dataSource, String target) {
        var configuration = Flyway.configure().dataSource(dataSource).locations(LOCATIONS);
        if (target != null) {
            configuration.target(target);
        }
        configuration.load().migrate();
    }
}
