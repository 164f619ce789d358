package cn.yanxiu.rules.vocabulary;

/** 学分建议: hours recognised this term and the credits they convert to (H5). */
public final class CreditProposal {
    private final double hoursRecognised;
    private final double credits;
    private final String policy;
    private final String rule;

    public CreditProposal(double hoursRecognised, double credits, String policy, String rule) {
        this.hoursRecognised = hoursRecognised;
        this.credits = credits;
        this.policy = policy;
        this.rule = rule;
    }

    public double getHoursRecognised() { return hoursRecognised; }
    public double getCredits() { return credits; }
    public String getPolicy() { return policy; }
    public String getRule() { return rule; }
}
