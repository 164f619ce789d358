package cn.yanxiu.evaluation.batch;

import cn.yanxiu.evaluation.TeacherCaseReader;
import cn.yanxiu.evaluation.TermScope;
import cn.yanxiu.rules.TeacherCase;
import java.util.List;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamReader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Spring Batch reader over one partition's teachers. Its restart state is the id of the last teacher
 * handed out, saved with each committed chunk, so a resumed run starts right after the last chunk known to be
 * written (one whose commit was never answered is read again, and {@link ResultItemWriter} keeps it stored once).
 */
class TeacherCaseItemReader implements ItemStreamReader<TeacherCase> {

    static final String LAST_ID = "lastTeacherId";

    private final JdbcTemplate jdbc;
    private final TermScope scope;
    private final List<String> schoolIds;
    private TeacherCaseReader reader;
    private String lastHandedOut = "";

    TeacherCaseItemReader(JdbcTemplate jdbc, TermScope scope, List<String> schoolIds) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.schoolIds = schoolIds;
    }

    @Override
    public void open(ExecutionContext context) {
        lastHandedOut = context.getString(LAST_ID, "");
        reader = new TeacherCaseReader(jdbc, scope, schoolIds, lastHandedOut);
    }

    @Override
    public TeacherCase read() {
        TeacherCase next = reader.next();
        if (next != null) {
            lastHandedOut = next.teacher().getId();
        }
        return next;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putString(LAST_ID, lastHandedOut);
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.close();
        }
    }
}
