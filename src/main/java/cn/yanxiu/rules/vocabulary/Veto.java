package cn.yanxiu.rules.vocabulary;

/** 一票否决: the teacher is vetoed (G5) for {@code reason}. */
public final class Veto {
    private final String policy;
    private final String rule;
    private final String reason;

    public Veto(String policy, String rule, String reason) {
        this.policy = policy;
        this.rule = rule;
        this.reason = reason;
    }

    public String getPolicy() { return policy; }
    public String getRule() { return rule; }
    public String getReason() { return reason; }
}
