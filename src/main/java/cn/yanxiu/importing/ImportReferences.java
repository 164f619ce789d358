package cn.yanxiu.importing;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/** What an imported row may refer to: the schools, teachers and terms already stored. Loaded once per file. */
final class ImportReferences {

    record TermDates(LocalDate start, LocalDate end) {
        boolean contains(LocalDate date) {
            return !date.isBefore(start) && !date.isAfter(end);
        }
    }

    private final JdbcTemplate jdbc;
    private final cn.yanxiu.accounts.Scope scope;
    private Set<String> schools;
    private Set<String> teachers;
    private Map<String, TermDates> terms;

    ImportReferences(JdbcTemplate jdbc) {
        this(jdbc, cn.yanxiu.accounts.Scope.PROVINCE);
    }

    /** References as an administrator of {@code scope} may make them: schools and teachers outside it count as unknown. */
    ImportReferences(JdbcTemplate jdbc, cn.yanxiu.accounts.Scope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    boolean hasSchool(String id) {
        if (schools == null) {
            schools = new HashSet<>(jdbc.queryForList("SELECT s.id FROM school s WHERE " + scope.sql("s.id"), String.class, scope.args()));
        }
        return schools.contains(id);
    }

    boolean hasTeacher(String id) {
        if (teachers == null) {
            teachers = new HashSet<>(jdbc.queryForList("SELECT t.id FROM teacher t WHERE " + scope.sql("t.school_id"), String.class, scope.args()));
        }
        return teachers.contains(id);
    }

    /** A teacher stored under a school outside the scope: a narrower administrator may not move or rewrite them. */
    boolean teacherOutside(String id) {
        if (scope.province() || hasTeacher(id)) {
            return false;
        }
        return jdbc.queryForObject("SELECT COUNT(*) FROM teacher WHERE id = ?", Integer.class, id) > 0;
    }

    /** Said after "does not exist" when the importer's reach is narrower than the province. */
    String outsideNote() {
        return scope.province() ? "" : "（或不在您的管理范围" + scope + "内）";
    }

    TermDates term(String id) {
        if (terms == null) {
            terms = new HashMap<>();
            jdbc.query("SELECT id, start_date, end_date FROM term", rs -> {
                terms.put(rs.getString(1), new TermDates(toLocal(rs.getDate(2)), toLocal(rs.getDate(3))));
            });
        }
        return terms.get(id);
    }

    private static LocalDate toLocal(Date date) {
        return date.toLocalDate();
    }
}
