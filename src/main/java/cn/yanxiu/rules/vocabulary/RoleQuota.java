package cn.yanxiu.rules.vocabulary;

/** 观课指标 (Q1, decision table): lessons a holder of {@code role} observes per duty week. */
public final class RoleQuota {
    private String role;
    private double lessonsPerWeek;
    private String policy;

    public RoleQuota() {
    }

    public RoleQuota(String role, double lessonsPerWeek, String policy) {
        this.role = role;
        this.lessonsPerWeek = lessonsPerWeek;
        this.policy = policy;
    }

    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
    public double getLessonsPerWeek() { return lessonsPerWeek; }
    public void setLessonsPerWeek(double lessonsPerWeek) { this.lessonsPerWeek = lessonsPerWeek; }
    public String getPolicy() { return policy; }
    public void setPolicy(String policy) { this.policy = policy; }
}
