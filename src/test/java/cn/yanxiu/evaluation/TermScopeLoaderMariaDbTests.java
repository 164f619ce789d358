package cn.yanxiu.evaluation;

import cn.yanxiu.support.Databases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The same counts on MariaDB/MySQL, where the whole term's are read with the activity index first (STRAIGHT_JOIN). */
@EnabledIf(value = "cn.yanxiu.support.Databases#mariadbReachable", disabledReason = "no MariaDB/MySQL on 127.0.0.1:3306")
class TermScopeLoaderMariaDbTests extends TermScopeLoaderTests {

    @Override
    JdbcTemplate database() {
        // a database of its own, made afresh: the shared one holds the Spring tests' rows, which point at teachers
        JdbcTemplate server = new JdbcTemplate(new DriverManagerDataSource(Databases.MARIADB_URL, "root", ""));
        server.execute("DROP DATABASE IF EXISTS yanxiu_term_scope");
        server.execute("CREATE DATABASE yanxiu_term_scope CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        DriverManagerDataSource source = new DriverManagerDataSource(Databases.MARIADB_URL.replace("/test?", "/yanxiu_term_scope?"), "root", "");
        org.flywaydb.core.Flyway.configure().dataSource(source).locations("classpath:db/migration", "classpath:db/vendor/mysql").load().migrate();
        return new JdbcTemplate(source);
    }

    /** Nothing of the test left on the server. */
    @AfterAll
    static void dropDatabase() {
        new JdbcTemplate(new DriverManagerDataSource(Databases.MARIADB_URL, "root", "")).execute("DROP DATABASE IF EXISTS yanxiu_term_scope");
    }
}
