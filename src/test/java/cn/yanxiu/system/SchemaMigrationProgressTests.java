package cn.yanxiu.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** The application's own migrations on a real H2 database: said when they create or upgrade the tables, silent when current. */
class SchemaMigrationProgressTests {

    private static final String[] LOCATIONS = {"classpath:db/migration", "classpath:db/vendor/h2"};

    @Test
    void aNewDatabaseIsSaidToBeCreatedAnUpgradeFromItsVersionAndACurrentOneNotAtAll() {
        String url = "jdbc:h2:mem:schema-progress-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        String created = migrate(url, "10");
        assertThat(created.lines()).hasSize(2);
        assertThat(created).startsWith("新数据库：建立数据表 …").containsPattern("数据库表已就绪：版本 10，执行 10 个版本，用时 [0-9.]+ 秒");

        String upgraded = migrate(url, null);
        assertThat(upgraded).startsWith("升级数据库表：自版本 11 起 …").containsPattern("数据库表已就绪：版本 \\d+，执行 \\d+ 个版本");

        assertThat(migrate(url, null)).as("tables already current").isEmpty();
    }

    private static String migrate(String url, String target) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        var configuration = Flyway.configure().dataSource(url, "sa", "").locations(LOCATIONS).callbacks(new SchemaMigrationProgress(out));
        if (target != null) {
            configuration.target(target);
        }
        configuration.load().migrate();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
