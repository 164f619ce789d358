package cn.yanxiu.rules.vocabulary;

/** 要求未达标的后果 (decision table): a missed requirement of {@code policy} lets the grade be at most {@code highestGrade} (a grade label); empty means it only costs points. */
public final class RequirementEffect {
    private String policy;
    private String highestGrade;


    public RequirementEffect() {
    }

    public RequirementEffect(String policy, String highestGrade) {
        this.policy = policy;
        this.highestGrade = highestGrade;

    }

    public String getPolicy() { return policy; }
    public void setPolicy(String policy) { this.policy = policy; }
    public String getHighestGrade() { return highestGrade; }
    public void setHighestGrade(String highestGrade) { this.highestGrade = highestGrade; }
}
