package cn.yanxiu.rules.vocabulary;

/** 权重 (G1, G2, decision table): {@code component} counts {@code percent}% within {@code group}; each group sums to 100. */
public final class Weight {
    private String group;
    private String component;
    private double percent;
    private String policy;

    public Weight() {
    }

    public Weight(String group, String component, double percent, String policy) {
        this.group = group;
        this.component = component;
        this.percent = percent;
        this.policy = policy;
    }

    public String getGroup() { return group; }
    public void setGroup(String group) { this.group = group; }
    public String getComponent() { return component; }
    public void setComponent(String component) { this.component = component; }
    public double getPercent() { return percent; }
    public void setPercent(double percent) { this.percent = percent; }
    public String getPolicy() { return policy; }
    public void setPolicy(String policy) { this.policy = policy; }
}
