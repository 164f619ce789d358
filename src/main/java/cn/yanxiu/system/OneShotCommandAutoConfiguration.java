package cn.yanxiu.system;

import java.util.List;
import java.util.Set;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Keeps a one-shot command ({@code import}, {@code evaluate}, {@code audit verify} …) from setting up what only
 * {@code serve} or a batch across machines uses: the web pages' templates and security, health and metrics
 * endpoints, HTTP clients, and — unless the run sends its partitions to workers or this is a worker — the message
 * broker and Spring Integration. Each was a few hundred classes loaded and a few beans made before the command's first
 * line (together about 1.5 s of {@code audit verify}'s 7 s). A command that reads and writes none of the plain records
 * kept through JPA (a term's publications, the stored rule files' undo history) starts neither Hibernate nor Spring
 * Data's repositories: the services that keep those records take their repository only when they use it. Filtered by
 * name before Spring reads the classes, the way Spring Boot's own class conditions are.
 */
public final class OneShotCommandAutoConfiguration implements AutoConfigurationImportFilter, EnvironmentAware {

    /** Auto-configuration a command without a web server never needs. */
    private static final List<String> WEB_ONLY = List.of(
            "org.springframework.boot.actuate.autoconfigure.",
            "org.springframework.boot.autoconfigure.thymeleaf.",
            "org.springframework.boot.autoconfigure.security.",
            "org.springframework.boot.autoconfigure.session.",
            "org.springframework.boot.autoconfigure.web.",
            "org.springframework.boot.autoconfigure.http.",
            "org.springframework.boot.autoconfigure.reactor.",
            "org.springdoc.");
    /** Auto-configuration only a batch whose partitions cross the broker needs (its manager and its workers). */
    private static final List<String> BROKER_ONLY = List.of(
            "org.springframework.boot.autoconfigure.amqp.",
            "org.springframework.boot.autoconfigure.integration.");

    /** Auto-configuration only the plain records kept through JPA need. */
    private static final List<String> RECORDS_ONLY = List.of(
            "org.springframework.boot.autoconfigure.orm.jpa.",
            "org.springframework.boot.autoconfigure.data.jpa.");
    /** Commands whose work touches none of the JPA records: the import, the batch and what reads its results. */
    private static final Set<String> WITHOUT_RECORDS = Set.of("import", "evaluate", "explain", "diff", "export", "audit");
    /** The property naming the command a process runs ({@link #applyTo}); absent in the server's tests' contexts. */
    static final String COMMAND = "yanxiu.command";

    private Environment environment;

    /**
     * Names the command this process runs, for the filter: called before Spring starts. Not while the build writes
     * the class archive: the archive serves every command, so its run keeps JPA's classes in it.
     */
    public static void applyTo(String[] args) {
        if (args.length > 0 && !ClassArchiveLaunch.writesArchive()) {
            System.setProperty(COMMAND, args[0]);
        }
    }

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean[] match(String[] candidates, AutoConfigurationMetadata metadata) {
        boolean oneShot = "none".equalsIgnoreCase(environment.getProperty("spring.main.web-application-type", "servlet"));
        boolean broker = "rabbitmq".equals(environment.getProperty("yanxiu.batch.workers"))
                || "worker".equals(environment.getProperty("yanxiu.batch.role"));
        boolean records = !WITHOUT_RECORDS.contains(environment.getProperty(COMMAND, ""));
        boolean[] keep = new boolean[candidates.length];
        for (int i = 0; i < candidates.length; i++) {
            String candidate = candidates[i];
            keep[i] = candidate == null || !oneShot
                    || !(startsWithAny(candidate, WEB_ONLY) || !broker && startsWithAny(candidate, BROKER_ONLY)
                         || !records && startsWithAny(candidate, RECORDS_ONLY));
        }
        return keep;
    }

    private static boolean startsWithAny(String name, List<String> prefixes) {
        return prefixes.stream().anyMatch(name::startsWith);
    }
}
