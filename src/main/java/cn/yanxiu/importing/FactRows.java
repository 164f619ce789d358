package cn.yanxiu.importing;

import cn.yanxiu.system.SqlArgs;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes log rows (activities, scores, ethics, leave, earlier hours) in JDBC batches.
 * <p>
 * Re-importing a file replaces what that file brought before, so a corrected file corrects the data and
 * the same file twice adds nothing. Each row also carries a content key; a row already brought by another
 * file is skipped and counted, never stored twice. Identical rows within one file are kept as separate
 * records (two lessons observed on one day) by numbering their occurrences.
 * <p>
 * Rows go to the database a part at a time, each part in the order of the index the evaluation reads the log by
 * (rows that tie keep the file's order, so that index lists them exactly as before). In the file's own order a
 * teacher's rows landed all over that teacher's stretch of the index and split its pages half empty: 111 bytes
 * of index per activity row against 61 in order, and the pages the database had to keep in memory with them.
 * <p>
 * Which teachers a file brought rows for is listed in {@code import_file_teacher}: a re-import finds the file's
 * earlier rows through those teachers' own rows, so no index on the source file is written for every row.
 */
final class FactRows {

    private static final int BATCH = 1000;
    private static final int BULK = 10_000;
    /** Teachers whose earlier rows are read and removed at a time: their rows of every term, a few thousand ids. */
    private static final int TEACHERS = 50;
    /** 120 bits of the content digest after the teacher id (at most 32 characters): within record_key's 64. */
    private static final int KEY_DIGEST_BYTES = 15;
    private final JdbcTemplate jdbc;
    private final String table;
    private final List<String> columns;
    private final String sourceFile;
    private final OccurrenceCounter occurrences = new OccurrenceCounter();
    private final List<Object[]> pending = new ArrayList<>();
    private final MessageDigest sha256;
    private final BulkLoad bulk;
    /** The columns every row writes: the log's own, then its key and source file. */
    private final List<String> written;
    private final Comparator<Object[]> readOrder;
    private final int teacherColumn;
    /** The teachers this file brings rows for, listed with the file once its rows are written. */
    private final Set<String> teachers = new HashSet<>();
    private String lastTeacher;
    private int sent;
    private int inserted;
    private int replaced;

    /** {@code readOrder}: the columns, of {@code columns}, of the index the log is read by, in that index's order. */
    FactRows(JdbcTemplate jdbc, String table, List<String> columns, List<String> readOrder, String sourceFile) {
        this.jdbc = jdbc;
        this.table = table;
        this.columns = columns;
        this.sourceFile = sourceFile;
        this.written = new ArrayList<>(columns);
        written.add("record_key");
        written.add("source_file");
        this.readOrder = order(columns, readOrder);
        this.teacherColumn = columns.indexOf("teacher_id");
        if (teacherColumn < 0) {
            throw new IllegalArgumentException("no teacher_id among " + columns);
        }
        this.bulk = BulkLoad.of(jdbc);
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Removes what an earlier import of the same file brought; runs inside the import's transaction. The file's
     * teachers are read from its list, then their rows of this file are found by a plain read and deleted by id, and
     * the list's entries by their whole key: a {@code DELETE … WHERE} over a range would lock the gaps of the index it
     * walks (MySQL and MariaDB do, even where nothing matches) until this file's transaction ends, and every other
     * import writing into that table — another county's, at the same time — would wait for it, for the hour a
     * province's file takes, and fail after the server's lock wait.
     */
    void replacePreviousImport() {
        String after = "";
        while (true) {
            List<String> listed = jdbc.queryForList("SELECT teacher_id FROM import_file_teacher WHERE log_table = ? AND source_file = ? "
                    + "AND teacher_id > ? ORDER BY teacher_id LIMIT " + TEACHERS, String.class, table, sourceFile, after);
            if (listed.isEmpty()) {
                return;
            }
            List<Long> ids = jdbc.queryForList("SELECT id FROM " + table + " WHERE teacher_id IN (" + SqlArgs.marks(listed.size())
                    + ") AND source_file = ?", Long.class, SqlArgs.join(listed.toArray(), sourceFile));
            for (int from = 0; from < ids.size(); from += BATCH) {
                List<Long> part = ids.subList(from, Math.min(ids.size(), from + BATCH));
                replaced += jdbc.update("DELETE FROM " + table + " WHERE id IN (" + SqlArgs.marks(part.size()) + ")", part.toArray());
            }
            jdbc.batchUpdate("DELETE FROM import_file_teacher WHERE log_table = ? AND source_file = ? AND teacher_id = ?",
                    listed, TEACHERS, this::setListEntry);
            after = listed.get(listed.size() - 1);
        }
    }

    /** Adds a row; its content key is taken from {@code keyParts} (the row's identity, not its id). */
    void add(List<?> keyParts, Object... values) {
        StringBuilder joined = new StringBuilder(128);
        for (Object part : keyParts) {
            joined.append(joined.isEmpty() ? "" : "|").append(part);
        }
        String content = joined.toString();
        int occurrence = occurrences.next(content);
        byte[] digest = sha256.digest((table + "|" + content + "|" + occurrence).getBytes(StandardCharsets.UTF_8));
        Object[] row = new Object[values.length + 2];
        System.arraycopy(values, 0, row, 0, values.length);
        // the key starts with the teacher (the first key part of every log), so a file's keys, written teacher by
        // teacher, land side by side in the key index: random keys spread over a county's index outgrew the
        // database's memory and cost a disk read per row (8,400 rows/s for the second term of 10,000 teachers)
        row[values.length] = keyParts.get(0) + "/" + HexFormat.of().formatHex(digest, 0, KEY_DIGEST_BYTES);
        row[values.length + 1] = sourceFile;
        pending.add(row);
        String teacher = (String) values[teacherColumn];
        // a file lists a teacher's rows together, most often: one set lookup per teacher rather than per row
        if (!teacher.equals(lastTeacher)) {
            teachers.add(teacher);
            lastTeacher = teacher;
        }
        if (pending.size() >= (bulk != null ? BULK : BATCH)) {
            send();
        }
    }

    /** Writes what is pending; at the end of the file, also waits until every row is stored. */
    void flush() {
        send();
        if (bulk != null) {
            inserted = bulk.finish();
        }
        listTeachers();
    }

    /** Lists the file's teachers for its next import; {@link #replacePreviousImport} removed the earlier list. */
    private void listTeachers() {
        jdbc.batchUpdate("INSERT INTO import_file_teacher (log_table, source_file, teacher_id) VALUES (?, ?, ?)",
                teachers.stream().sorted().toList(), BULK, this::setListEntry);
        teachers.clear();
    }

    /** The parameters of one entry of this file's teacher list, in the order the list's statements name them. */
    private void setListEntry(PreparedStatement statement, String teacher) throws SQLException {
        statement.setString(1, table);
        statement.setString(2, sourceFile);
        statement.setString(3, teacher);
    }

    private void send() {
        if (pending.isEmpty()) {
            return;
        }
        sent += pending.size();
        pending.sort(readOrder);
        if (bulk != null) {
            bulk.submit(table, written, List.copyOf(pending));
        } else {
            inserted += insertNew();
        }
        pending.clear();
    }

    /** Inserts the pending rows whose key is not stored yet; returns how many. */
    private int insertNew() {
        int keyIndex = columns.size();
        // keys are unique per teacher: each (teacher, key) pair is looked up in the (teacher_id, record_key) index.
        // Two IN lists, one per column, made H2 read every stored row of the part's teachers and test each against
        // the whole key list (a file of 45,000 rows for two teachers: 3,424 rows/s, by pairs 9,709)
        Object[] pairs = new Object[pending.size() * 2];
        for (int i = 0; i < pending.size(); i++) {
            pairs[2 * i] = pending.get(i)[teacherColumn];
            pairs[2 * i + 1] = pending.get(i)[keyIndex];
        }
        Set<String> existing = new HashSet<>(jdbc.queryForList("SELECT record_key FROM " + table + " WHERE (teacher_id, record_key) IN ("
                + SqlArgs.marks(pending.size(), "(?,?)") + ")", String.class, pairs));
        List<Object[]> inserts = pending.stream().filter(r -> !existing.contains((String) r[keyIndex])).toList();
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO " + table + " (" + String.join(",", written) + ") VALUES (" + SqlArgs.marks(written.size()) + ")", inserts);
        }
        return inserts.size();
    }

    /** Java's order of the values; where the database's collation differs (letter case) only the packing suffers. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Object[]> order(List<String> columns, List<String> readOrder) {
        Comparator<Object[]> order = null;
        for (String column : readOrder) {
            int index = columns.indexOf(column);
            if (index < 0) {
                throw new IllegalArgumentException(column + " is not among " + columns);
            }
            Comparator<Object[]> next = Comparator.comparing(r -> (Comparable) r[index], Comparator.nullsFirst(Comparator.naturalOrder()));
            order = order == null ? next : order.thenComparing(next);
        }
        if (order == null) {
            throw new IllegalArgumentException("no read order");
        }
        return order;
    }

    int inserted() {
        return inserted;
    }

    /** Rows already stored by another file; complete once {@link #flush} has run. */
    int skipped() {
        return sent - inserted;
    }

    int replaced() {
        return replaced;
    }
}
