package cn.yanxiu.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * The database's "lock table is full", and a lock wait given up, are told apart wherever the driver's error sits in the
 * chain, and only they.
 */
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

    @Test
    void aLockWaitGivenUpIsRecognisedAsSuchAndNotAsAFullLockTable() {
        SQLException bulkLoadWaited = new SQLException("Failed to read auto-increment value from storage engine", "HY000", 1467);
        SQLException timeout = new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205);
        SQLException deadlock = new SQLException("Deadlock found when trying to get lock", "40001", 1213);
        assertThat(SpreadsheetImporter.lockWaitGaveUp(new IllegalStateException(bulkLoadWaited.getMessage(), bulkLoadWaited))).isTrue();
        assertThat(SpreadsheetImporter.lockWaitGaveUp(new DataIntegrityViolationException("batch", timeout))).isTrue();
        assertThat(SpreadsheetImporter.lockWaitGaveUp(new IllegalStateException("x", deadlock))).isTrue();
        assertThat(SpreadsheetImporter.lockTableFull(new IllegalStateException("x", timeout))).isFalse();
        assertThat(SpreadsheetImporter.lockWaitGaveUp(new IllegalStateException("x", FULL))).isFalse();
        assertThat(SpreadsheetImporter.lockWaitGaveUp(new IllegalStateException("x", new SQLException("Duplicate entry", "23000", 1062)))).isFalse();
    }

    @Test
    void aFullDiskIsNotTakenForALockWait() {
        SQLException full = new SQLException("The table 'activity' is full", "HY000", 1114);
        assertThat(SpreadsheetImporter.lockWaitGaveUp(new IllegalStateException("x", full))).isFalse();
        assertThat(SpreadsheetImporter.lockTableFull(new IllegalStateException("x", full))).isFalse();
        assertThat(SpreadsheetImporter.diskFull(new IllegalStateException(full.getMessage(), full))).isTrue();
        assertThat(SpreadsheetImporter.diskFull(new IllegalStateException("x", FULL))).isFalse();
    }
}
