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
                          List<Map<String, Object>> eligibilities, List<FiredRuleView> rules, String raise) {

    /** A rule that fired: how often, where it is written, its policy and the regulation it comes from. */
    public record FiredRuleView(String rule, String policy, String location, String policyTitle, String source, int times,
                                boolean decisive, List<String> facts) {
    }
}
