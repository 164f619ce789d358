package cn.yanxiu.evaluation.batch;

import cn.yanxiu.evaluation.TeacherCaseReader;
import cn.yanxiu.evaluation.TermScope;
import cn.yanxiu.rules.TeacherCase;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamReader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Spring Batch reader over one partition's teachers. Its restart state is the id of the last teacher
 * handed out, saved with each committed chunk, so a resumed run starts right after the last teacher whose
 * result was written: exactly one result per teacher.
 */
class TeacherCaseItemReader implements ItemStreamReader<TeacherCase> {

    private static final String LAST_ID = "lastTeacherId";
    private static final int PAGE = 500;

    private final JdbcTemplate jdbc;
    private final TermScope scope;
    private final List<String> schoolIds;
    private final Deque<TeacherCase> page = new ArrayDeque<>();
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
        reader = new TeacherCaseReader(jdbc, scope, schoolIds, PAGE, lastHandedOut);
    }

    @Override
    public TeacherCase read() {
        if (page.isEmpty()) {
            page.addAll(reader.nextPage());
        }
        TeacherCase next = page.poll();
        if (next != null) {
            lastHandedOut = next.teacher().getId();
        }
        return next;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putString(LAST_ID, lastHandedOut);
    }
}
