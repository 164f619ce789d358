package cn.yanxiu.accounts;

import cn.yanxiu.credits.CreditStep;
import java.util.Set;

/**
 * A web account: its roles, and for a teacher the teacher it is, for an approver the step of the approval
 * chain and the school (and group) whose entries it moves.
 */
public record Account(long id, String username, String displayName, Set<AccountRole> roles, String teacherId, CreditStep approverStep,
                      String schoolId, String groupId, boolean disabled) {

    public boolean has(AccountRole role) {
        return roles.contains(role);
    }
}
