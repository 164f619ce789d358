package cn.yanxiu.rules;

import cn.yanxiu.audit.AuditLog;
import java.nio.file.Path;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The rule-folder store and workspace on a real database, built without Spring (one per simulated instance). */
final class StoredFolders {

    private StoredFolders() {
    }

    static RuleFolders store(JdbcTemplate jdbc, Path seedRoot, Path cache) {
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        return new RuleFolders(jdbc, transactions, new AuditLog(jdbc, transactions), seedRoot, cache.toString());
    }

    static RuleSetWorkspace workspace(JdbcTemplate jdbc, Path seedRoot, Path cache) {
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        return new RuleSetWorkspace(store(jdbc, seedRoot, cache), jdbc, new AuditLog(jdbc, transactions));
    }
}
