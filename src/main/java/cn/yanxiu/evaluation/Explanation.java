package cn.yanxiu.evaluation;

import java.util.List;
import java.util.Map;

/**
 * Why a teacher got a grade: the grade and what decided it, the score arithmetic, every requirement with
 * required and actual, the veto, the rules that fired (file and line, policy, source regulation), the
 * rule-set hash, and what would raise the grade one level.
 */
public record Explanation(String teacherId, String name, String school, String term, Long runId, String ruleSetHash,
                          String grade, String decidedBy, Double finalScore, Double routineScore, Double yearEndScore, String veto,
                          String ruleError, List<Map<String, Object>> scoreLines, List<Map<String, Object>> findings,
                          List<Map<String, Object>> eligibilities, List<FiredRuleView> rules, String raise,
                          Double hoursRecognised, Double credits) {

    /** Whether the grade passes, as the rules in force said (the 考评通过 eligibility); pages colour the verdict by it. */
    public boolean passed() {
        if (eligibilities != null) {
            for (Map<String, Object> e : eligibilities) {
                if (cn.yanxiu.rules.vocabulary.Eligibility.PASSED.equals(e.get("what"))) {
                    return Boolean.TRUE.equals(e.get("eligible"));
                }
            }
        }
        // results stored before grade levels carried the flag: the grade that recognises hours passed
        return eligibilities != null && eligibilities.stream().anyMatch(e -> "学时认定".equals(e.get("what")) && Boolean.TRUE.equals(e.get("eligible")));
    }

    /** The rules that set the grade, in the order they decided it. */
    public List<FiredRuleView> decidingRules() {
        return rules.stream().filter(FiredRuleView::decisive).toList();
    }

    /** Every other rule that fired, for the folded part of the page. */
    public List<FiredRuleView> otherRules() {
        return rules.stream().filter(r -> !r.decisive()).toList();
    }

    /** The run's certificate decision for this teacher (G6): the eligibility row the rules wrote, or null if none. */
    public Map<String, Object> certificate() {
        return eligibilities == null ? null : eligibilities.stream()
                .filter(e -> cn.yanxiu.rules.vocabulary.Eligibility.CERTIFICATE.equals(e.get("what"))).findFirst().orElse(null);
    }

    /** The score lines as the arithmetic reads: the items, then the routine check, the year-end evaluation, the final score. */
    public List<Map<String, Object>> scoreLinesInOrder() {
        List<String> order = List.of("量化考核", "平时研修检查得分", "年末研修评价得分", "最终得分");
        // within a section the same order for every teacher: the engine returns lines in no fixed order
        return scoreLines.stream().sorted(java.util.Comparator.<Map<String, Object>>comparingInt(l -> {
            int i = order.indexOf(String.valueOf(l.get("section")));
            return i < 0 ? order.size() : i;
        }).thenComparing(l -> String.valueOf(l.get("item")))).toList();
    }

    /** A rule that fired: how often, where it is written, its policy and the regulation it comes from. */
    public record FiredRuleView(String rule, String policy, String location, String policyTitle, String source, int times,
                                boolean decisive, List<String> facts) {
    }
}
