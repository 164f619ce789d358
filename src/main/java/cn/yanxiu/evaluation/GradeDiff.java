package cn.yanxiu.evaluation;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Which teachers change grade between two rule sets or two runs, and the policies that made the difference. */
public record GradeDiff(String left, String right, int teachers, List<Change> changes) {

    public record Change(String teacherId, String name, String school, String from, String to, List<String> policies) {
        String transition() {
            return from + " → " + to;
        }
    }

    public Map<String, Long> byTransition() {
        return changes.stream().collect(Collectors.groupingBy(Change::transition, TreeMap::new, Collectors.counting()));
    }

    public Map<String, Long> bySchool() {
        return changes.stream().collect(Collectors.groupingBy(Change::school, TreeMap::new, Collectors.counting()));
    }

    public String render() {
        StringBuilder t = new StringBuilder();
        t.append("比较：").append(left).append("  →  ").append(right).append('\n');
        t.append("教师 ").append(teachers).append(" 人，等级变化 ").append(changes.size()).append(" 人\n");
        if (changes.isEmpty()) {
            return t.toString();
        }
        t.append("\n按变化：\n");
        byTransition().forEach((k, v) -> t.append("  ").append(k).append("：").append(v).append(" 人\n"));
        t.append("\n按学校：\n");
        bySchool().forEach((k, v) -> t.append("  ").append(k).append("：").append(v).append(" 人\n"));
        t.append("\n明细：\n");
        for (Change c : changes) {
            t.append("  ").append(c.teacherId()).append(' ').append(c.name()).append("（").append(c.school()).append("）")
                    .append(c.transition()).append("  相关政策：").append(String.join("、", c.policies())).append('\n');
        }
        return t.toString();
    }
}
