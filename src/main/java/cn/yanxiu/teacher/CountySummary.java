package cn.yanxiu.teacher;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A short printed account of what the database holds: schools by kind, teachers, terms, log rows. */
@Component
public class CountySummary {

    private final JdbcTemplate jdbc;

    CountySummary(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public String describe() {
        StringBuilder text = new StringBuilder();
        Integer districts = jdbc.queryForObject("SELECT COUNT(*) FROM district", Integer.class);
        Integer schools = jdbc.queryForObject("SELECT COUNT(*) FROM school", Integer.class);
        Integer teachers = jdbc.queryForObject("SELECT COUNT(*) FROM teacher", Integer.class);
        text.append("数据库现有：区县 ").append(districts).append(" 个，学校 ").append(schools).append(" 所，教师 ")
                .append(teachers).append(" 人\n");
        List<Map<String, Object>> kinds = jdbc.queryForList("SELECT kind, COUNT(*) AS n FROM school GROUP BY kind ORDER BY kind");
        if (!kinds.isEmpty()) {
            text.append("  学校类型：");
            kinds.forEach(k -> text.append(SchoolKind.valueOf((String) k.get("kind")).label()).append(' ').append(k.get("n")).append(" 所  "));
            text.append('\n');
        }
        jdbc.query("SELECT t.id, t.name, (SELECT COUNT(*) FROM activity a WHERE a.term_id = t.id) AS n FROM term t ORDER BY t.id",
                rs -> {
                    text.append("  学期 ").append(rs.getString(1)).append("（").append(rs.getString(2)).append("）：活动记录 ")
                            .append(rs.getLong(3)).append(" 条\n");
                });
        return text.toString();
    }
}
