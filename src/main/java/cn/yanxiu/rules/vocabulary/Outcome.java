package cn.yanxiu.rules.vocabulary;

/**
 * 考评结果: the grade given: the band grade lowered to the strictest cap, if any. {@code decidedBy} names
 * the policy that set it (the band's G3, or the cap's policy).
 */
public final class Outcome {
    private final String label;
    private final int level;
    private final String decidedBy;
    private final String rule;

    public Outcome(String label, int level, String decidedBy, String rule) {
        this.label = label;
        this.level = level;
        this.decidedBy = decidedBy;
        this.rule = rule;
    }

    public String getLabel() { return label; }
    public int getLevel() { return level; }
    public String getDecidedBy() { return decidedBy; }
    public String getRule() { return rule; }
}
