package cn.yanxiu.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class StartupFailureTests {

    @Test
    void anUnreachableDatabaseIsOneLineThatNamesTheSettings() {
        RuntimeException failure = new IllegalStateException("Error creating bean with name 'flyway'",
                new SQLException("Communications link failure", new ConnectException("Connection refused")));
        assertThat(StartupFailure.explain(failure)).startsWith("无法启动：连不上数据库（Connection refused）").contains("YANXIU_DB_HOST")
                .doesNotContain("\n").doesNotContain("flyway");
    }

    @Test
    void aLockedDatabaseFileSaysWhatToDo() {
        RuntimeException failure = new IllegalStateException("context", new SQLException(
                "Database may be already in use: \"/data/yanxiu.mv.db\". Possible solutions: close all other connection(s)\nmore"));
        assertThat(StartupFailure.explain(failure)).startsWith("无法启动：数据库文件正被另一个程序使用").doesNotContain("\n");
    }

    @Test
    void verboseIsAskedForByItsFlag() {
        assertThat(StartupFailure.verbose(new String[] {"import", "--verbose", "x.csv"})).isTrue();
        assertThat(StartupFailure.verbose(new String[] {"import", "x.csv"})).isFalse();
    }
}
