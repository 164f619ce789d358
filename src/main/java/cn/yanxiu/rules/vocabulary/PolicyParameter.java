package cn.yanxiu.rules.vocabulary;

/**
 * 政策参数 (decision table parameters.drl.xlsx): one number of the year's policy — an hour minimum, a quota, an
 * age limit, a rate — written once, in one cell. Rules match it by {@code name} and read {@code value}; their
 * messages print it with {@link #getText()} so the explanation always shows the number in force.
 */
public final class PolicyParameter {
    private String name;
    private double value;
    private String unit;
    private String policy;

    public PolicyParameter() {
    }

    public PolicyParameter(String name, double value, String unit, String policy) {
        this.name = name;
        this.value = value;
        this.unit = unit;
        this.policy = policy;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public double getValue() { return value; }
    public void setValue(double value) { this.value = value; }
    public String getUnit() { return unit; }
    public void setUnit(String unit) { this.unit = unit; }
    public String getPolicy() { return policy; }
    public void setPolicy(String policy) { this.policy = policy; }

    /** The value as a person writes it: 40, 0.5, 2.25 (no trailing ".0"). */
    public String getText() {
        return plain(value);
    }

    /** A number as a person writes it, for rule messages: 40, 0.5, 12.25. */
    public static String plain(double number) {
        return cn.yanxiu.system.PlainNumbers.of(number);
    }
}
