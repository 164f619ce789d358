package cn.yanxiu.rules.vocabulary;

/** 等级分数段 (G3, decision table): scores from {@code min} (inclusive) to {@code max} (exclusive; the top band includes 100) get {@code label}; a higher {@code level} is a better grade. */
public final class GradeBand {
    /** The top of the score scale: the band that reaches it includes it. */
    public static final double FULL_SCORE = 100;

    private String label;
    private int level;
    private double min;
    private double max;
    private String policy;

    public GradeBand() {
    }

    public GradeBand(String label, int level, double min, double max, String policy) {
        this.label = label;
        this.level = level;
        this.min = min;
        this.max = max;
        this.policy = policy;
    }

    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }
    public int getLevel() { return level; }
    public void setLevel(int level) { this.level = level; }
    public double getMin() { return min; }
    public void setMin(double min) { this.min = min; }
    public double getMax() { return max; }
    public void setMax(double max) { this.max = max; }
    public String getPolicy() { return policy; }
    public void setPolicy(String policy) { this.policy = policy; }
}
