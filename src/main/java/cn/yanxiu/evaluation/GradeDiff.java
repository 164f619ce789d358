package cn.yanxiu.evaluation;

import cn.yanxiu.system.PlainNumbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What changes for each teacher between two rule sets or two runs: grade, certificate, hours recognised and
 * credits before and after, and every requirement whose finding changed (bands and the final score included),
 * with totals by kind of change and by school. A teacher is listed when any of these differs.
 */
public record GradeDiff(String left, String right, int teachers, List<Change> changes) {

    /** One side of a teacher's comparison: what a run or a rule set decided. {@code findings}: "policy rule" → status. */
    public record Side(String grade, boolean certificate, Double hours, Double credits, Double finalScore, String decidedBy,
                       Map<String, String> findings, String band) {
    }

    public record Change(String teacherId, String name, String school, Side before, Side after, List<String> policies) {

        public String from() {
            return before.grade();
        }

        public String to() {
            return after.grade();
        }

        String transition() {
            return from() + " → " + to();
        }

        public boolean gradeChanged() {
            return !Objects.equals(before.grade(), after.grade());
        }

        public boolean certificateChanged() {
            return before.certificate() != after.certificate();
        }

        public boolean hoursChanged() {
            return differ(before.hours(), after.hours());
        }

        public boolean creditsChanged() {
            return differ(before.credits(), after.credits());
        }

        /** Grade, certificate, hours and credits as "before → after", only those that differ. */
        public List<String> consequences() {
            List<String> out = new ArrayList<>();
            if (gradeChanged()) {
                out.add("等级 " + transition());
            }
            if (certificateChanged()) {
                out.add("证书 " + (before.certificate() ? "发" : "不发") + " → " + (after.certificate() ? "发" : "不发"));
            }
            if (hoursChanged()) {
                out.add("认定学时 " + number(before.hours()) + " → " + number(after.hours()));
            }
            if (creditsChanged()) {
                out.add("学分 " + number(before.credits()) + " → " + number(after.credits()));
            }
            return out;
        }
    }

    /** The change between two sides, or null when nothing a teacher or an auditor would notice differs. */
    static Change compare(String teacherId, String name, String school, Side a, Side b) {
        List<String> policies = new ArrayList<>();
        if (!Objects.equals(a.band(), b.band())) {
            policies.add("G3 分数段 " + a.band() + " → " + b.band());
        }
        if (differ(a.finalScore(), b.finalScore())) {
            policies.add("G1 最终得分 " + number(a.finalScore()) + " → " + number(b.finalScore()));
        }
        java.util.Set<String> rules = new java.util.TreeSet<>(a.findings().keySet());
        rules.addAll(b.findings().keySet());
        for (String rule : rules) {
            String sa = a.findings().getOrDefault(rule, "无结论");
            String sb = b.findings().getOrDefault(rule, "无结论");
            if (!sa.equals(sb)) {
                policies.add(rule + "（" + sa + " → " + sb + "）");
            }
        }
        if (a.decidedBy() != null && !a.decidedBy().equals(b.decidedBy())) {
            policies.add("决定等级 " + a.decidedBy() + " → " + b.decidedBy());
        }
        Change change = new Change(teacherId, name, school, a, b, policies);
        boolean findingsChanged = policies.stream().anyMatch(p -> p.contains("（"));
        return change.consequences().isEmpty() && !findingsChanged ? null : change;
    }

    private static boolean differ(Double a, Double b) {
        return a == null || b == null ? !Objects.equals(a, b) : Math.abs(a - b) > 0.005;
    }

    private static String number(Double d) {
        return d == null ? "—" : PlainNumbers.of(d);
    }

    public List<Change> gradeChanges() {
        return changes.stream().filter(Change::gradeChanged).toList();
    }

    public Map<String, Long> byTransition() {
        return gradeChanges().stream().collect(Collectors.groupingBy(Change::transition, TreeMap::new, Collectors.counting()));
    }

    /** Teachers per kind of change: grade, certificate, hours, credits, a requirement's finding. */
    public Map<String, Long> byKind() {
        Map<String, Long> kinds = new LinkedHashMap<>();
        kinds.put("等级变化", changes.stream().filter(Change::gradeChanged).count());
        kinds.put("证书变化", changes.stream().filter(Change::certificateChanged).count());
        kinds.put("认定学时变化", changes.stream().filter(Change::hoursChanged).count());
        kinds.put("学分变化", changes.stream().filter(Change::creditsChanged).count());
        kinds.put("要求结论变化", changes.stream().filter(c -> c.policies().stream().anyMatch(p -> p.contains("（"))).count());
        return kinds;
    }

    public Map<String, Long> bySchool() {
        return changes.stream().collect(Collectors.groupingBy(Change::school, TreeMap::new, Collectors.counting()));
    }

    public String render() {
        StringBuilder t = new StringBuilder();
        t.append("比较：").append(left).append("  →  ").append(right).append('\n');
        t.append("教师 ").append(teachers).append(" 人，有变化 ").append(changes.size()).append(" 人\n");
        if (changes.isEmpty()) {
            return t.toString();
        }
        t.append("\n按变化：\n");
        byKind().forEach((k, v) -> t.append("  ").append(k).append("：").append(v).append(" 人\n"));
        byTransition().forEach((k, v) -> t.append("    ").append(k).append("：").append(v).append(" 人\n"));
        t.append("\n按学校：\n");
        bySchool().forEach((k, v) -> t.append("  ").append(k).append("：").append(v).append(" 人\n"));
        t.append("\n明细：\n");
        for (Change c : changes) {
            t.append("  ").append(c.teacherId()).append(' ').append(c.name()).append("（").append(c.school()).append("）");
            List<String> consequences = c.consequences();
            t.append(consequences.isEmpty() ? "等级、证书、学时、学分不变" : String.join("；", consequences)).append('\n');
            t.append("      原因：").append(String.join("；", c.policies())).append('\n');
        }
        return t.toString();
    }
}
