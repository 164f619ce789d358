package cn.yanxiu.importing;

import cn.yanxiu.system.ScratchSpace;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes one file's rows with MySQL's {@code LOAD DATA LOCAL INFILE}: the server parses a tab-separated file
 * instead of Connector/J binding and escaping every value of a batch of inserts (about 60 % of the importer's
 * time on MariaDB when it used batches). The server loads one part of the file on a thread of its own while the
 * importer reads and checks the next part, on the import's own connection and inside its transaction, so a file
 * still goes in whole or not at all.
 * <p>
 * Used only inside a transaction, when the connection allows local files from one directory and nowhere else
 * (Connector/J's {@code allowLoadLocalInfileInPath}, set by the {@code mysql} profile), that directory is this
 * process user's own and no link, and the server permits it ({@code local_infile}); otherwise {@link #of}
 * answers null and the rows go in as batches of inserts. A row whose key is already stored is skipped by the
 * server, as the batches skip it; any other warning (a value the server would have cut or changed) fails the file.
 */
final class BulkLoad {

    /** MySQL's warning for a duplicate key, which {@code IGNORE} turns into a skipped row. */
    private static final int DUPLICATE_KEY = 1062;

    private final Connection connection;
    private final Path directory;
    private final ThreadPoolExecutor loader;
    private Future<Integer> inFlight;
    private int stored;

    private BulkLoad(Connection connection, Path directory) {
        this.connection = connection;
        this.directory = directory;
        this.loader = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread thread = new Thread(r, "yanxiu-bulk-load");
            thread.setDaemon(true);
            return thread;
        });
        loader.allowCoreThreadTimeOut(true);
        // no part may load after its transaction ended, whichever way it ends: a part still loading when the
        // import stops early is waited for; one that failed fails the commit
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                awaitInFlight();
            }

            @Override
            public void beforeCompletion() {
                try {
                    awaitInFlight();
                } catch (RuntimeException e) {
                    // the transaction rolls back: nothing of the file stays
                } finally {
                    loader.shutdown();
                }
            }
        });
    }

    /** A bulk loader for this database inside the current transaction, or null when rows must go in as inserts. */
    static BulkLoad of(JdbcTemplate jdbc) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        String allowed = jdbc.execute((Connection c) -> allowedDirectory(c.getMetaData().getURL()));
        if (allowed == null || allowed.isBlank() || allowed.contains("'") || allowed.contains("\\")) {
            return null;
        }
        Integer serverAllows = jdbc.queryForObject("SELECT @@local_infile", Integer.class);
        if (serverAllows == null || serverAllows != 1) {
            return null;
        }
        Path directory = ownDirectory(Path.of(allowed));
        // the driver's own connection: the pool's wrapper keeps a list of statements that only one thread may touch
        return directory == null ? null : new BulkLoad(jdbc.execute((Connection c) -> c.unwrap(Connection.class)), directory);
    }

    /** Connector/J's {@code allowLoadLocalInfileInPath} as the connection's URL gives it; null for any other database. */
    static String allowedDirectory(String url) {
        if (url == null || !url.startsWith("jdbc:mysql:")) {
            return null;
        }
        int query = url.indexOf('?');
        for (String pair : query < 0 ? new String[0] : url.substring(query + 1).split("&")) {
            if (pair.startsWith("allowLoadLocalInfileInPath=")) {
                return java.net.URLDecoder.decode(pair.substring(pair.indexOf('=') + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** The directory, made if missing, when it is a real directory owned by this process's user; else null. */
    private static Path ownDirectory(Path directory) {
        try {
            if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(directory);
                if (Files.getFileStore(directory).supportsFileAttributeView("posix")) {
                    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
                }
            }
            boolean own = Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)
                    && ScratchSpace.ownedByThisUser(directory);
            return own ? directory.toRealPath() : null;
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /**
     * Writes the rows to a file and hands it to the loader once the part before it is loaded; a failure of an
     * earlier part is thrown here or by {@link #finish}.
     */
    void submit(String table, List<String> columns, List<Object[]> rows) {
        Path file = directory.resolve("yanxiu-" + UUID.randomUUID() + ".tsv");
        try {
            write(file, rows);
        } catch (IOException e) {
            delete(file);
            throw new IllegalStateException("写入临时文件 " + file + " 失败：" + e.getMessage(), e);
        }
        try {
            awaitInFlight();
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
        String sql = "LOAD DATA LOCAL INFILE '" + file + "' IGNORE INTO TABLE " + table + " CHARACTER SET utf8mb4 "
                + "FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (" + String.join(",", columns) + ")";
        inFlight = loader.submit(() -> {
            try {
                return load(sql);
            } finally {
                delete(file);
            }
        });
    }

    /** Waits for the last part; returns how many rows were stored (the rest had a stored key). */
    int finish() {
        try {
            awaitInFlight();
            return stored;
        } finally {
            loader.shutdown();
        }
    }

    private void awaitInFlight() {
        if (inFlight == null) {
            return;
        }
        try {
            stored += inFlight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("导入被中断", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            inFlight = null;
        }
    }

    /**
     * The server's foreign-key check is off while a part loads: every row's teacher and term were checked against
     * the stored ones when the file was read ({@link ImportReferences}), and no Yanxiu path deletes a teacher or a
     * term, so the server would only find each row's two keys again — about an eighth of its time per row. The
     * check is back on before the connection does anything else; the keys themselves stay in the schema.
     */
    private int load(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET foreign_key_checks = 0");
            try {
                return loadChecked(statement, sql);
            } finally {
                statement.execute("SET foreign_key_checks = 1");
            }
        }
    }

    private static int loadChecked(Statement statement, String sql) throws SQLException {
        int loaded = statement.executeUpdate(sql);
        List<String> problems = new ArrayList<>();
        for (SQLWarning w = statement.getWarnings(); w != null && problems.size() < 5; w = w.getNextWarning()) {
            if (w.getErrorCode() != DUPLICATE_KEY) {
                problems.add(w.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("数据库未能原样保存以下数据：" + String.join("；", problems));
        }
        return loaded;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover file holds rows of one import only, in this user's own directory
        }
    }

    private static void write(Path file, List<Object[]> rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder(256);
            for (Object[] row : rows) {
                line.setLength(0);
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        line.append('\t');
                    }
                    field(line, row[i]);
                }
                out.append(line).append('\n');
            }
        }
    }

    private static void field(StringBuilder line, Object value) {
        if (value == null) {
            line.append("\\N");
        } else if (value instanceof Boolean b) {
            line.append(b ? '1' : '0');
        } else if (value instanceof java.math.BigDecimal d) {
            line.append(d.toPlainString());
        } else if (value instanceof Double || value instanceof Float) {
            line.append(java.math.BigDecimal.valueOf(((Number) value).doubleValue()).toPlainString()); // never 1.0E-4
        } else if (value instanceof Number || value instanceof LocalDate) {
            line.append(value);
        } else {
            String text = value.toString();
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                switch (ch) {
                    case '\\' -> line.append("\\\\");
                    case '\t' -> line.append("\\t");
                    case '\n' -> line.append("\\n");
                    case '\r' -> line.append("\\r");
                    case '\0' -> line.append("\\0");
                    default -> line.append(ch);
                }
            }
        }
    }
}
