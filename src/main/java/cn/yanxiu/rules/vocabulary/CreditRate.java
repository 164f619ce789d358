package cn.yanxiu.rules.vocabulary;

/** 学时学分转换 (H5, decision table): {@code hoursPerCredit} recognised hours make one credit. */
public final class CreditRate {
    private double hoursPerCredit;
    private String policy;

    public CreditRate() {
    }

    public CreditRate(double hoursPerCredit, String policy) {
        this.hoursPerCredit = hoursPerCredit;
        this.policy = policy;
    }

    public double getHoursPerCredit() { return hoursPerCredit; }
    public void setHoursPerCredit(double hoursPerCredit) { this.hoursPerCredit = hoursPerCredit; }
    public String getPolicy() { return policy; }
    public void setPolicy(String policy) { this.policy = policy; }
}
