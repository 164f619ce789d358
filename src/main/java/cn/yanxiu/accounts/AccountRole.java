package cn.yanxiu.accounts;

/** What a person may do in the web application; one account may hold several. */
public enum AccountRole {
    ADMIN("管理员"),
    AUDITOR("审计员"),
    APPROVER("审批人"),
    TEACHER("教师");

    private final String label;

    AccountRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The Spring Security authority name. */
    public String authority() {
        return "ROLE_" + name();
    }
}
