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
    private Set<String> schools;
    private Set<String> teachers;
    private Map<String, TermDates> terms;

    ImportReferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean hasSchool(String id) {
        if (schools == null) {
            schools = new HashSet<>(jdbc.queryForList("SELECT id FROM school", String.class));
        }
        return schools.contains(id);
    }

    boolean hasTeacher(String id) {
        if (teachers == null) {
            teachers = new HashSet<>(jdbc.queryForList("SELECT id FROM teacher", String.class));
        }
        return teachers.contains(id);
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
