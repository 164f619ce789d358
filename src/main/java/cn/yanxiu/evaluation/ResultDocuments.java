package cn.yanxiu.evaluation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A stored result's four JSON documents (findings, score lines, eligibility, the rules' trace). Written as one
 * deflated document with the run's dictionary — one teacher's documents, which hold the rule names, fact
 * descriptions and wording every teacher of the run shares — so a result takes under a kilobyte instead of
 * twenty; read back as the same text. Rows stored before this format keep their four text columns.
 */
public final class ResultDocuments {

    /** The four documents as JSON text. */
    public record Documents(String findings, String scoreLines, String eligibility, String trace) {

        public byte[] joined() {
            // JSON text never holds a raw line break, so one separates the four
            return String.join("\n", findings, scoreLines, eligibility, trace).getBytes(StandardCharsets.UTF_8);
        }

        static Documents split(String joined) {
            String[] parts = joined.split("\n", 4);
            if (parts.length != 4) {
                throw new IllegalStateException("评价结果的存储格式无法识别");
            }
            return new Documents(parts[0], parts[1], parts[2], parts[3]);
        }
    }

    private static final byte FORMAT = 1;
    /** Deflate looks back at most 32 KB: a longer dictionary would not be used. */
    private static final int DICTIONARY_BYTES = 32 * 1024;

    private static final Map<Long, Optional<byte[]>> DICTIONARIES = new ConcurrentHashMap<>();

    /** One compressor per evaluating thread, reset for each result: making one costs a tenth of a result's compression. */
    private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(() -> new Deflater(3));

    private ResultDocuments() {
    }

    /** A run's dictionary made from one teacher's documents. */
    public static byte[] dictionaryFrom(Documents sample) {
        byte[] all = sample.joined();
        return all.length <= DICTIONARY_BYTES ? all : Arrays.copyOfRange(all, all.length - DICTIONARY_BYTES, all.length);
    }

    /**
     * {@code joined}: the four documents as UTF-8, one per line (see {@link Documents#joined}). Level 3 rather
     * than the default 6: on a run's results it stores about 900 bytes instead of 730 in half the time, and
     * compressing was a fifth of an evaluating thread's time.
     */
    static byte[] pack(byte[] joined, byte[] dictionary) {
        Deflater deflater = DEFLATERS.get();
        deflater.reset();
        deflater.setDictionary(dictionary);
        deflater.setInput(joined);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(joined.length / 8 + 64);
        out.write(FORMAT);
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        return out.toByteArray();
    }

    static Documents unpack(byte[] packed, byte[] dictionary) {
        if (packed.length == 0 || packed[0] != FORMAT) {
            throw new IllegalStateException("评价结果的存储格式无法识别");
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(packed, 1, packed.length - 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream(packed.length * 24);
            byte[] buffer = new byte[16384];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && inflater.needsDictionary()) {
                    if (dictionary == null) {
                        throw new IllegalStateException("评价结果需要其运行的压缩字典，但运行未存字典");
                    }
                    inflater.setDictionary(dictionary);
                } else if (n == 0 && !inflater.finished() && inflater.needsInput()) {
                    throw new IllegalStateException("评价结果已损坏：数据不完整");
                }
                out.write(buffer, 0, n);
            }
            return Documents.split(out.toString(StandardCharsets.UTF_8));
        } catch (DataFormatException e) {
            throw new IllegalStateException("评价结果已损坏：" + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    /** The dictionary a run stores its results with, or null when it stores them as text (runs before this format). */
    static byte[] dictionary(JdbcTemplate jdbc, long runId) {
        Optional<byte[]> known = DICTIONARIES.get(runId);
        if (known != null && known.isPresent()) {
            return known.get();
        }
        List<byte[]> stored = jdbc.query("SELECT result_dictionary FROM evaluation_run WHERE id = ?", (rs, i) -> rs.getBytes(1), runId);
        byte[] dictionary = stored.isEmpty() ? null : stored.get(0);
        if (DICTIONARIES.size() > 64) {
            DICTIONARIES.clear();
        }
        // a run without one yet may get one when it starts; only a found dictionary is kept
        if (dictionary != null) {
            DICTIONARIES.put(runId, Optional.of(dictionary));
        }
        return dictionary;
    }

    /** Stores the run's dictionary once, before its first result. */
    static void storeDictionary(JdbcTemplate jdbc, long runId, byte[] dictionary) {
        jdbc.update("UPDATE evaluation_run SET result_dictionary = ? WHERE id = ? AND result_dictionary IS NULL", dictionary, runId);
    }

    /** A result's documents from its stored columns: the compressed details when present, else the four text columns. */
    public static Documents read(JdbcTemplate jdbc, long runId, Object details, Object findings, Object scoreLines, Object eligibility, Object trace) {
        byte[] packed = bytes(details);
        if (packed != null) {
            return unpack(packed, dictionary(jdbc, runId));
        }
        return new Documents(ResultRows.text(findings), ResultRows.text(scoreLines), ResultRows.text(eligibility), ResultRows.text(trace));
    }

    /** The same, from a row read as a map (H2 names its columns in capitals). */
    public static Documents read(JdbcTemplate jdbc, long runId, Map<String, Object> row) {
        return read(jdbc, runId, cn.yanxiu.system.RowColumns.get(row, "details"), cn.yanxiu.system.RowColumns.get(row, "findings_json"), cn.yanxiu.system.RowColumns.get(row, "score_lines_json"), cn.yanxiu.system.RowColumns.get(row, "eligibility_json"),
                cn.yanxiu.system.RowColumns.get(row, "trace_json"));
    }


    private static byte[] bytes(Object stored) {
        if (stored instanceof Blob blob) {
            try {
                return blob.getBytes(1, (int) blob.length());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return (byte[]) stored;
    }
}
