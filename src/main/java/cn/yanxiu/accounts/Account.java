package cn.yanxiu.accounts;

import cn.yanxiu.credits.CreditStep;
import java.util.Set;

/**
 * A web account: its roles, and for a teacher the teacher it is, for an approver the step of the approval
 * chain and the school (and group) whose entries it moves; its scope says how far an administrator or auditor reaches.
 */
public record Account(long id, String username, String displayName, Set<AccountRole> roles, String teacherId, CreditStep approverStep,
                      String schoolId, String groupId, boolean disabled, Scope scope) implements java.io.Serializable {

    public boolean has(AccountRole role) {
        return roles.contains(role);
    }

    /** "省级管理员", "区县管理员", "学校管理员": an administrator named by how far they reach. */
    public String adminTitle() {
        return switch (scope.level()) {
            case PROVINCE -> "省级管理员";
            case DISTRICT -> "区县管理员";
            case SCHOOL -> "学校管理员";
        };
    }
}
