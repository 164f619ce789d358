package cn.yanxiu.benchmark;

import cn.yanxiu.activity.ActivityType;
import cn.yanxiu.activity.ScoreKind;
import cn.yanxiu.generate.CountyTables;
import cn.yanxiu.generate.TableWriter;
import cn.yanxiu.system.SqlArgs;
import cn.yanxiu.teacher.SchoolKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts a generated county straight into the database in JDBC batches, for the benchmark. The importer's
 * checks are what make imports slow and they are not what the benchmark measures, so this loader trusts
 * the generator and only translates labels into the stored codes. Only one term's activities are loaded. Its rows'
 * source is {@code benchmark}, a name no imported file has (those keep their {@code .csv} or {@code .xlsx}), so no
 * re-import looks for them and they are not listed in {@code import_file_teacher}.
 */
final class CountyLoader implements CountyTables {

    private static final int BATCH = 2000;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final String termId;
    private long rows;

    CountyLoader(JdbcTemplate jdbc, TransactionTemplate transactions, String termId) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.termId = termId;
    }

    long rows() {
        return rows;
    }

    @Override
    public TableWriter open(String table, List<String> headers) {
        return switch (table) {
            case "schools" -> new Batch("school", List.of("id", "name", "district_id", "kind"), c -> {
                district(c[3].toString(), c[4].toString());
                return new Object[] {c[0], c[1], c[3], SchoolKind.parse(c[2].toString()).orElseThrow().name()};
            });
            case "terms" -> new Batch("term", List.of("id", "academic_year", "term_no", "name", "start_date", "end_date", "teaching_weeks"), c -> c);
            case "teachers" -> new Batch("teacher", List.of("id", "name", "school_id", "group_id", "subject", "roles", "birth_year",
                    "teaching_years", "title", "backbone_level", "joined_on"), c -> {
                String group = c[3] == null ? null : c[2] + ":" + c[3];
                if (group != null) {
                    group(group, c[2].toString(), c[3].toString());
                }
                return new Object[] {c[0], c[1], c[2], group, c[4], c[5], c[6], c[7], c[8], c[9], c[10]};
            });
            case "leaves" -> new Batch("leave_period", List.of("teacher_id", "kind", "start_date", "end_date", "record_key", "source_file"),
                    c -> keyed(c[0], c[1], c[2], c[3]));
            case "scores" -> new Batch("score_record", List.of("teacher_id", "term_id", "kind", "score", "recorded_on", "record_key", "source_file"),
                    c -> keyed(c[0], c[1], ScoreKind.parse(c[2].toString()).orElseThrow().name(), c[3], c[4]));
            case "ethics" -> new Batch("ethics_record", List.of("teacher_id", "term_id", "standard_met", "recorded_on", "description",
                    "record_key", "source_file"), c -> keyed(c[0], c[1], "是".equals(c[2]), c[3], c[4]));
            case "prior-hours" -> new Batch("prior_hours", List.of("teacher_id", "academic_year", "hours", "record_key", "source_file"),
                    c -> keyed(c[0], c[1], c[2]));
            default -> table.equals("activities-" + termId)
                    ? new Batch("activity", List.of("teacher_id", "term_id", "type", "activity_date", "hours", "quantity", "note",
                            "record_key", "source_file"),
                            c -> keyed(c[0], c[1], ActivityType.parse(c[2].toString()).orElseThrow().name(), c[3], c[4], c[5], c[6]))
                    : new Skipped();
        };
    }

    private final List<Batch> opened = new ArrayList<>();
    private final Set<String> districts = new HashSet<>();
    private final Set<String> groups = new HashSet<>();

    private void district(String id, String name) {
        if (districts.add(id)) {
            jdbc.update("INSERT INTO district (id, name) VALUES (?, ?)", id, name);
        }
    }

    private void group(String id, String school, String name) {
        if (groups.add(id)) {
            jdbc.update("INSERT INTO research_group (id, school_id, name) VALUES (?, ?, ?)", id, school, name);
        }
    }

    private long keys;

    private Object[] keyed(Object... values) {
        Object[] row = new Object[values.length + 2];
        System.arraycopy(values, 0, row, 0, values.length);
        row[values.length] = "benchmark-" + (++keys);
        row[values.length + 1] = "benchmark";
        return row;
    }

    private final class Batch implements TableWriter {
        private final String insert;
        private final Function<Object[], Object[]> translate;
        private final List<Object[]> pending = new ArrayList<>(BATCH);

        Batch(String table, List<String> columns, Function<Object[], Object[]> translate) {
            this.insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + SqlArgs.marks(columns.size()) + ")";
            this.translate = translate;
            opened.add(this);
        }

        @Override
        public void row(Object... cells) {
            Object[] values = cells.clone();
            for (int i = 0; i < values.length; i++) {
                if ("".equals(values[i])) {
                    values[i] = null;
                }
            }
            pending.add(translate.apply(values));
            if (pending.size() >= BATCH) {
                flush();
            }
        }

        /** Tables opened earlier are the ones this one refers to (schools, terms, teachers): they go first. */
        private void flush() {
            for (Batch earlier : opened.subList(0, opened.indexOf(this))) {
                earlier.flush();
            }
            if (!pending.isEmpty()) {
                transactions.executeWithoutResult(s -> jdbc.batchUpdate(insert, pending));
                rows += pending.size();
                pending.clear();
            }
        }

        @Override
        public void close() {
            flush();
        }
    }

    private static final class Skipped implements TableWriter {
        @Override
        public void row(Object... cells) {
        }

        @Override
        public void close() {
        }
    }
}
