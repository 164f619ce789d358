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

    /** The term and every group's and school's figures: what a run over the term's teachers needs. */
    public TermScope load(String termId) {
        return load(termId, null);
    }

    /**
     * The term and the figures of one teacher's group and school only: what evaluating or explaining that teacher
     * needs. The same counts as {@link #load}, read from the group's and school's members instead of the whole term
     * (at 100,000 teachers the whole term's counts take seconds).
     */
    public TermScope loadFor(String termId, String teacherId) {
        Member member = jdbc.query("SELECT school_id, group_id FROM teacher WHERE id = ?",
                rs -> rs.next() ? new Member(rs.getString(1), rs.getString(2)) : new Member(null, null), teacherId);
        return load(termId, member);
    }

    /** Whose figures to count: one teacher's school and group (either may be null: none), or everyone's (null member). */
    private record Member(String school, String group) {
    }

    /** The term alone; refused when there is no such term. */
    public Term term(String termId) {
        Term term = jdbc.query("SELECT id, academic_year, start_date, end_date, teaching_weeks FROM term WHERE id = ?",
                rs -> rs.next() ? new Term(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                        rs.getDate(4).toLocalDate(), rs.getInt(5)) : null, termId);
        if (term == null) {
            throw new IllegalArgumentException("学期“" + termId + "”不存在：请先导入学期表（terms.csv）");
        }
        return term;
    }

    private TermScope load(String termId, Member member) {
        Term term = term(termId);
        int termMonths = months(term.getStart(), term.getEnd());
        Map<String, GroupRecord> groups = new HashMap<>();
        if (member == null || member.group() != null) {
            Map<String, int[]> counts = groupCounts(termId, member == null ? null : member.group());
            counts.forEach((group, c) -> groups.put(group, new GroupRecord(group, c[0], c[1], c[2], termMonths)));
            if (member == null) {
                jdbc.query("SELECT id FROM research_group", rs -> {
                    groups.putIfAbsent(rs.getString(1), new GroupRecord(rs.getString(1), 0, 0, 0, termMonths));
                });
            } else {
                groups.putIfAbsent(member.group(), new GroupRecord(member.group(), 0, 0, 0, termMonths));
            }
        }
        Map<String, SchoolRecord> schools = new HashMap<>();
        if (member == null || member.school() != null) {
            Map<String, Integer> trainings = new HashMap<>();
            jdbc.query("SELECT t.school_id, COUNT(DISTINCT a.activity_date) FROM activity a JOIN teacher t ON t.id = a.teacher_id "
                    + "WHERE a.term_id = ? AND a.type = ?" + (member == null ? "" : " AND t.school_id = ?") + " GROUP BY t.school_id", rs -> {
                        trainings.put(rs.getString(1), rs.getInt(2));
                    }, member == null ? new Object[] {termId, ActivityType.SCHOOL_TRAINING.name()}
                            : new Object[] {termId, ActivityType.SCHOOL_TRAINING.name(), member.school()});
            if (member == null) {
                jdbc.query("SELECT id FROM school", rs -> {
                    schools.put(rs.getString(1), new SchoolRecord(rs.getString(1), trainings.getOrDefault(rs.getString(1), 0)));
                });
            } else {
                schools.put(member.school(), new SchoolRecord(member.school(), trainings.getOrDefault(member.school(), 0)));
            }
        }
        return new TermScope(term, groups, schools);
    }

    /**
     * Per group (of all, or of one): distinct days of group research activities, distinct days and months of central
     * study. Per type with "type = ?": for the whole term each query is then one range of the (term, type, teacher, date)
     * index, which holds every column it reads. MySQL would rather start from the teachers with a group and look each
     * one's activities up (4.5 s against 1.9 s per type at 100,000 teachers): STRAIGHT_JOIN keeps the range scan first.
     * For one group the group's few teachers come first, as the planner chooses.
     */
    private Map<String, int[]> groupCounts(String termId, String group) {
        String join = group == null && TeacherCaseReader.isMySql(jdbc) ? " STRAIGHT_JOIN " : " JOIN ";
        Map<String, int[]> counts = new HashMap<>();
        for (ActivityType type : List.of(ActivityType.RESEARCH_ACTIVITY, ActivityType.CENTRAL_STUDY)) {
            int daysAt = type == ActivityType.RESEARCH_ACTIVITY ? 0 : 1;
            jdbc.query("SELECT t.group_id, COUNT(DISTINCT a.activity_date), "
                    + "COUNT(DISTINCT EXTRACT(YEAR FROM a.activity_date) * 100 + EXTRACT(MONTH FROM a.activity_date)) "
                    + "FROM activity a" + join + "teacher t ON t.id = a.teacher_id WHERE a.term_id = ? AND a.type = ? AND "
                    + (group == null ? "t.group_id IS NOT NULL" : "t.group_id = ?") + " GROUP BY t.group_id", rs -> {
                        int[] c = counts.computeIfAbsent(rs.getString(1), k -> new int[3]);
                        c[daysAt] = rs.getInt(2);
                        if (type == ActivityType.CENTRAL_STUDY) {
                            c[2] = rs.getInt(3);
                        }
                    }, group == null ? new Object[] {termId, type.name()} : new Object[] {termId, type.name(), group});
        }
        return counts;
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
