package cn.yanxiu.web;

import cn.yanxiu.accounts.AccountRole;
import cn.yanxiu.accounts.Accounts;
import cn.yanxiu.accounts.SignedIn;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sign-in, the landing page of each role, keeping a session alive, changing one's password. */
@Controller
class HomeController {

    private final Accounts accounts;

    HomeController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal SignedIn me) {
        if (me.account().has(AccountRole.ADMIN)) {
            return "redirect:/admin";
        }
        if (me.account().has(AccountRole.AUDITOR)) {
            return "redirect:/runs";
        }
        if (me.account().has(AccountRole.APPROVER)) {
            return "redirect:/approvals";
        }
        return "redirect:/me";
    }

    @GetMapping("/session/keepalive")
    ResponseEntity<Void> keepalive() {
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/account/password")
    String passwordForm() {
        return "password";
    }

    @PostMapping("/account/password")
    String changePassword(@AuthenticationPrincipal SignedIn me, @RequestParam String current, @RequestParam String fresh,
                          @RequestParam String repeat, Model model, jakarta.servlet.http.HttpSession session) {
        try {
            if (!fresh.equals(repeat)) {
                throw new Accounts.AccountRefused("两次输入的新密码不一致，密码未修改");
            }
            accounts.changePassword(me.getUsername(), current, fresh);
            // this session changed the password itself: it stays open (others of the same account end)
            OpenSessionCheck.restamp(session, accounts, me.getUsername());
            model.addAttribute("ok", "密码已修改");
        } catch (Accounts.AccountRefused e) {
            model.addAttribute("error", e.getMessage());
        }
        return "password";
    }
}
