package cn.yanxiu.evaluation.batch;

import cn.yanxiu.evaluation.ResultRows;
import cn.yanxiu.system.SqlArgs;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes each chunk of a partition's results in the chunk's transaction.
 *
 * <p>A partition that ran before may hand this writer teachers whose results are already stored. When a database
 * connection dies after the server committed a chunk but before its answer arrived, Spring Batch cannot know the
 * chunk committed: it takes it for lost and, at the step's end, stores the restart point from before that chunk.
 * The resumed partition reads those teachers again; their stored results (the same run, rules and records) stand
 * and are not written twice. A partition's first run cannot meet stored results, so only a resumed one looks.
 */
class ResultItemWriter implements ItemStreamWriter<ResultRows.Row> {

    private final JdbcTemplate jdbc;
    private final RunningRuleSets running;
    private final long runId;
    private boolean resumed;

    ResultItemWriter(JdbcTemplate jdbc, RunningRuleSets running, long runId) {
        this.jdbc = jdbc;
        this.running = running;
        this.runId = runId;
    }

    @Override
    public void open(ExecutionContext context) {
        // the reader's restart point is stored with the step's context before its first chunk (by every version of
        // Yanxiu that ran partitions), so a partition that ran at all has one
        resumed = context.containsKey(TeacherCaseItemReader.LAST_ID);
    }

    @Override
    public void write(Chunk<? extends ResultRows.Row> chunk) {
        List<ResultRows.Row> rows = resumed ? notYetStored(chunk.getItems()) : List.copyOf(chunk.getItems());
        // no run-row update here: partitions writing results (which lock the run row shared) and
        // touching the run row in the same transaction deadlock on MySQL; the heartbeat has its own thread
        ResultRows.insert(jdbc, runId, running.dictionary(runId), rows);
        running.advance(runId, rows.size());
    }

    private List<ResultRows.Row> notYetStored(List<? extends ResultRows.Row> rows) {
        Object[] args = SqlArgs.join(new Object[] {runId}, rows.stream().map(ResultRows.Row::teacherId).toArray());
        Set<String> stored = new HashSet<>(jdbc.queryForList(
                "SELECT teacher_id FROM evaluation_result WHERE run_id = ? AND teacher_id IN (" + SqlArgs.marks(rows.size()) + ")", String.class, args));
        return rows.stream().filter(row -> !stored.contains(row.teacherId())).map(ResultRows.Row.class::cast).toList();
    }
}
