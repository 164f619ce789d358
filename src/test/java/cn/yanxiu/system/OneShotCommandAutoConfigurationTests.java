package cn.yanxiu.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * A one-shot command starts without the web pages' and the broker's set-up; {@code serve}, a worker and a run whose
 * partitions go to workers keep what they use.
 */
@SpringBootTest
class OneShotCommandAutoConfigurationTests {

    private static final String HEALTH = "org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration";
    private static final String THYMELEAF = "org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration";
    private static final String SECURITY = "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration";
    private static final String RABBIT = "org.springframework.boot.autoconfigure.amqp.RabbitAutoConfiguration";
    private static final String INTEGRATION = "org.springframework.boot.autoconfigure.integration.IntegrationAutoConfiguration";
    private static final String DATA_SOURCE = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration";
    private static final String FLYWAY = "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration";
    private static final String JPA = "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration";
    private static final String BATCH = "org.springframework.boot.autoconfigure.batch.BatchAutoConfiguration";
    private static final String[] CANDIDATES = {HEALTH, THYMELEAF, SECURITY, RABBIT, INTEGRATION, DATA_SOURCE, FLYWAY, JPA, BATCH, null};

    @Autowired
    ApplicationContext context;

    @Test
    void aCommandStartedLikeTheCommandLineHasNoHealthEndpointAndNoBroker() {
        assertThat(context.getBeanNamesForType(HealthEndpoint.class)).isEmpty();
        assertThat(context.getBeanNamesForType(org.springframework.amqp.rabbit.core.RabbitTemplate.class)).isEmpty();
        assertThat(context.getBeanNamesForType(DataSource.class)).isNotEmpty();
    }

    @Test
    void aOneShotCommandKeepsTheDatabaseAndTheBatchOnly() {
        assertThat(kept(Map.of("spring.main.web-application-type", "none", "yanxiu.batch.workers", "local")))
                .containsExactly(DATA_SOURCE, FLYWAY, JPA, BATCH, null);
    }

    @Test
    void aRunWhosePartitionsGoToWorkersKeepsTheBroker() {
        assertThat(kept(Map.of("spring.main.web-application-type", "none", "yanxiu.batch.workers", "rabbitmq")))
                .containsExactly(RABBIT, INTEGRATION, DATA_SOURCE, FLYWAY, JPA, BATCH, null);
    }

    @Test
    void aWorkerKeepsTheBroker() {
        assertThat(kept(Map.of("spring.main.web-application-type", "none", "yanxiu.batch.role", "worker")))
                .containsExactly(RABBIT, INTEGRATION, DATA_SOURCE, FLYWAY, JPA, BATCH, null);
    }

    @Test
    void theImportTheBatchAndWhatReadsItsResultsStartNoJpaTheCommandsThatKeepRecordsDo() {
        String repositories = "org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration";
        String[] candidates = {DATA_SOURCE, FLYWAY, JPA, repositories, BATCH};
        for (String command : java.util.List.of("import", "evaluate", "explain", "diff", "export", "audit")) {
            assertThat(kept(candidates, Map.of("spring.main.web-application-type", "none", OneShotCommandAutoConfiguration.COMMAND, command)))
                    .as(command).containsExactly(DATA_SOURCE, FLYWAY, BATCH);
        }
        for (String command : java.util.List.of("publish", "credits", "certificates", "rules", "worker", "benchmark")) {
            assertThat(kept(candidates, Map.of("spring.main.web-application-type", "none", OneShotCommandAutoConfiguration.COMMAND, command)))
                    .as(command).containsExactly(candidates);
        }
        assertThat(kept(candidates, Map.of(OneShotCommandAutoConfiguration.COMMAND, "serve"))).containsExactly(candidates);
    }

    @Test
    void serveKeepsEverything() {
        assertThat(kept(Map.of("spring.main.web-application-type", "servlet"))).containsExactly(CANDIDATES);
        assertThat(kept(Map.of())).as("no type given: Spring's own default, a web application").containsExactly(CANDIDATES);
    }

    private static java.util.List<String> kept(Map<String, Object> properties) {
        return kept(CANDIDATES, properties);
    }

    private static java.util.List<String> kept(String[] candidates, Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        OneShotCommandAutoConfiguration filter = new OneShotCommandAutoConfiguration();
        filter.setEnvironment(environment);
        boolean[] keep = filter.match(candidates, null);
        java.util.List<String> kept = new java.util.ArrayList<>();
        for (int i = 0; i < candidates.length; i++) {
            if (keep[i]) {
                kept.add(candidates[i]);
            }
        }
        return kept;
    }
}
