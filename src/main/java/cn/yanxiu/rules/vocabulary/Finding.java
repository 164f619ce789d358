package cn.yanxiu.rules.vocabulary;

/**
 * 结论: what a rule concluded about one requirement: the policy id, the rule's name, the status
 * (达标 met / 未达标 missed / 说明 information only), required and actual amounts with their unit, and a
 * Chinese message that shows the arithmetic (including pro-rating).
 */
public final class Finding {
    public static final String MET = "达标";
    public static final String MISSED = "未达标";
    public static final String INFO = "说明";

    private final String policy;
    private final String rule;
    private final String status;
    private final double required;
    private final double actual;
    private final String unit;
    private final String message;
    private final String metBy;

    public Finding(String policy, String rule, String status, double required, double actual, String unit, String message) {
        this(policy, rule, status, required, actual, unit, message, null);
    }

    private Finding(String policy, String rule, String status, double required, double actual, String unit, String message, String metBy) {
        this.metBy = metBy;
        this.policy = policy;
        this.rule = rule;
        this.status = status;
        this.required = required;
        this.actual = actual;
        this.unit = unit;
        this.message = message;
    }

    /** A requirement: met when {@code actual} reaches {@code required} (compared at two decimals). */
    public static Finding check(String policy, String rule, double required, double actual, String unit, String message) {
        boolean met = Math.round(actual * 100) >= Math.round(required * 100);
        return new Finding(policy, rule, met ? MET : MISSED, required, actual, unit, message);
    }

    public static Finding info(String policy, String rule, double required, double actual, String unit, String message) {
        return new Finding(policy, rule, INFO, required, actual, unit, message);
    }

    /**
     * The same finding, naming the activity type that meets the requirement (what a teacher who "meets every
     * requirement exactly" does: the rule tests' baseline teacher adds the missing amount of this type).
     */
    public Finding metBy(String activityType) {
        return new Finding(policy, rule, status, required, actual, unit, message, activityType);
    }

    /** The activity type that meets this requirement, or null when no activity does (records, scores, ethics). */
    public String getMetBy() { return metBy; }
    public String getPolicy() { return policy; }
    public String getRule() { return rule; }
    public String getStatus() { return status; }
    public double getRequired() { return required; }
    public double getActual() { return actual; }
    public String getUnit() { return unit; }
    public String getMessage() { return message; }
    public boolean isMissed() { return MISSED.equals(status); }
}
