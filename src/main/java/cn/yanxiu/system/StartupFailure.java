package cn.yanxiu.system;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * When Yanxiu cannot start (no database, a locked file, a bad setting), the person at the terminal gets one
 * line that says what to do; Spring's own report and trace only with {@code --verbose}.
 */
public final class StartupFailure {

    private StartupFailure() {
    }

    /** Before Spring starts: quiet its failure report unless the user asked for details. */
    public static void quietUnlessVerbose(String[] args) {
        if (!verbose(args)) {
            System.setProperty("logging.level.org.springframework.boot.SpringApplication", "OFF");
            System.setProperty("logging.level.org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter", "OFF");
            System.setProperty("logging.level.com.zaxxer.hikari.pool.HikariPool", "OFF");
            System.setProperty("logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext", "ERROR");
        }
    }

    public static boolean verbose(String[] args) {
        return Arrays.asList(args).contains("--verbose");
    }

    /** The one line for a start-up that failed. */
    public static String explain(Throwable failure) {
        Throwable root = failure;
        boolean refused = false;
        String sql = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            root = t;
            refused |= t instanceof ConnectException || t.getClass().getSimpleName().contains("CommunicationsException");
            if (t instanceof SQLException && t.getMessage() != null && sql == null) {
                sql = t.getMessage();
            }
        }
        if (refused) {
            return "无法启动：连不上数据库（" + firstLine(root.getMessage()) + "）。请确认数据库已启动，并检查 YANXIU_DB_HOST、YANXIU_DB_PORT、YANXIU_DB_NAME"
                    + "、YANXIU_DB_USER、YANXIU_DB_PASSWORD（加 --verbose 查看详细信息）";
        }
        if (sql != null && sql.contains("already in use")) {
            return "无法启动：数据库文件正被另一个程序使用（" + firstLine(sql) + "）。请先停止它，或改用 MySQL（见 README 的 Databases）";
        }
        return "无法启动：" + firstLine(sql != null ? sql : root.getMessage() == null ? root.toString() : root.getMessage()) + "（加 --verbose 查看详细信息）";
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.strip().lines().findFirst().orElse("");
    }
}
