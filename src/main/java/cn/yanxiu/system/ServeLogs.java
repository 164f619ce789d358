package cn.yanxiu.system;

import java.nio.file.Path;

/**
 * Where {@code serve} writes its logs: an access log of every request (who, from where, what, how long) and a
 * rolling application log, both under {@code YANXIU_LOG_DIR} (default {@code ./logs}). One-shot commands
 * write no log files. A setting given on the command line or in the environment wins.
 */
public final class ServeLogs {

    private ServeLogs() {
    }

    public static void applyTo(String[] args) {
        Path dir = Path.of(System.getenv().getOrDefault("YANXIU_LOG_DIR", "logs")).toAbsolutePath();
        setUnlessGiven("server.tomcat.accesslog.enabled", "true");
        setUnlessGiven("server.tomcat.accesslog.directory", dir.toString());
        setUnlessGiven("server.tomcat.accesslog.prefix", "access");
        setUnlessGiven("server.tomcat.accesslog.pattern", "%{yyyy-MM-dd HH:mm:ss Z}t %a %u \"%r\" %s %b %{ms}Tms");
        setUnlessGiven("server.tomcat.accesslog.max-days", "90");
        setUnlessGiven("server.tomcat.accesslog.buffered", "false");
        setUnlessGiven("logging.file.name", dir.resolve("yanxiu.log").toString());
        setUnlessGiven("logging.logback.rollingpolicy.max-file-size", "20MB");
        setUnlessGiven("logging.logback.rollingpolicy.max-history", "30");
        setUnlessGiven("logging.level.org.springframework.batch.core.step.AbstractStep", "ERROR");
        setUnlessGiven("logging.level.org.springframework.batch.core.step.tasklet.TaskletStep", "ERROR");
    }

    private static void setUnlessGiven(String key, String value) {
        String env = key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
        if (System.getProperty(key) == null && System.getenv(env) == null) {
            System.setProperty(key, value);
        }
    }
}
