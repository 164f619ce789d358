package cn.yanxiu.credits;

import java.util.List;

/** The three steps of the approval chain (C1): each takes entries from one status to the next. */
public enum CreditStep {
    GROUP("教研组认定", CreditStatus.PROPOSED, CreditStatus.GROUP_APPROVED),
    OFFICE("教导处复审", CreditStatus.GROUP_APPROVED, CreditStatus.OFFICE_APPROVED),
    REGISTER("学分登记", CreditStatus.OFFICE_APPROVED, CreditStatus.REGISTERED);

    /** Entries that may still be sent back: not yet registered. */
    static final List<CreditStatus> RETURNABLE = List.of(CreditStatus.PROPOSED, CreditStatus.GROUP_APPROVED, CreditStatus.OFFICE_APPROVED);

    private final String label;
    private final CreditStatus from;
    private final CreditStatus to;

    CreditStep(String label, CreditStatus from, CreditStatus to) {
        this.label = label;
        this.from = from;
        this.to = to;
    }

    public String label() {
        return label;
    }

    CreditStatus from() {
        return from;
    }

    CreditStatus to() {
        return to;
    }
}
