package cn.yanxiu.web;

import cn.yanxiu.accounts.Account;
import cn.yanxiu.accounts.AccountRole;
import cn.yanxiu.accounts.SignedIn;
import cn.yanxiu.credits.CreditFilter;
import cn.yanxiu.credits.CreditLedger;
import cn.yanxiu.credits.CreditStep;
import cn.yanxiu.teacher.TeacherDirectory;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An approver's queue (C1): a group leader sees the proposed entries of their group, a director of
 * studies the group-approved entries of their school; an administrator may act on any step and school.
 * Entries outside one's own scope are never moved, whatever the form sends.
 */
@Controller
class ApprovalController {

    private final CreditLedger ledger;
    private final TeacherDirectory teachers;
    private final cn.yanxiu.appeals.Appeals appeals;

    private final Reach reach;

    ApprovalController(Reach reach, CreditLedger ledger, TeacherDirectory teachers, cn.yanxiu.appeals.Appeals appeals) {
        this.reach = reach;
        this.appeals = appeals;
        this.ledger = ledger;
        this.teachers = teachers;
    }

    /** The step and the entries one may act on; never one's own entry, which the next level up decides. */
    record Scope(CreditStep step, CreditFilter filter, String self) {
        List<CreditLedger.QueueLine> queue(CreditLedger ledger) {
            return ledger.queue(filter, step).stream().filter(l -> !l.teacherId().equals(self)).toList();
        }

        List<Long> others(CreditLedger ledger, List<Long> chosen) {
            java.util.Set<Long> own = self == null ? java.util.Set.of()
                    : ledger.entries(self).stream().map(CreditLedger.Entry::id).collect(java.util.stream.Collectors.toSet());
            return chosen.stream().filter(id -> !own.contains(id)).toList();
        }
    }

    static Scope scope(Account me, String term, CreditStep wanted, String school, String group) {
        if (me.has(AccountRole.APPROVER) && me.approverStep() != null) {
            return new Scope(me.approverStep(), new CreditFilter(term, me.schoolId(), me.approverStep() == CreditStep.GROUP ? me.groupId() : group, null),
                    me.teacherId());
        }
        if (me.has(AccountRole.ADMIN)) {
            return new Scope(wanted == null ? CreditStep.GROUP : wanted, new CreditFilter(term, school, group, null, me.scope()), me.teacherId());
        }
        throw new org.springframework.security.access.AccessDeniedException("账号没有审批范围");
    }

    @GetMapping("/approvals")
    String queue(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String term, @RequestParam(required = false) CreditStep step,
                 @RequestParam(required = false) String school, @RequestParam(required = false) String group, @RequestParam(required = false) String q,
                 @RequestParam(required = false) Integer page, @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                 Model model) {
        List<TeacherDirectory.TermLine> terms = teachers.terms();
        String chosen = term != null ? term : teachers.currentTerm();
        model.addAttribute("terms", terms);
        model.addAttribute("term", chosen);
        model.addAttribute("school", blank(school));
        model.addAttribute("group", blank(group));
        ListPage.Request request = ListPage.Request.of(page, sort, dir, q);
        model.addAttribute("evidence", chosen == null ? java.util.Map.of() : appeals.evidenceCounts(chosen));
        model.addAttribute("openAppeals", chosen == null ? 0 : appeals.list(null, chosen, null, null, cn.yanxiu.appeals.Appeals.Status.SUBMITTED).stream()
                .filter(a -> reach.mayDecideAppeal(me.account(), a.teacherId(), a.schoolId(), a.groupId())).count());
        if (chosen == null) {
            model.addAttribute("lines", List.of());
            model.addAttribute("list", ListPage.of(List.<CreditLedger.QueueLine>of(), request, queueSorts(), l -> ""));
            return "approvals";
        }
        Scope scope = scope(me.account(), chosen, step, blank(school), blank(group));
        model.addAttribute("step", scope.step());
        model.addAttribute("steps", me.account().has(AccountRole.ADMIN) && !me.account().has(AccountRole.APPROVER) ? CreditStep.values() : new CreditStep[] {scope.step()});
        ListPage<CreditLedger.QueueLine> listed = ListPage.of(scope.queue(ledger), request, queueSorts(),
                l -> l.teacherId() + " " + l.name() + " " + l.group() + " " + l.grade());
        model.addAttribute("list", listed);
        model.addAttribute("lines", listed.items());
        java.util.Map<String, String> filters = new java.util.LinkedHashMap<>();
        filters.put("term", chosen);
        filters.put("step", scope.step().name());
        if (blank(school) != null) {
            filters.put("school", school);
        }
        if (blank(group) != null) {
            filters.put("group", group);
        }
        model.addAttribute("listFilters", filters);
        model.addAttribute("listQuery", filters.entrySet().stream().map(e -> "&" + e.getKey() + "="
                + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8)).collect(java.util.stream.Collectors.joining()));
        model.addAttribute("fixedGroup", scope.step() == CreditStep.GROUP && me.account().has(AccountRole.APPROVER));
        return "approvals";
    }

    private static java.util.Map<String, java.util.Comparator<CreditLedger.QueueLine>> queueSorts() {
        java.util.Map<String, java.util.Comparator<CreditLedger.QueueLine>> sorts = new java.util.LinkedHashMap<>();
        sorts.put("teacher", java.util.Comparator.comparing(CreditLedger.QueueLine::teacherId));
        sorts.put("name", java.util.Comparator.comparing(l -> String.valueOf(l.name())));
        sorts.put("group", java.util.Comparator.comparing(l -> String.valueOf(l.group())));
        sorts.put("grade", java.util.Comparator.comparing(l -> String.valueOf(l.grade())));
        sorts.put("credits", java.util.Comparator.comparing(CreditLedger.QueueLine::credits));
        return sorts;
    }

    @PostMapping("/approvals")
    String act(@AuthenticationPrincipal SignedIn me, @RequestParam String term, @RequestParam(required = false) CreditStep step,
               @RequestParam(required = false) String school, @RequestParam(required = false) String group,
               @RequestParam(name = "entry", required = false) List<Long> entries, @RequestParam(required = false) String comment,
               @RequestParam String decision, RedirectAttributes flash) {
        Scope scope = scope(me.account(), term, step, blank(school), blank(group));
        String back = "redirect:/approvals?term=" + term + "&step=" + scope.step() + (blank(school) == null ? "" : "&school=" + school)
                + (blank(group) == null ? "" : "&group=" + group);
        if (entries == null || entries.isEmpty()) {
            flash.addFlashAttribute("error", "请先勾选要处理的记录");
            return back;
        }
        try {
            String named = me.account().displayName() + "（" + me.getUsername() + "）";
            String actor = named.length() <= 64 ? named : me.getUsername();
            if ("return".equals(decision)) {
                int n = ledger.sendBack(scope.step(), scope.filter(), scope.others(ledger, entries), actor, comment);
                flash.addFlashAttribute("ok", "已退回 " + n + " 条记录；下一次评价运行的学分建议将更正它们");
            } else {
                int n = ledger.approve(scope.step(), scope.filter(), scope.others(ledger, entries), actor, blank(comment)).done();
                flash.addFlashAttribute("ok", scope.step().label() + "：已通过 " + n + " 条记录");
            }
        } catch (CreditLedger.CreditRefused e) {
            flash.addFlashAttribute("error", e.getMessage() + "；未改动任何记录");
        }
        return back;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
