package cn.yanxiu.web;

import cn.yanxiu.accounts.AccountRole;
import cn.yanxiu.accounts.SignedIn;
import cn.yanxiu.credits.CreditFilter;
import cn.yanxiu.credits.CreditLedger;
import cn.yanxiu.credits.CreditStep;
import cn.yanxiu.rules.RuleSetWorkspace;
import cn.yanxiu.teacher.TeacherDirectory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Teachers, their logs, the approval queue and rule sets over REST, with the same scopes as the pages. */
@RestController
@Tag(name = "教师、学分与规则集")
class PeopleApi {

    private final TeacherDirectory teachers;
    private final CreditLedger ledger;
    private final RuleSetWorkspace workspace;

    private final Reach reach;

    PeopleApi(Reach reach, TeacherDirectory teachers, CreditLedger ledger, RuleSetWorkspace workspace) {
        this.reach = reach;
        this.teachers = teachers;
        this.ledger = ledger;
        this.workspace = workspace;
    }

    @GetMapping("/api/teachers")
    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    @Operation(summary = "按工号或姓名查找教师（前 50 位）")
    List<TeacherDirectory.TeacherLine> search(@AuthenticationPrincipal SignedIn me, @RequestParam String q) {
        return teachers.search(Reach.of(me), q);
    }

    @GetMapping("/api/teachers/{id}/activities")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "一位教师一个学期的研修记录（教师只能看自己的）")
    List<TeacherDirectory.ActivityLine> activities(@AuthenticationPrincipal SignedIn me, @PathVariable String id, @RequestParam String term) {
        reach.selfOrReader(me, id);
        return teachers.activities(id, term);
    }

    @GetMapping("/api/credits/queue")
    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR','APPROVER')")
    @Operation(summary = "等待某一审批环节的学分记录（审批人只见自己的范围）")
    List<CreditLedger.QueueLine> queue(@AuthenticationPrincipal SignedIn me, @RequestParam String term, @RequestParam(required = false) CreditStep step,
                                       @RequestParam(required = false) String school, @RequestParam(required = false) String group) {
        if (me.account().has(AccountRole.AUDITOR) && !me.account().has(AccountRole.APPROVER) && !me.account().has(AccountRole.ADMIN)) {
            return ledger.queue(new CreditFilter(term, school, group, null, me.account().scope()), step == null ? CreditStep.GROUP : step);
        }
        return ApprovalController.scope(me.account(), term, step, school, group).queue(ledger);
    }

    public record Decision(String term, CreditStep step, String school, String group, List<Long> entries, String comment) {
    }

    @PostMapping("/api/credits/approve")
    @PreAuthorize("hasAnyRole('ADMIN','APPROVER')")
    @Operation(summary = "通过所列记录（只动本人范围内、正等待该环节的记录）")
    Map<String, Integer> approve(@AuthenticationPrincipal SignedIn me, @RequestBody Decision d) {
        ApprovalController.Scope scope = scope(me, d);
        return Map.of("approved", ledger.approve(scope.step(), scope.filter(), scope.others(ledger, d.entries()), me.getUsername(), d.comment()).done());
    }

    @PostMapping("/api/credits/return")
    @PreAuthorize("hasAnyRole('ADMIN','APPROVER')")
    @Operation(summary = "退回所列记录（须写原因）")
    Map<String, Integer> sendBack(@AuthenticationPrincipal SignedIn me, @RequestBody Decision d) {
        ApprovalController.Scope scope = scope(me, d);
        return Map.of("returned", ledger.sendBack(scope.step(), scope.filter(), scope.others(ledger, d.entries()), me.getUsername(), d.comment()));
    }

    @GetMapping("/api/rule-sets")
    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    @Operation(summary = "规则集文件夹（按学年）")
    List<String> ruleSets() {
        return workspace.folders();
    }

    @GetMapping("/api/rule-sets/{folder}/check")
    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    @Operation(summary = "校验并测试一个规则集")
    RuleSetWorkspace.Check check(@PathVariable String folder, HttpServletRequest request) {
        // only an administrator's check runs rule code (policy checks, tests); an auditor's never does
        return request.isUserInRole("ADMIN") ? workspace.check(folder) : workspace.inspect(folder);
    }

    public record Activate(String term) {
    }

    @PostMapping("/api/admin/rule-sets/{folder}/activate")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "为学期启用规则集（须校验通过且测试全过）")
    RuleSetWorkspace.Activation activate(@AuthenticationPrincipal SignedIn me, @PathVariable String folder, @RequestBody Activate body) {
        if (body == null || body.term() == null) {
            throw new IllegalArgumentException("请求须含 term");
        }
        return workspace.activate(body.term(), folder, me.getUsername());
    }

    private static ApprovalController.Scope scope(SignedIn me, Decision d) {
        if (d == null || d.term() == null || d.entries() == null) {
            throw new IllegalArgumentException("请求须含 term 与 entries");
        }
        return ApprovalController.scope(me.account(), d.term(), d.step(), d.school(), d.group());
    }
}
