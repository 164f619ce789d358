package cn.yanxiu.rules.vocabulary;

/**
 * 要求未达标的后果 (decision table effects.drl.xlsx): what a missed requirement of {@code policy} does to the grade,
 * said without naming a grade so renaming a level needs no edit here: {@link #HARD} (硬性要求: the lowest level),
 * {@link #NOT_TOP} (不得评最高等级: at most the level below the top), or {@link #POINTS_ONLY} (只扣量化分).
 */
public final class RequirementEffect {
    public static final String HARD = "硬性要求";
    public static final String NOT_TOP = "不得评最高等级";
    public static final String POINTS_ONLY = "只扣量化分";

    private String policy;
    private String effect;

    public RequirementEffect() {
    }

    public RequirementEffect(String policy, String effect) {
        this.policy = policy;
        this.effect = effect;
    }

    public String getPolicy() { return policy; }
    public void setPolicy(String policy) { this.policy = policy; }
    public String getEffect() { return effect; }
    public void setEffect(String effect) { this.effect = effect; }
}
