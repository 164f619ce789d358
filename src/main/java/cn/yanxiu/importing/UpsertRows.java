package cn.yanxiu.importing;

import cn.yanxiu.system.SqlArgs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes rows of a table keyed by its own id (school, teacher, term …) in JDBC batches: an id already
 * stored is updated, a new one inserted, so importing the same list twice changes nothing. Portable SQL
 * only (no MERGE, no ON DUPLICATE KEY), because the same code runs on H2 and MySQL.
 */
final class UpsertRows {

    private static final int BATCH = 1000;
    private final JdbcTemplate jdbc;
    private final String table;
    private final List<String> columns;
    private final List<Object[]> pending = new ArrayList<>();
    private int inserted;
    private int updated;

    /** {@code columns} starts with the id column. */
    UpsertRows(JdbcTemplate jdbc, String table, List<String> columns) {
        this.jdbc = jdbc;
        this.table = table;
        this.columns = columns;
    }

    void add(Object... values) {
        pending.add(values);
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        String id = columns.get(0);
        String marks = SqlArgs.marks(pending.size());
        Set<Object> existing = new HashSet<>(jdbc.queryForList(
                "SELECT " + id + " FROM " + table + " WHERE " + id + " IN (" + marks + ")", Object.class,
                pending.stream().map(r -> r[0]).toArray()));
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (Object[] row : pending) {
            if (existing.contains(row[0])) {
                Object[] update = new Object[row.length];
                System.arraycopy(row, 1, update, 0, row.length - 1);
                update[row.length - 1] = row[0];
                updates.add(update);
            } else {
                inserts.add(row);
            }
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO " + table + " (" + String.join(",", columns) + ") VALUES ("
                    + SqlArgs.marks(columns.size()) + ")", inserts);
        }
        if (!updates.isEmpty()) {
            List<String> sets = columns.subList(1, columns.size()).stream().map(c -> c + "=?").toList();
            jdbc.batchUpdate("UPDATE " + table + " SET " + String.join(",", sets) + " WHERE " + id + "=?", updates);
        }
        inserted += inserts.size();
        updated += updates.size();
        pending.clear();
    }

    int inserted() {
        return inserted;
    }

    int updated() {
        return updated;
    }
}
