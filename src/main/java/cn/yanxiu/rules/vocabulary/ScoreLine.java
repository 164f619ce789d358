package cn.yanxiu.rules.vocabulary;

/**
 * 得分明细: one line of the score arithmetic: within {@code section} (e.g. 平时研修检查得分), {@code item}
 * scored {@code value} and counts with {@code weight} (percent, or points for a scoring item), giving
 * {@code contribution}.
 */
public final class ScoreLine {
    private final String section;
    private final String item;
    private final double value;
    private final double weight;
    private final double contribution;
    private final String policy;
    private final String rule;
    private final Double required;

    public ScoreLine(String section, String item, double value, double weight, double contribution, String policy, String rule) {
        this(section, item, value, null, weight, contribution, policy, rule);
    }

    /** A scoring item's line: {@code value} done of {@code required} (null when the requirement does not apply). */
    public ScoreLine(String section, String item, double value, Double required, double weight, double contribution, String policy, String rule) {
        this.required = required;
        this.section = section;
        this.item = item;
        this.value = value;
        this.weight = weight;
        this.contribution = contribution;
        this.policy = policy;
        this.rule = rule;
    }

    public String getSection() { return section; }
    public String getItem() { return item; }
    public double getValue() { return value; }
    public double getWeight() { return weight; }
    public double getContribution() { return contribution; }
    public String getPolicy() { return policy; }
    public String getRule() { return rule; }
    public Double getRequired() { return required; }
}
