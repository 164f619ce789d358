package cn.yanxiu.rules.vocabulary;

/** 教师发展阶段 (Q7, decision table): teachers with {@code minYears} ≤ 教龄 ≤ {@code maxYears} are in {@code stage} and must log at least {@code count} of {@code activityType} in a term. */
public final class CareerStage {
    private String stage;
    private int minYears;
    private int maxYears;
    private String activityType;
    private int count;
    private String policy;

    public CareerStage() {
    }

    public CareerStage(String stage, int minYears, int maxYears, String activityType, int count, String policy) {
        this.stage = stage;
        this.minYears = minYears;
        this.maxYears = maxYears;
        this.activityType = activityType;
        this.count = count;
        this.policy = policy;
    }

    public String getStage() { return stage; }
    public void setStage(String stage) { this.stage = stage; }
    public int getMinYears() { return minYears; }
    public void setMinYears(int minYears) { this.minYears = minYears; }
    public int getMaxYears() { return maxYears; }
    public void setMaxYears(int maxYears) { this.maxYears = maxYears; }
    public String getActivityType() { return activityType; }
    public void setActivityType(String activityType) { this.activityType = activityType; }
    public int getCount() { return count; }
    public void setCount(int count) { this.count = count; }
    public String getPolicy() { return policy; }
    public void setPolicy(String policy) { this.policy = policy; }
}
