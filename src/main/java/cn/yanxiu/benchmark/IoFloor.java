package cn.yanxiu.benchmark;

import cn.yanxiu.evaluation.TeacherCaseReader;
import cn.yanxiu.evaluation.TermScope;
import cn.yanxiu.evaluation.batch.SchoolPartitioner;
import cn.yanxiu.rules.TeacherCase;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The I/O floor of a term-end run: read every teacher's rows exactly as the batch does (same reader, the
 * batch's own partitions of schools on as many threads, a transaction per chunk) and write one result row
 * per teacher, with no rules. The batch can approach this rate but never beat it.
 */
final class IoFloor {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final int pageSize;
    private final int partitionTeachers;

    /** {@code pageSize}: results written per transaction; {@code partitionTeachers}: the batch's partition size setting. */
    IoFloor(JdbcTemplate jdbc, TransactionTemplate transactions, int pageSize, int partitionTeachers) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.pageSize = pageSize;
        this.partitionTeachers = partitionTeachers;
    }

    /** As many bytes as the batch stores per teacher in its compressed details column (measured: about 0.7 KB). */
    private static final byte[] DETAILS = new java.util.Random(7).ints(720, 0, 256).collect(java.io.ByteArrayOutputStream::new,
            (out, b) -> out.write(b), (a, b) -> a.write(b.toByteArray(), 0, b.size())).toByteArray();

    /** Reads and writes every teacher of the scope under the given run; returns the teachers written. */
    int run(TermScope scope, long runId, int threads) throws Exception {
        Collection<ExecutionContext> partitions = new SchoolPartitioner(jdbc, "全部", partitionTeachers).partition(threads).values();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger written = new AtomicInteger();
        try {
            List<Future<?>> work = new ArrayList<>();
            for (ExecutionContext partition : partitions) {
                work.add(pool.submit(() -> {
                    written.addAndGet(readAndWrite(scope, runId, SchoolPartitioner.schools(partition)));
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

    private int readAndWrite(TermScope scope, long runId, List<String> schools) {
        int written = 0;
        try (TeacherCaseReader reader = new TeacherCaseReader(jdbc, scope, schools, null)) {
            for (List<TeacherCase> page = reader.nextPage(pageSize); !page.isEmpty(); page = reader.nextPage(pageSize)) {
                List<Object[]> rows = new ArrayList<>(page.size());
                for (TeacherCase c : page) {
                    rows.add(new Object[] {runId, c.teacher().getId(), c.teacher().getSchoolId(), c.activities().size(), DETAILS});
                }
                transactions.executeWithoutResult(s -> jdbc.batchUpdate("INSERT INTO evaluation_result (run_id, teacher_id, school_id, "
                        + "grade_level, vetoed, hours_recognised, credits, certificate, findings_json, score_lines_json, eligibility_json, trace_json, "
                        + "details) VALUES (?, ?, ?, ?, FALSE, 0, 0, FALSE, '', '', '', '', ?)", rows));
                written += rows.size();
            }
        }
        return written;
    }
}
