package cn.yanxiu.evaluation;

import cn.yanxiu.activity.ActivityType;
import cn.yanxiu.rules.vocabulary.GroupRecord;
import cn.yanxiu.rules.vocabulary.SchoolRecord;
import cn.yanxiu.rules.vocabulary.Term;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
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
            String group = member == null ? null : member.group();
            Map<String, DaySet> research = days("group_id", group, termId, ActivityType.RESEARCH_ACTIVITY, term.getStart());
            Map<String, DaySet> study = days("group_id", group, termId, ActivityType.CENTRAL_STUDY, term.getStart());
            Set<String> held = new HashSet<>(research.keySet());
            held.addAll(study.keySet());
            for (String g : held) {
                DaySet r = research.get(g);
                DaySet c = study.get(g);
                groups.put(g, new GroupRecord(g, r == null ? 0 : r.days(), c == null ? 0 : c.days(), c == null ? 0 : c.months(), termMonths));
            }
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
            Map<String, DaySet> trainings = days("school_id", member == null ? null : member.school(), termId, ActivityType.SCHOOL_TRAINING,
                    term.getStart());
            if (member == null) {
                jdbc.query("SELECT id FROM school", rs -> {
                    DaySet d = trainings.get(rs.getString(1));
                    schools.put(rs.getString(1), new SchoolRecord(rs.getString(1), d == null ? 0 : d.days()));
                });
            } else {
                DaySet d = trainings.get(member.school());
                schools.put(member.school(), new SchoolRecord(member.school(), d == null ? 0 : d.days()));
            }
        }
        return new TermScope(term, groups, schools);
    }

    /**
     * The days of one activity type in the term, per group or per school ({@code by}: the teacher's column), of all or
     * of one ({@code only}). The database hands over each activity's day with its teacher's group or school, in the
     * order of the (term, type, teacher, date) index, and the days are told apart here: a GROUP BY with COUNT(DISTINCT)
     * made MySQL and MariaDB sort every row of the type first (about 10 million per type at 1,000,000 teachers).
     * MySQL would rather start from the teachers and look each one's activities up: STRAIGHT_JOIN keeps the range scan
     * first for the whole term. For one group or school its few teachers come first, as the planner chooses.
     */
    private Map<String, DaySet> days(String by, String only, String termId, ActivityType type, LocalDate first) {
        boolean mySql = TeacherCaseReader.isMySql(jdbc);
        String join = only == null && mySql ? " STRAIGHT_JOIN " : " JOIN ";
        String sql = "SELECT t." + by + ", a.activity_date FROM activity a" + join + "teacher t ON t.id = a.teacher_id "
                + "WHERE a.term_id = ? AND a.type = ? AND " + (only == null ? "t." + by + " IS NOT NULL" : "t." + by + " = ?");
        // the whole term's rows streamed (Connector/J: fetch size Integer.MIN_VALUE) instead of held in memory at once
        JdbcTemplate reader = jdbc;
        if (mySql && only == null) {
            reader = new JdbcTemplate(jdbc.getDataSource());
            reader.setFetchSize(Integer.MIN_VALUE);
        }
        Map<String, DaySet> days = new HashMap<>();
        reader.query(sql, rs -> {
            days.computeIfAbsent(rs.getString(1), k -> new DaySet(first)).add(rs.getDate(2).toLocalDate());
        }, only == null ? new Object[] {termId, type.name()} : new Object[] {termId, type.name(), only});
        return days;
    }

    /** Distinct calendar days, kept as bits counted from the term's first day (a day far outside, which import refuses, apart). */
    private static final class DaySet {
        private final LocalDate first;
        private final java.util.BitSet fromFirst = new java.util.BitSet();
        private Set<LocalDate> elsewhere;

        DaySet(LocalDate first) {
            this.first = first;
        }

        void add(LocalDate day) {
            long offset = day.toEpochDay() - first.toEpochDay();
            if (offset >= 0 && offset < 4096) {
                fromFirst.set((int) offset);
            } else {
                (elsewhere == null ? elsewhere = new HashSet<>() : elsewhere).add(day);
            }
        }

        int days() {
            return fromFirst.cardinality() + (elsewhere == null ? 0 : elsewhere.size());
        }

        /** Distinct calendar months of the days. */
        int months() {
            Set<Integer> months = new HashSet<>();
            fromFirst.stream().mapToObj(first::plusDays).forEach(d -> months.add(d.getYear() * 100 + d.getMonthValue()));
            if (elsewhere != null) {
                elsewhere.forEach(d -> months.add(d.getYear() * 100 + d.getMonthValue()));
            }
            return months.size();
        }
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
