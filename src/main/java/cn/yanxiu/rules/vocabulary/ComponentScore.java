package cn.yanxiu.rules.vocabulary;

/** 分项得分: a computed score: 量化考核, 平时检查评分, 平时研修检查得分, 年末研修评价得分 or 最终得分. */
public final class ComponentScore {
    public static final String ITEMS = "量化考核";
    public static final String INSPECTIONS = "平时检查评分";
    public static final String ROUTINE = "平时研修检查得分";
    public static final String YEAR_END = "年末研修评价得分";
    public static final String FINAL = "最终得分";

    private final String name;
    private final double value;
    private final String policy;
    private final String rule;

    public ComponentScore(String name, double value, String policy, String rule) {
        this.name = name;
        this.value = value;
        this.policy = policy;
        this.rule = rule;
    }

    public String getName() { return name; }
    public double getValue() { return value; }
    public String getPolicy() { return policy; }
    public String getRule() { return rule; }
}
