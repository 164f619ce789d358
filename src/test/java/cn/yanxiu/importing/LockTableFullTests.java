package cn.yanxiu.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** The database's "lock table is full" is told apart wherever the driver's error sits in the chain, and only it. */
class LockTableFullTests {

    private static final SQLException FULL = new SQLException("The total number of locks exceeds the lock table size", "HY000", 1206);

    @Test
    void theBulkLoadersAndTheBatchesFailuresAreRecognised() {
        assertThat(SpreadsheetImporter.lockTableFull(new IllegalStateException(FULL.getMessage(), FULL))).isTrue();
        assertThat(SpreadsheetImporter.lockTableFull(new DataIntegrityViolationException("batch", FULL))).isTrue();
    }

    @Test
    void otherDatabaseFailuresAreNot() {
        SQLException duplicate = new SQLException("Duplicate entry", "23000", 1062);
        assertThat(SpreadsheetImporter.lockTableFull(new IllegalStateException("x", duplicate))).isFalse();
        assertThat(SpreadsheetImporter.lockTableFull(new IllegalStateException("导入被中断"))).isFalse();
    }
}
