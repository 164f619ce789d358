package cn.yanxiu.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

/**
 * The sample county imported once, through the packaged jar's {@code import}, into a fresh MariaDB database that
 * the functional tests of one JVM share (the import is the slowest part of each of them). Each test uses its own
 * runs and finds their ids; none assumes it is the first.
 */
public final class FunctionalCounty {

    public static final String DATABASE = "yanxiu_functional";
    public static final String JDBC = "jdbc:mysql://127.0.0.1:3306/" + DATABASE + "?allowPublicKeyRetrieval=true&useSSL=false";

    private static boolean imported;

    private FunctionalCounty() {
    }

    public static synchronized String database() throws Exception {
        if (!imported) {
            try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/?allowPublicKeyRetrieval=true&useSSL=false", "root", "")) {
                c.createStatement().execute("DROP DATABASE IF EXISTS " + DATABASE);
                c.createStatement().execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
            ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-jar",
                    "target/yanxiu.jar", "import", "data-samples"));
            builder.environment().put("SPRING_PROFILES_ACTIVE", "mysql");
            builder.environment().put("YANXIU_DB_NAME", DATABASE);
            builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.redirectErrorStream(true);
            builder.redirectOutput(Path.of("target", "functional-import.log").toFile());
            int exit = builder.start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("import data-samples exited " + exit + " (see target/functional-import.log)");
            }
            imported = true;
        }
        return DATABASE;
    }
}
