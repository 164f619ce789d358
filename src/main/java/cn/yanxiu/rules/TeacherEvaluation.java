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
                                List<Eligibility> eligibilities, CreditProposal credit, List<FiredRule> trace, String error) {

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
