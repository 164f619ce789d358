package cn.yanxiu.rules;

import cn.yanxiu.rules.vocabulary.CreditProposal;
import cn.yanxiu.rules.vocabulary.Eligibility;
import cn.yanxiu.rules.vocabulary.Finding;
import cn.yanxiu.rules.vocabulary.ScoreLine;
import cn.yanxiu.rules.vocabulary.Veto;
import java.util.List;

/**
 * What the rules concluded for one teacher: grade, scores, findings, eligibilities, credits, and the trace
 * of every rule that fired. When a rule failed, {@code error} names it and the grade is absent.
 */
public record TeacherEvaluation(String grade, int gradeLevel, String decidedBy, Double finalScore, Double routineScore,
                                Double yearEndScore, Veto veto, List<Finding> findings, List<ScoreLine> scoreLines,
                                List<Eligibility> eligibilities, CreditProposal credit, List<FiredRule> trace, String error,
                                List<String> decidingRules) {

    /**
     * {@code decidingRules}: the rules that set the grade, from the facts themselves — the rule that gave the final
     * grade, and either the rule that placed the score in its band or, for a lowered grade, every cap at that level
     * (the rule that set the cap and the requirement or veto it comes from). Not every rule that fired.
     */
    public TeacherEvaluation(String grade, int gradeLevel, String decidedBy, Double finalScore, Double routineScore, Double yearEndScore,
                             Veto veto, List<Finding> findings, List<ScoreLine> scoreLines, List<Eligibility> eligibilities,
                             CreditProposal credit, List<FiredRule> trace, String error) {
        this(grade, gradeLevel, decidedBy, finalScore, routineScore, yearEndScore, veto, findings, scoreLines, eligibilities, credit, trace, error, List.of());
    }

    /** One rule that fired: its name, its policy id, and a short description of the facts it matched. */
    public record FiredRule(String rule, String policy, List<String> facts) {
    }

    public boolean vetoed() {
        return veto != null;
    }

    public boolean eligible(String what) {
        return eligibilities.stream().anyMatch(e -> e.getWhat().equals(what) && e.isEligible());
    }

    public static TeacherEvaluation failed(String error, List<FiredRule> trace) {
        return new TeacherEvaluation(null, 0, null, null, null, null, null, List.of(), List.of(), List.of(), null, trace, error);
    }
}
