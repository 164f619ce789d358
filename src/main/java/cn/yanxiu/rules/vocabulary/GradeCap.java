package cn.yanxiu.rules.vocabulary;

/** 等级上限: a missed requirement or a veto lets the grade be at most {@code label} (level {@code level}). */
public final class GradeCap {
    private final String label;
    private final int level;
    private final String policy;
    private final String rule;
    private final String reason;

    public GradeCap(String label, int level, String policy, String rule, String reason) {
        this.label = label;
        this.level = level;
        this.policy = policy;
        this.rule = rule;
        this.reason = reason;
    }

    public String getLabel() { return label; }
    public int getLevel() { return level; }
    public String getPolicy() { return policy; }
    public String getRule() { return rule; }
    public String getReason() { return reason; }
}
