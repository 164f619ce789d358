package cn.yanxiu.rules.vocabulary;

/** 分数段等级: the grade the final score alone earns, from the bands. */
public final class BandGrade {
    private final String label;
    private final int level;
    private final String rule;

    public BandGrade(String label, int level, String rule) {
        this.label = label;
        this.level = level;
        this.rule = rule;
    }

    public String getLabel() { return label; }
    public int getLevel() { return level; }
    public String getRule() { return rule; }
}
