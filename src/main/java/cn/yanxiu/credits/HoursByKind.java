package cn.yanxiu.credits;

import cn.yanxiu.activity.ActivityType;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Each teacher's logged hours in a term by kind of activity, in one grouped query for a school or the county. */
public final class HoursByKind {

    private HoursByKind() {
    }

    /** Teacher id → hours by kind (kinds with hours only, in the order of {@link ActivityType}). */
    public static Map<String, Map<ActivityType, BigDecimal>> of(JdbcTemplate jdbc, String termId, String schoolId) {
        return of(jdbc, termId, schoolId == null ? cn.yanxiu.accounts.Scope.PROVINCE : cn.yanxiu.accounts.Scope.school(schoolId));
    }

    /** One teacher's hours in a term by kind (a certificate drawn for one teacher reads only their own activities). */
    public static Map<ActivityType, BigDecimal> ofTeacher(JdbcTemplate jdbc, String termId, String teacherId) {
        Map<ActivityType, BigDecimal> hours = new EnumMap<>(ActivityType.class);
        jdbc.query("SELECT type, SUM(hours) FROM activity WHERE teacher_id = ? AND term_id = ? AND hours > 0 GROUP BY type", rs -> {
            hours.put(ActivityType.valueOf(rs.getString(1)), rs.getBigDecimal(2));
        }, teacherId, termId);
        return hours;
    }

    /** The same for the teachers inside a scope. */
    public static Map<String, Map<ActivityType, BigDecimal>> of(JdbcTemplate jdbc, String termId, cn.yanxiu.accounts.Scope scope) {
        String schoolCondition = " AND " + scope.sql("t.school_id");
        Object[] args = cn.yanxiu.system.SqlArgs.join(new Object[] {termId}, scope.args());
        Map<String, Map<ActivityType, BigDecimal>> hours = new HashMap<>();
        jdbc.query("SELECT a.teacher_id, a.type, SUM(a.hours) FROM activity a JOIN teacher t ON t.id = a.teacher_id "
                + "WHERE a.term_id = ? AND a.hours > 0" + schoolCondition + " GROUP BY a.teacher_id, a.type", rs -> {
                    hours.computeIfAbsent(rs.getString(1), k -> new EnumMap<>(ActivityType.class))
                            .put(ActivityType.valueOf(rs.getString(2)), rs.getBigDecimal(3));
                }, args);
        return hours;
    }
}
