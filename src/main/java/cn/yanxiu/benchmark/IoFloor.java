package cn.yanxiu.benchmark;

import cn.yanxiu.evaluation.TeacherCaseReader;
import cn.yanxiu.evaluation.TermScope;
import cn.yanxiu.rules.TeacherCase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The I/O floor of a term-end run: read every teacher's rows exactly as the batch does (same reader, same
 * page size, schools split over the same number of threads) and write one result row per teacher, with
 * no rules. The batch can approach this rate but never beat it.
 */
final class IoFloor {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final int pageSize;

    IoFloor(JdbcTemplate jdbc, TransactionTemplate transactions, int pageSize) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.pageSize = pageSize;
    }

    /** As many bytes as the batch stores per teacher in its compressed details column (measured: about 0.7 KB). */
    private static final byte[] DETAILS = new java.util.Random(7).ints(720, 0, 256).collect(java.io.ByteArrayOutputStream::new,
            (out, b) -> out.write(b), (a, b) -> a.write(b.toByteArray(), 0, b.size())).toByteArray();

    /** Reads and writes every teacher of the scope under the given run; returns the teachers written. */
    int run(TermScope scope, long runId, int threads) throws Exception {
        List<List<String>> shares = shareSchools(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger written = new AtomicInteger();
        try {
            List<Future<?>> work = new ArrayList<>();
            for (List<String> schools : shares) {
                work.add(pool.submit(() -> {
                    try (TeacherCaseReader reader = new TeacherCaseReader(jdbc, scope, schools, null)) {
                    for (List<TeacherCase> page = reader.nextPage(pageSize); !page.isEmpty(); page = reader.nextPage(pageSize)) {
                        List<Object[]> rows = new ArrayList<>(page.size());
                        for (TeacherCase c : page) {
                            rows.add(new Object[] {runId, c.teacher().getId(), c.teacher().getSchoolId(), c.activities().size(), DETAILS});
                        }
                        transactions.executeWithoutResult(s -> jdbc.batchUpdate("INSERT INTO evaluation_result (run_id, teacher_id, school_id, "
                                + "grade_level, vetoed, hours_recognised, credits, certificate, findings_json, score_lines_json, eligibility_json, trace_json, "
                                + "details) VALUES (?, ?, ?, ?, FALSE, 0, 0, FALSE, '', '', '', '', ?)", rows));
                        written.addAndGet(rows.size());
                    }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return written.get();
    }

    /** Schools dealt to threads so that each gets about the same number of teachers. */
    private List<List<String>> shareSchools(int threads) {
        List<List<String>> shares = new ArrayList<>();
        long[] load = new long[threads];
        for (int i = 0; i < threads; i++) {
            shares.add(new ArrayList<>());
        }
        jdbc.query("SELECT school_id, COUNT(*) FROM teacher GROUP BY school_id ORDER BY COUNT(*) DESC", rs -> {
            int lightest = 0;
            for (int i = 1; i < threads; i++) {
                if (load[i] < load[lightest]) {
                    lightest = i;
                }
            }
            shares.get(lightest).add(rs.getString(1));
            load[lightest] += rs.getLong(2);
        });
        shares.removeIf(List::isEmpty);
        return shares;
    }
}
