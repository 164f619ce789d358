package cn.yanxiu.credits;

/** Where a credit entry stands in the approval chain (C1), with the label schools use. */
public enum CreditStatus {
    PROPOSED("待教研组认定"),
    GROUP_APPROVED("教研组已认定"),
    OFFICE_APPROVED("教导处已复审"),
    REGISTERED("已登记"),
    RETURNED("已退回"),
    SUPERSEDED("已被更正");

    private final String label;

    CreditStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
