package cn.yanxiu.rules.vocabulary;

/**
 * 量化考核项目 (decision table scoring.drl.xlsx): an item of the routine score, scored on the findings of the
 * requirement rules it names ({@code basis}: rule names separated by 、), so the required amount is the
 * requirement's own and is written once: earned = points × (Σ min(actual, required) / Σ required). A teacher the
 * requirement does not apply to (no finding, e.g. Q2 above its age limit) earns the item's points.
 */
public final class ScoringItem {
    private String item;
    private String basis;
    private double points;
    private String policy;
    private java.util.Set<String> rules = java.util.Set.of();

    public ScoringItem() {
    }

    public ScoringItem(String item, String basis, double points, String policy) {
        this.item = item;
        setBasis(basis);
        this.points = points;
        this.policy = policy;
    }

    public String getItem() { return item; }
    public void setItem(String item) { this.item = item; }
    public String getBasis() { return basis; }
    public void setBasis(String basis) {
        this.basis = basis;
        this.rules = basis == null ? java.util.Set.of()
                : java.util.Arrays.stream(basis.split("[、,，]")).map(String::strip).filter(s -> !s.isEmpty())
                        .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
    public double getPoints() { return points; }
    public void setPoints(double points) { this.points = points; }
    public String getPolicy() { return policy; }
    public void setPolicy(String policy) { this.policy = policy; }

    /** The requirement rules this item is scored on. */
    public java.util.Set<String> getRules() { return rules; }

    /** True when a finding of this rule counts toward the item. */
    public boolean scores(String rule) {
        return rules.contains(rule);
    }
}
