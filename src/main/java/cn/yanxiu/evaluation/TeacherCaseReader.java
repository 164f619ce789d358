package cn.yanxiu.evaluation;

import cn.yanxiu.activity.ActivityType;
import cn.yanxiu.activity.ScoreKind;
import cn.yanxiu.rules.TeacherCase;
import cn.yanxiu.rules.vocabulary.Activity;
import cn.yanxiu.rules.vocabulary.EarlierHours;
import cn.yanxiu.rules.vocabulary.EthicsRecord;
import cn.yanxiu.rules.vocabulary.Score;
import cn.yanxiu.rules.vocabulary.Teacher;
import cn.yanxiu.rules.vocabulary.Term;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the teachers of some schools for a term in pages, in teacher-id order, each with everything the
 * rules see. Five queries a page whatever its size, so memory stays flat and the database is asked little.
 * Restartable: it can start after any teacher id.
 */
public final class TeacherCaseReader {

    private final JdbcTemplate jdbc;
    private final TermScope scope;
    private final List<String> schoolIds;
    private final int pageSize;
    private final String onlyTeacher;
    private String lastId;

    public TeacherCaseReader(JdbcTemplate jdbc, TermScope scope, List<String> schoolIds, int pageSize, String afterId) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.schoolIds = schoolIds;
        this.pageSize = pageSize;
        this.lastId = afterId == null ? "" : afterId;
        this.onlyTeacher = null;
    }

    private TeacherCaseReader(JdbcTemplate jdbc, TermScope scope, String teacherId) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.schoolIds = List.of();
        this.pageSize = 1;
        this.lastId = "";
        this.onlyTeacher = teacherId;
    }

    /** One teacher's case, or null when no such teacher exists. */
    public static TeacherCase one(JdbcTemplate jdbc, TermScope scope, String teacherId) {
        List<TeacherCase> page = new TeacherCaseReader(jdbc, scope, teacherId).nextPage();
        return page.isEmpty() ? null : page.get(0);
    }

    /** The next page of cases, empty at the end. */
    public List<TeacherCase> nextPage() {
        Term term = scope.term();
        List<Object> args = new ArrayList<>(schoolIds);
        args.add(onlyTeacher != null ? onlyTeacher : lastId);
        String where = onlyTeacher != null ? "id = ?" : "school_id IN (" + marks(schoolIds.size()) + ") AND id > ?";
        List<Object[]> rows = jdbc.query("SELECT id, name, school_id, group_id, roles, birth_year, teaching_years, backbone_level, joined_on "
                + "FROM teacher WHERE " + where + " ORDER BY id LIMIT " + pageSize,
                (rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getInt(6), rs.getInt(7), rs.getString(8), rs.getDate(9)}, args.toArray());
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> ids = rows.stream().map(r -> (String) r[0]).toList();
        lastId = ids.get(ids.size() - 1);
        Map<String, List<DutyWeeks.Period>> leaves = new HashMap<>();
        forIds("SELECT teacher_id, start_date, end_date FROM leave_period WHERE teacher_id IN", ids, List.of(), rs -> leaves
                .computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new DutyWeeks.Period(rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate())));
        Map<String, List<Activity>> activities = new HashMap<>();
        TeacherRange range = new TeacherRange(ids);
        range.query("SELECT teacher_id, type, activity_date, hours, quantity FROM activity", term.getId(),
                rs -> activities.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Activity(rs.getString(1),
                        ActivityType.valueOf(rs.getString(2)).label(), rs.getObject(3, LocalDate.class), rs.getDouble(4), rs.getInt(5))));
        Map<String, List<Score>> scores = new HashMap<>();
        range.query("SELECT teacher_id, kind, score FROM score_record", term.getId(),
                rs -> scores.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Score(rs.getString(1),
                        ScoreKind.valueOf(rs.getString(2)).label(), rs.getDouble(3))));
        Map<String, List<EthicsRecord>> ethics = new HashMap<>();
        range.query("SELECT teacher_id, standard_met, recorded_on, description FROM ethics_record", term.getId(),
                rs -> ethics.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new EthicsRecord(rs.getString(1),
                        rs.getBoolean(2), rs.getObject(3, LocalDate.class), rs.getString(4))));
        Map<String, List<EarlierHours>> earlier = new HashMap<>();
        forIds("SELECT teacher_id, academic_year, hours FROM prior_hours WHERE academic_year < ? AND teacher_id IN", ids, List.of(term.getAcademicYear()),
                rs -> earlier.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new EarlierHours(rs.getString(1), rs.getString(2), rs.getDouble(3), 0)));
        forIds("SELECT r.teacher_id, u.term_id, r.hours_recognised FROM evaluation_result r JOIN evaluation_run u ON u.id = r.run_id "
                + "JOIN term t ON t.id = u.term_id WHERE t.academic_year = ? AND t.start_date < ? AND u.status = 'COMPLETED' "
                + "AND u.id = (SELECT MAX(v.id) FROM evaluation_run v WHERE v.term_id = u.term_id AND v.status = 'COMPLETED') AND r.teacher_id IN",
                ids, List.of(term.getAcademicYear(), java.sql.Date.valueOf(term.getStart())),
                rs -> earlier.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new EarlierHours(rs.getString(1), rs.getString(2), rs.getDouble(3), 0)));
        List<TeacherCase> cases = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            String id = (String) r[0];
            java.sql.Date joined = (java.sql.Date) r[8];
            LocalDate joinedOn = joined == null ? null : joined.toLocalDate();
            int duty = DutyWeeks.count(term.getStart(), term.getTeachingWeeks(), joinedOn, leaves.getOrDefault(id, List.of()));
            Teacher teacher = new Teacher(id, (String) r[1], (String) r[2], (String) r[3],
                    new LinkedHashSet<>(Arrays.asList(((String) r[4]).split("、"))), term.getStart().getYear() - (Integer) r[5],
                    (Integer) r[6], (String) r[7], duty, duty / (double) term.getTeachingWeeks());
            cases.add(new TeacherCase(term, teacher, activities.getOrDefault(id, List.of()), scores.getOrDefault(id, List.of()),
                    ethics.getOrDefault(id, List.of()), earlier.getOrDefault(id, List.of()),
                    r[3] == null ? null : scope.groups().get((String) r[3]), scope.schools().get((String) r[2])));
        }
        return cases;
    }

    public String lastId() {
        return lastId;
    }

    /**
     * A page's term rows, read as one id range of the (term, teacher) index rather than an IN list: H2 evaluates
     * a long IN list against every row of the term, which grows with the square of the county. Rows of
     * teachers outside the page (another partition's schools interleaved in the range) are skipped.
     */
    private final class TeacherRange {
        private final java.util.Set<String> ids;
        private final String first;
        private final String last;

        /** The page's ids, in id order: the range runs from the first to the last, both included. */
        TeacherRange(List<String> ids) {
            this.ids = new java.util.HashSet<>(ids);
            this.first = ids.get(0);
            this.last = ids.get(ids.size() - 1);
        }

        void query(String select, String termId, org.springframework.jdbc.core.RowCallbackHandler handler) {
            jdbc.query(select + " WHERE term_id = ? AND teacher_id >= ? AND teacher_id <= ?", rs -> {
                if (ids.contains(rs.getString(1))) {
                    handler.processRow(rs);
                }
            }, termId, first, last);
        }
    }

    private void forIds(String sql, List<String> ids, List<Object> leading, org.springframework.jdbc.core.RowCallbackHandler handler) {
        List<Object> args = new ArrayList<>(leading);
        args.addAll(ids);
        jdbc.query(sql + " (" + marks(ids.size()) + ")", handler, args.toArray());
    }

    private static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }
}
