package cn.yanxiu.rules.vocabulary;

/** 资格: whether the teacher may have {@code what} (证书, 职称评审, 年度考核优秀, 评优评先, 满勤奖, 学习型教师 …). */
public final class Eligibility {
    public static final String CERTIFICATE = "证书";
    /** Whether the grade passes (the 考评通过 column of the grade levels): pages colour the verdict by it. */
    public static final String PASSED = "考评通过";

    private final String what;
    private final boolean eligible;
    private final String policy;
    private final String rule;
    private final String reason;

    public Eligibility(String what, boolean eligible, String policy, String rule, String reason) {
        this.what = what;
        this.eligible = eligible;
        this.policy = policy;
        this.rule = rule;
        this.reason = reason;
    }

    public String getWhat() { return what; }
    public boolean isEligible() { return eligible; }
    public String getPolicy() { return policy; }
    public String getRule() { return rule; }
    public String getReason() { return reason; }
}
