package cn.yanxiu.rules;

import cn.yanxiu.audit.AuditLog;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Path;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rule-folder store and workspace on a real database, built without Spring (one per simulated instance): each
 * instance has its own persistence unit for the revision history and a transaction manager that JDBC and JPA share,
 * as the application has.
 */
final class StoredFolders {

    private StoredFolders() {
    }

    private record Instance(TransactionTemplate transactions, RuleFileRevisions revisions) {
        static Instance on(JdbcTemplate jdbc) {
            LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
            factory.setDataSource(jdbc.getDataSource());
            factory.setPackagesToScan(RuleFileRevision.class.getPackageName());
            factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
            factory.afterPropertiesSet();
            EntityManagerFactory entities = factory.getObject();
            RuleFileRevisions revisions = new JpaRepositoryFactory(SharedEntityManagerCreator.createSharedEntityManager(entities))
                    .getRepository(RuleFileRevisions.class);
            return new Instance(new TransactionTemplate(new JpaTransactionManager(entities)), revisions);
        }

        RuleFolders store(JdbcTemplate jdbc, Path seedRoot, Path cache) {
            return new RuleFolders(jdbc, provided(revisions), transactions, new AuditLog(jdbc, transactions), seedRoot, cache.toString());
        }
    }

    /** The repository as Spring hands it to the services (they take it only when they use it). */
    private static org.springframework.beans.factory.ObjectProvider<RuleFileRevisions> provided(RuleFileRevisions revisions) {
        return new org.springframework.beans.factory.support.StaticListableBeanFactory(java.util.Map.of("revisions", revisions))
                .getBeanProvider(RuleFileRevisions.class);
    }

    static RuleFolders store(JdbcTemplate jdbc, Path seedRoot, Path cache) {
        return Instance.on(jdbc).store(jdbc, seedRoot, cache);
    }

    static RuleSetWorkspace workspace(JdbcTemplate jdbc, Path seedRoot, Path cache) {
        Instance instance = Instance.on(jdbc);
        return new RuleSetWorkspace(instance.store(jdbc, seedRoot, cache), provided(instance.revisions()), jdbc, new AuditLog(jdbc, instance.transactions()));
    }
}
