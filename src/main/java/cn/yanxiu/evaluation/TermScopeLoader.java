package cn.yanxiu.evaluation;

import cn.yanxiu.activity.ActivityType;
import cn.yanxiu.rules.vocabulary.GroupRecord;
import cn.yanxiu.rules.vocabulary.SchoolRecord;
import cn.yanxiu.rules.vocabulary.Term;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Loads a term and counts what each teaching-research group and school held in it. */
@Component
public class TermScopeLoader {

    private final JdbcTemplate jdbc;

    TermScopeLoader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public TermScope load(String termId) {
        Term term = jdbc.query("SELECT id, academic_year, start_date, end_date, teaching_weeks FROM term WHERE id = ?",
                rs -> rs.next() ? new Term(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                        rs.getDate(4).toLocalDate(), rs.getInt(5)) : null, termId);
        if (term == null) {
            throw new IllegalArgumentException("学期“" + termId + "”不存在：请先导入学期表（terms.csv）");
        }
        int termMonths = months(term.getStart(), term.getEnd());
        // per type with "type = ?": each query is then one range of (term, type, teacher, date), an index that holds
        // every column it reads; given both types at once MySQL went teacher by teacher through all their activities
        Map<String, int[]> counts = new HashMap<>();
        for (ActivityType type : List.of(ActivityType.RESEARCH_ACTIVITY, ActivityType.CENTRAL_STUDY)) {
            int daysAt = type == ActivityType.RESEARCH_ACTIVITY ? 0 : 1;
            jdbc.query("SELECT t.group_id, COUNT(DISTINCT a.activity_date), "
                    + "COUNT(DISTINCT EXTRACT(YEAR FROM a.activity_date) * 100 + EXTRACT(MONTH FROM a.activity_date)) "
                    + "FROM activity a JOIN teacher t ON t.id = a.teacher_id WHERE a.term_id = ? AND a.type = ? AND t.group_id IS NOT NULL "
                    + "GROUP BY t.group_id", rs -> {
                        int[] c = counts.computeIfAbsent(rs.getString(1), k -> new int[3]);
                        c[daysAt] = rs.getInt(2);
                        if (type == ActivityType.CENTRAL_STUDY) {
                            c[2] = rs.getInt(3);
                        }
                    }, termId, type.name());
        }
        Map<String, GroupRecord> groups = new HashMap<>();
        counts.forEach((group, c) -> groups.put(group, new GroupRecord(group, c[0], c[1], c[2], termMonths)));
        jdbc.query("SELECT id FROM research_group", rs -> {
            groups.putIfAbsent(rs.getString(1), new GroupRecord(rs.getString(1), 0, 0, 0, termMonths));
        });
        Map<String, Integer> trainings = new HashMap<>();
        jdbc.query("SELECT t.school_id, COUNT(DISTINCT a.activity_date) FROM activity a JOIN teacher t ON t.id = a.teacher_id "
                + "WHERE a.term_id = ? AND a.type = ? GROUP BY t.school_id", rs -> {
                    trainings.put(rs.getString(1), rs.getInt(2));
                }, termId, ActivityType.SCHOOL_TRAINING.name());
        Map<String, SchoolRecord> schools = new HashMap<>();
        jdbc.query("SELECT id FROM school", rs -> {
            schools.put(rs.getString(1), new SchoolRecord(rs.getString(1), trainings.getOrDefault(rs.getString(1), 0)));
        });
        return new TermScope(term, groups, schools);
    }

    /** Calendar months a term touches (Sep 1 – Jan 11 touches 5). */
    static int months(LocalDate start, LocalDate end) {
        Set<Integer> months = new HashSet<>();
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            months.add(d.getYear() * 100 + d.getMonthValue());
        }
        return months.size();
    }
}
