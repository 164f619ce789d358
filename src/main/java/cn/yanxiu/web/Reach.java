package cn.yanxiu.web;

import cn.yanxiu.accounts.Scope;
import cn.yanxiu.accounts.Scopes;
import cn.yanxiu.accounts.SignedIn;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * How far the signed-in person reaches, for the pages and the API: a teacher or school outside it is "not
 * found" (404, nothing about it is said), and work only the province does is refused (403).
 */
@Component
class Reach {

    private final Scopes scopes;

    Reach(Scopes scopes) {
        this.scopes = scopes;
    }

    static Scope of(SignedIn me) {
        return me == null ? Scope.PROVINCE : me.account().scope();
    }

    /** Refused as not found unless the teacher lies inside the person's scope. */
    void teacher(SignedIn me, String teacherId) {
        if (!scopes.coversTeacher(of(me), teacherId)) {
            throw new IllegalArgumentException("没有教师 " + teacherId);
        }
    }

    /** Refused as not found unless the school lies inside the person's scope. */
    void school(SignedIn me, String schoolId) {
        if (!scopes.coversSchool(of(me), schoolId)) {
            throw new IllegalArgumentException("没有学校 " + schoolId);
        }
    }

    boolean coversSchool(SignedIn me, String schoolId) {
        return scopes.coversSchool(of(me), schoolId);
    }

    /**
     * A teacher reads only their own records (403 for anyone else's); administrators and auditors read those of
     * the teachers inside their scope (anyone outside it is not found).
     */
    void selfOrReader(SignedIn me, String teacherId) {
        var account = me.account();
        if (account.has(cn.yanxiu.accounts.AccountRole.ADMIN) || account.has(cn.yanxiu.accounts.AccountRole.AUDITOR)) {
            teacher(me, teacherId);
        } else if (!teacherId.equals(account.teacherId())) {
            throw new AccessDeniedException("只能查看自己的记录");
        }
    }

    /**
     * Who decides a teacher's appeal: an administrator whose scope holds the teacher's school, or an approver of
     * that school (a group leader: of the teacher's group) who is not the teacher.
     */
    boolean mayDecideAppeal(cn.yanxiu.accounts.Account a, String teacherId, String schoolId, String groupId) {
        if (a.has(cn.yanxiu.accounts.AccountRole.ADMIN) && scopes.coversSchool(a.scope(), schoolId)) {
            return true;
        }
        if (!a.has(cn.yanxiu.accounts.AccountRole.APPROVER) || a.approverStep() == null || teacherId.equals(a.teacherId())
                || !java.util.Objects.equals(schoolId, a.schoolId())) {
            return false;
        }
        return a.approverStep() != cn.yanxiu.credits.CreditStep.GROUP || java.util.Objects.equals(groupId, a.groupId());
    }

    Scopes scopes() {
        return scopes;
    }

    /** Work done once for the whole province (runs, rule sets, terms, the audit log): refused to narrower scopes. */
    void province(SignedIn me, String what) {
        if (!of(me).province()) {
            throw new AccessDeniedException("只有省级账号可以" + what + "；您的范围是" + scopes.describe(of(me)));
        }
    }

    String describe(SignedIn me) {
        return scopes.describe(of(me));
    }
}
