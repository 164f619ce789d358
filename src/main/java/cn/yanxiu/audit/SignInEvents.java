package cn.yanxiu.audit;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Sign-ins to the web application, successful and failed, with the address they came from, into the audit log. */
@Component
class SignInEvents {

    private final AuditLog audit;

    SignInEvents(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        audit.record(event.getAuthentication().getName(), "登录成功", null, null);
    }

    @EventListener
    void refused(AbstractAuthenticationFailureEvent event) {
        String name = event.getAuthentication() == null ? null : event.getAuthentication().getName();
        audit.record(name == null || name.isBlank() ? "（未填用户名）" : name, "登录失败", null, event.getException().getClass().getSimpleName()
                .replace("BadCredentialsException", "用户名或密码错误").replace("DisabledException", "账号已停用")
                .replace("LockedException", "账号暂时锁定"));
    }
}
