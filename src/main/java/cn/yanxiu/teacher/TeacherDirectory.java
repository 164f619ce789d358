package cn.yanxiu.teacher;

import cn.yanxiu.activity.ActivityType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Finding teachers and reading what they did, for the web pages and the API. */
@Service
public class TeacherDirectory {

    private static final int SEARCH_LIMIT = 50;
    private final JdbcTemplate jdbc;

    TeacherDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record TeacherLine(String id, String name, String schoolId, String school, String groupId, String group, String roles) {
    }

    public record ActivityLine(long id, LocalDate date, String type, BigDecimal hours, int quantity, String note) {
    }

    public record TermLine(String id, String name, String academicYear) {
    }

    private static final String SELECT = "SELECT t.id, t.name, t.school_id, s.name, t.group_id, g.name, t.roles FROM teacher t "
            + "JOIN school s ON s.id = t.school_id LEFT JOIN research_group g ON g.id = t.group_id ";

    /** Teachers whose 工号 or name contains the text, first fifty. */
    public List<TeacherLine> search(String text) {
        return search(cn.yanxiu.accounts.Scope.PROVINCE, text);
    }

    /** As {@link #search(String)}, among the teachers inside a scope. */
    public List<TeacherLine> search(cn.yanxiu.accounts.Scope scope, String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String like = cn.yanxiu.system.SqlLike.containing(text);
        return jdbc.query(SELECT + "WHERE (t.id LIKE ? OR t.name LIKE ?) AND " + scope.sql("t.school_id") + " ORDER BY t.id LIMIT " + SEARCH_LIMIT,
                (rs, i) -> line(rs), cn.yanxiu.system.SqlArgs.join(new Object[] {like, like}, scope.args()));
    }

    /** A directory search matches the 工号, the name or the school's name; one pattern per placeholder. */
    private static final String MATCHES = "(t.id LIKE ? OR t.name LIKE ? OR s.name LIKE ?)";

    /** Sort keys a teacher list allows → their column; the key is what the page's links carry, never SQL. */
    public static final java.util.Map<String, String> SORTS = java.util.Map.of("id", "t.id", "name", "t.name", "school", "s.name", "group", "g.name");

    /**
     * One page of the teacher directory: every teacher whose 工号, name or school contains the text (all when it is
     * empty), ordered by an allowed column, {@code size} from {@code offset}. Paged in the database: a province has
     * a million teachers.
     */
    public List<TeacherLine> page(String text, String sort, boolean descending, long offset, int size) {
        return page(cn.yanxiu.accounts.Scope.PROVINCE, text, sort, descending, offset, size);
    }

    /** As {@link #page(String, String, boolean, long, int)}, among the teachers inside a scope. */
    public List<TeacherLine> page(cn.yanxiu.accounts.Scope scope, String text, String sort, boolean descending, long offset, int size) {
        String column = sort == null ? "t.id" : SORTS.getOrDefault(sort, "t.id");
        String where = "WHERE " + scope.sql("t.school_id") + " ";
        List<Object> args = new java.util.ArrayList<>(List.of(scope.args()));
        if (text != null && !text.isBlank()) {
            String like = cn.yanxiu.system.SqlLike.containing(text);
            where += "AND " + MATCHES + " ";
            args.addAll(List.of(like, like, like));
        }
        args.add(size);
        args.add(offset);
        return jdbc.query(SELECT + where + "ORDER BY " + column + (descending ? " DESC" : " ASC") + ", t.id LIMIT ? OFFSET ?",
                (rs, i) -> line(rs), args.toArray());
    }

    public long count(String text) {
        return count(cn.yanxiu.accounts.Scope.PROVINCE, text);
    }

    /** Teachers inside a scope whose 工号, name or school contains the text (all of the scope's when it is empty). */
    public long count(cn.yanxiu.accounts.Scope scope, String text) {
        if (text == null || text.isBlank()) {
            return jdbc.queryForObject("SELECT COUNT(*) FROM teacher t WHERE " + scope.sql("t.school_id"), Long.class, scope.args());
        }
        String like = cn.yanxiu.system.SqlLike.containing(text);
        return jdbc.queryForObject("SELECT COUNT(*) FROM teacher t JOIN school s ON s.id = t.school_id WHERE " + MATCHES + " AND " + scope.sql("t.school_id"),
                Long.class, cn.yanxiu.system.SqlArgs.join(new Object[] {like, like, like}, scope.args()));
    }

    public Optional<TeacherLine> find(String id) {
        return jdbc.query(SELECT + "WHERE t.id = ?", (rs, i) -> line(rs), id).stream().findFirst();
    }

    public List<ActivityLine> activities(String teacherId, String termId) {
        return jdbc.query("SELECT id, activity_date, type, hours, quantity, note FROM activity WHERE teacher_id = ? AND term_id = ? ORDER BY activity_date, id",
                (rs, i) -> new ActivityLine(rs.getLong(1), rs.getDate(2).toLocalDate(), label(rs.getString(3)), rs.getBigDecimal(4), rs.getInt(5),
                        rs.getString(6)),
                teacherId, termId);
    }

    public List<TermLine> terms() {
        return jdbc.query("SELECT id, name, academic_year FROM term ORDER BY start_date DESC", (rs, i) -> new TermLine(rs.getString(1), rs.getString(2),
                rs.getString(3)));
    }

    /** The term people mean by "this term": the latest with a finished evaluation run, else the latest term. */
    public String currentTerm() {
        List<String> evaluated = jdbc.queryForList("SELECT m.id FROM term m WHERE EXISTS (SELECT 1 FROM evaluation_run u WHERE u.term_id = m.id "
                + "AND u.status = 'COMPLETED') ORDER BY m.start_date DESC", String.class);
        if (!evaluated.isEmpty()) {
            return evaluated.get(0);
        }
        List<TermLine> all = terms();
        return all.isEmpty() ? null : all.get(0).id();
    }

    public int count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM teacher", Integer.class);
    }

    private static String label(String type) {
        try {
            return ActivityType.valueOf(type).label();
        } catch (IllegalArgumentException e) {
            return type;
        }
    }

    private static TeacherLine line(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new TeacherLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7));
    }
}
