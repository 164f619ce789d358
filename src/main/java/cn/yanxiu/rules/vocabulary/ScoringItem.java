package cn.yanxiu.rules.vocabulary;

/** 量化考核项目 (decision table): an item of the routine score. Required amount = perWeek × duty weeks + perTerm × duty share; earned points = points × min(1, actual / required). {@code types} lists activity labels separated by 、; {@code measure} is 学时 (sum hours) or 次数 (sum quantity). */
public final class ScoringItem {
    private String item;
    private String types;
    private String measure;
    private double perWeek;
    private double perTerm;
    private double points;
    private String policy;
    private java.util.Set<String> typeSet = java.util.Set.of();

    public ScoringItem() {
    }

    public ScoringItem(String item, String types, String measure, double perWeek, double perTerm, double points, String policy) {
        this.item = item;
        setTypes(types);
        this.measure = measure;
        this.perWeek = perWeek;
        this.perTerm = perTerm;
        this.points = points;
        this.policy = policy;
    }

    public String getItem() { return item; }
    public void setItem(String item) { this.item = item; }
    public String getTypes() { return types; }
    public void setTypes(String types) {
        this.types = types;
        // split once: covers() runs for every activity against every item
        this.typeSet = types == null ? java.util.Set.of()
                : java.util.Arrays.stream(types.split("[、,，]")).map(String::strip).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
    public String getMeasure() { return measure; }
    public void setMeasure(String measure) { this.measure = measure; }
    public double getPerWeek() { return perWeek; }
    public void setPerWeek(double perWeek) { this.perWeek = perWeek; }
    public double getPerTerm() { return perTerm; }
    public void setPerTerm(double perTerm) { this.perTerm = perTerm; }
    public double getPoints() { return points; }
    public void setPoints(double points) { this.points = points; }
    public String getPolicy() { return policy; }
    public void setPolicy(String policy) { this.policy = policy; }

    /** True when an activity of this type counts toward the item. */
    public boolean covers(String type) {
        return typeSet.contains(type);
    }

    /** What an activity adds to the item: its hours (学时) or its quantity (次数). */
    public double amountOf(Activity activity) {
        return "学时".equals(measure) ? activity.getHours() : activity.getQuantity();
    }
}
