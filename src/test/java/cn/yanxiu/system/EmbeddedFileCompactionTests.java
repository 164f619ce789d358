package cn.yanxiu.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded file shrinks after a big write, unless someone else has it open. */
class EmbeddedFileCompactionTests {

    @TempDir
    Path dir;

    private JdbcDataSource file(String name) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve(name) + ";TRACE_LEVEL_FILE=0");
        h2.setUser("sa");
        return h2;
    }

    private static void bloat(JdbcDataSource h2) throws Exception {
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, note VARCHAR(2000))");
            for (int round = 0; round < 4; round++) {
                s.execute("INSERT INTO t SELECT x, REPEAT('研修', 400) FROM SYSTEM_RANGE(1, 20000)");
                s.execute("DELETE FROM t");
            }
        }
    }

    @Test
    void aFileNobodyElseHoldsIsCompacted() throws Exception {
        JdbcDataSource h2 = file("alone");
        bloat(h2);
        try (Connection keepOpen = h2.getConnection()) {
            // the database stays open only while a connection holds it; the check opens its own
            var compacted = new EmbeddedFileCompaction(h2).compactIfAlone();
            assertThat(compacted).isEmpty();
        }
        var compacted = new EmbeddedFileCompaction(h2).compactIfAlone();
        assertThat(compacted).isPresent();
        assertThat(compacted.get().after()).isLessThan(compacted.get().before() / 4);
    }
}
