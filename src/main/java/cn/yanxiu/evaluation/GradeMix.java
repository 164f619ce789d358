package cn.yanxiu.evaluation;

import cn.yanxiu.system.TerminalText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The grade mix of a run by school, as the table printed after a batch. */
@Component
public class GradeMix {

    private final JdbcTemplate jdbc;

    GradeMix(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Grade counts per school, grades in the rule set's order (best first), "规则出错" last where a rule failed. */
    public record BySchool(List<String> grades, Map<String, Map<String, Integer>> schools) {
        public int count(String school, String grade) {
            return schools.getOrDefault(school, Map.of()).getOrDefault(grade, 0);
        }

        public int total(String grade) {
            return schools.values().stream().mapToInt(m -> m.getOrDefault(grade, 0)).sum();
        }
    }

    public BySchool bySchool(long runId) {
        return bySchool(runId, cn.yanxiu.accounts.Scope.PROVINCE);
    }

    /** The grade mix of the schools inside a scope; the grade columns are the run's, so every scope reads them in the same order. */
    public BySchool bySchool(long runId, cn.yanxiu.accounts.Scope scope) {
        List<String> grades = jdbc.queryForList("SELECT grade FROM evaluation_result WHERE run_id = ? AND grade IS NOT NULL "
                + "GROUP BY grade ORDER BY MAX(grade_level) DESC", String.class, runId);
        Map<String, Map<String, Integer>> bySchool = new LinkedHashMap<>();
        jdbc.query("SELECT s.name, r.grade, COUNT(*) FROM evaluation_result r JOIN school s ON s.id = r.school_id WHERE r.run_id = ? AND "
                + scope.sql("r.school_id") + " GROUP BY s.id, s.name, r.grade ORDER BY s.id", rs -> {
                    bySchool.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                            .put(rs.getString(2) == null ? "规则出错" : rs.getString(2), rs.getInt(3));
                }, cn.yanxiu.system.SqlArgs.join(new Object[] {runId}, scope.args()));
        List<String> columns = new ArrayList<>(grades);
        if (bySchool.values().stream().anyMatch(m -> m.containsKey("规则出错"))) {
            columns.add("规则出错");
        }
        return new BySchool(columns, bySchool);
    }

    public String table(long runId) {
        BySchool mix = bySchool(runId);
        List<String> columns = mix.grades();
        Map<String, Map<String, Integer>> bySchool = mix.schools();
        int nameWidth = Math.max(16, bySchool.keySet().stream().mapToInt(TerminalText::width).max().orElse(0) + 2);
        StringBuilder text = new StringBuilder(TerminalText.left("学校", nameWidth));
        columns.forEach(g -> text.append(TerminalText.right(g, 8)));
        text.append(TerminalText.right("合计", 8)).append(System.lineSeparator());
        Map<String, Integer> totals = new LinkedHashMap<>();
        bySchool.forEach((school, counts) -> {
            text.append(TerminalText.left(school, nameWidth));
            int sum = 0;
            for (String g : columns) {
                int n = counts.getOrDefault(g, 0);
                sum += n;
                totals.merge(g, n, Integer::sum);
                text.append(String.format("%8d", n));
            }
            text.append(String.format("%8d%n", sum));
        });
        text.append(TerminalText.left("全部", nameWidth));
        int all = 0;
        for (String g : columns) {
            all += totals.getOrDefault(g, 0);
            text.append(String.format("%8d", totals.getOrDefault(g, 0)));
        }
        text.append(String.format("%8d%n", all));
        return text.toString();
    }
}
