package cn.yanxiu.system;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides which database a command line needs before Spring starts. Commands that work file to file
 * ({@code --data DIR}) or never touch stored data (rules, generate, help) get a throwaway in-memory
 * database, so trying a rule set never writes to the real one and a fresh machine gets no ./data folder.
 */
public final class DatabaseChoice {

    private static final Set<String> STORED_DATA_COMMANDS = Set.of("import", "evaluate", "explain", "diff", "summary", "runs", "credits", "certificates", "export", "serve", "publish", "audit", "worker");

    /** Sub-commands of an otherwise plain command that read or write stored data (the rule folders kept in the database). */
    private static final Set<String> STORED_DATA_SUBCOMMANDS = Set.of("rules import", "rules export");

    private DatabaseChoice() {
    }

    /** Points Spring at a scratch database unless the command reads or writes stored data. */
    public static void applyTo(String[] args) {
        if (isBenchmark(args)) {
            if (!mysqlProfile(args)) {
                // the benchmark fills a database of its own, never the county's ./data/yanxiu
                System.setProperty("spring.datasource.url", "jdbc:h2:file:./data/benchmark/yanxiu;WRITE_DELAY=0");
            }
        } else if (!usesStoredData(args)) {
            System.setProperty("spring.datasource.url", "jdbc:h2:mem:yanxiu-scratch;DB_CLOSE_DELAY=-1");
            System.setProperty("spring.datasource.username", "sa");
            System.setProperty("spring.datasource.password", "");
        }
    }

    static boolean isBenchmark(String[] args) {
        return args.length > 0 && args[0].equals("benchmark");
    }

    private static boolean mysqlProfile(String[] args) {
        String profiles = System.getProperty("spring.profiles.active", System.getenv().getOrDefault("SPRING_PROFILES_ACTIVE", ""))
                + "," + Arrays.stream(args).filter(a -> a.startsWith("--spring.profiles.active=")).collect(Collectors.joining(","));
        return profiles.contains("mysql");
    }

    public static boolean usesStoredData(String[] args) {
        List<String> list = Arrays.asList(args);
        if (list.size() > 1 && STORED_DATA_SUBCOMMANDS.contains(list.get(0) + " " + list.get(1))) {
            return true;
        }
        return !list.isEmpty() && STORED_DATA_COMMANDS.contains(list.get(0)) && !list.contains("--data");
    }
}
