package cn.yanxiu.web;

import cn.yanxiu.accounts.Account;
import cn.yanxiu.accounts.AccountRole;
import cn.yanxiu.accounts.SignedIn;
import cn.yanxiu.activity.ActivityType;
import cn.yanxiu.appeals.Appeals;
import cn.yanxiu.appeals.Correction;
import cn.yanxiu.appeals.EvidenceFile;
import cn.yanxiu.certificates.Certificates;
import cn.yanxiu.credits.CreditLedger;
import cn.yanxiu.credits.CreditStep;
import cn.yanxiu.evaluation.ResultCorrections;
import cn.yanxiu.teacher.TeacherDirectory;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Appeals on the web: a teacher files one (about the term's result or one record) and attaches evidence to
 * records; the approvers of the teacher's school (a group leader for the group) see the evidence and decide;
 * the teacher, those approvers, administrators and auditors read an appeal and its outcome. Anyone else is
 * told there is no such appeal or file: nothing shows that it exists.
 */
@Controller
class AppealController {

    private final Appeals appeals;
    private final TeacherDirectory teachers;
    private final JdbcTemplate jdbc;

    private final Reach reach;

    AppealController(Reach reach, Appeals appeals, TeacherDirectory teachers, JdbcTemplate jdbc) {
        this.reach = reach;
        this.appeals = appeals;
        this.teachers = teachers;
        this.jdbc = jdbc;
    }

    // ---- the teacher

    @PostMapping("/me/appeals")
    String submit(@AuthenticationPrincipal SignedIn me, @RequestParam String term, @RequestParam(required = false) Long activity,
                  @RequestParam(required = false) String reason, @RequestParam(name = "files", required = false) List<MultipartFile> files,
                  RedirectAttributes flash) {
        String back = activity != null ? "redirect:/me/activities/" + activity : "redirect:/me?term=" + term;
        try {
            long id = appeals.submit(me.account().teacherId(), term, activity, reason, uploads(files), actor(me));
            flash.addFlashAttribute("ok", "申诉 #" + id + " 已提交，学校审批人处理后您会在“我的申诉”中看到结果");
            return "redirect:/appeals/" + id;
        } catch (Appeals.AppealRefused e) {
            flash.addFlashAttribute("error", e.getMessage() + "；未提交");
            return back;
        }
    }

    @GetMapping("/me/activities/{id}")
    String activity(@AuthenticationPrincipal SignedIn me, @PathVariable long id, Model model) {
        String teacher = me.account().teacherId();
        String term = jdbc.queryForList("SELECT term_id FROM activity WHERE id = ? AND teacher_id = ?", String.class, id, teacher).stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("没有您的这条研修记录"));
        model.addAttribute("activityId", id);
        model.addAttribute("term", term);
        model.addAttribute("activityText", appeals.activityText(teacher, term, id));
        model.addAttribute("evidence", appeals.recordEvidence(teacher, term).stream().filter(e -> Objects.equals(e.activityId(), id)).toList());
        model.addAttribute("appeals", appeals.list(teacher, term, null, null, null).stream().filter(a -> Objects.equals(a.activityId(), id)).toList());
        model.addAttribute("evidenceRule", appeals.evidenceRule());
        return "appeals/activity";
    }

    @PostMapping("/me/activities/{id}/evidence")
    String attach(@AuthenticationPrincipal SignedIn me, @PathVariable long id, @RequestParam(name = "files", required = false) List<MultipartFile> files,
                  RedirectAttributes flash) {
        try {
            int n = appeals.attach(me.account().teacherId(), id, uploads(files), actor(me));
            flash.addFlashAttribute("ok", "已上传 " + n + " 个证据文件；学校审批人在审批时可以查看");
        } catch (Appeals.AppealRefused e) {
            flash.addFlashAttribute("error", e.getMessage() + "；未上传");
        }
        return "redirect:/me/activities/" + id;
    }

    // ---- reading an appeal and its evidence

    @GetMapping("/appeals/{id}")
    String show(@AuthenticationPrincipal SignedIn me, @PathVariable long id, Model model) {
        Appeals.Appeal appeal = visible(me.account(), id);
        model.addAttribute("a", appeal);
        model.addAttribute("canDecide", appeal.open() && mayDecide(me.account(), appeal.teacherId(), appeal.schoolId(), appeal.groupId()));
        model.addAttribute("recordEvidence", appeals.recordEvidence(appeal.teacherId(), appeal.termId()));
        model.addAttribute("types", ActivityType.values());
        // the disputed record as it reads now fills the correction form, so the approver changes only what is wrong
        model.addAttribute("current", appeal.activityId() == null ? null : jdbc.queryForList("SELECT type, activity_date, hours, quantity, note "
                + "FROM activity WHERE id = ? AND teacher_id = ?", appeal.activityId(), appeal.teacherId()).stream().findFirst()
                .map(r -> java.util.Map.of("type", String.valueOf(cn.yanxiu.system.RowColumns.get(r, "type")), "date", String.valueOf(cn.yanxiu.system.RowColumns.get(r, "activity_date")),
                        "hours", ((BigDecimal) cn.yanxiu.system.RowColumns.get(r, "hours")).stripTrailingZeros().toPlainString(), "quantity", String.valueOf(cn.yanxiu.system.RowColumns.get(r, "quantity")),
                        "note", cn.yanxiu.system.RowColumns.get(r, "note") == null ? "" : String.valueOf(cn.yanxiu.system.RowColumns.get(r, "note")))).orElse(null));
        return "appeals/appeal";
    }

    @GetMapping("/evidence/{id}")
    ResponseEntity<byte[]> evidence(@AuthenticationPrincipal SignedIn me, @PathVariable long id) {
        Appeals.EvidenceContent file = appeals.evidence(id).filter(f -> mayRead(me.account(), f.evidence().teacherId()))
                .orElseThrow(() -> new IllegalArgumentException("没有这个证据文件"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.evidence().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.evidence().fileName(), StandardCharsets.UTF_8)
                        .build().toString())
                .body(file.content());
    }

    // ---- the approver

    @GetMapping("/approvals/appeals")
    String list(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String term, @RequestParam(required = false) String status,
                @RequestParam(required = false) String teacher, Model model) {
        Account a = me.account();
        Appeals.Status wanted = status == null || status.isBlank() ? null : "ALL".equals(status) ? null : Appeals.Status.valueOf(status);
        String school = a.has(AccountRole.APPROVER) && !a.has(AccountRole.ADMIN) ? a.schoolId() : null;
        String group = a.has(AccountRole.APPROVER) && !a.has(AccountRole.ADMIN) && a.approverStep() == CreditStep.GROUP ? a.groupId() : null;
        String chosenTeacher = teacher == null || teacher.isBlank() ? null : teacher.strip();
        List<Appeals.Appeal> listed = appeals.list(chosenTeacher, blank(term), school, group, status == null ? Appeals.Status.SUBMITTED : wanted).stream()
                .filter(x -> mayDecide(a, x.teacherId(), x.schoolId(), x.groupId())).toList();
        model.addAttribute("appeals", listed);
        model.addAttribute("terms", teachers.terms());
        model.addAttribute("term", blank(term));
        model.addAttribute("status", status == null ? "SUBMITTED" : status);
        model.addAttribute("statuses", Appeals.Status.values());
        if (chosenTeacher != null && blank(term) != null) {
            String[] place = place(chosenTeacher);
            if (place != null && mayDecide(a, chosenTeacher, place[0], place[1])) {
                model.addAttribute("teacher", chosenTeacher);
                model.addAttribute("recordEvidence", appeals.recordEvidence(chosenTeacher, term));
            }
        }
        return "appeals/list";
    }

    @PostMapping("/appeals/{id}/decision")
    String decide(@AuthenticationPrincipal SignedIn me, @PathVariable long id, @RequestParam String decision, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) String kind, @RequestParam(required = false) String type, @RequestParam(required = false) String date,
                  @RequestParam(required = false) String hours, @RequestParam(required = false) Integer quantity, @RequestParam(required = false) String note,
                  RedirectAttributes flash) {
        Appeals.Appeal appeal = visible(me.account(), id);
        if (!mayDecide(me.account(), appeal.teacherId(), appeal.schoolId(), appeal.groupId())) {
            throw new org.springframework.security.access.AccessDeniedException("只有该教师所在学校的审批人可以处理此申诉");
        }
        try {
            if ("reject".equals(decision)) {
                appeals.reject(id, reason, actor(me));
                flash.addFlashAttribute("ok", "已驳回申诉 #" + id);
            } else {
                appeals.accept(id, reason, correction(kind, type, date, hours, quantity, note), actor(me));
                flash.addFlashAttribute("ok", "已采纳申诉 #" + id + "：记录已更正并重新评价，结果见下方");
            }
        } catch (Appeals.AppealRefused | ResultCorrections.CorrectionRefused | CreditLedger.CreditRefused | Certificates.CertificateRefused e) {
            flash.addFlashAttribute("error", e.getMessage() + "；未改动任何记录");
        }
        return "redirect:/appeals/" + id;
    }

    private static Correction correction(String kind, String type, String date, String hours, Integer quantity, String note) {
        Correction.Kind k;
        try {
            k = kind == null || kind.isBlank() ? null : Correction.Kind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new Appeals.AppealRefused("更正方式无效");
        }
        ActivityType t = type == null || type.isBlank() ? null : ActivityType.parse(type).orElseThrow(() -> new Appeals.AppealRefused("活动类型“" + type + "”无效"));
        LocalDate d;
        BigDecimal h;
        try {
            d = date == null || date.isBlank() ? null : LocalDate.parse(date.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new Appeals.AppealRefused("日期“" + date + "”无效，应写成 2025-10-12");
        }
        try {
            h = hours == null || hours.isBlank() ? null : new BigDecimal(hours.strip());
        } catch (NumberFormatException e) {
            throw new Appeals.AppealRefused("学时“" + hours + "”不是数字");
        }
        return k == null ? null : new Correction(k, t, d, h, quantity == null ? 1 : quantity, note);
    }

    // ---- who may see and decide

    private Appeals.Appeal visible(Account a, long id) {
        return appeals.find(id).filter(x -> mayRead(a, x.teacherId())).orElseThrow(() -> new IllegalArgumentException("没有申诉 #" + id));
    }

    /** The teacher, administrators, auditors, and the approvers who may decide for the teacher. */
    private boolean mayRead(Account a, String teacherId) {
        if (a.has(AccountRole.TEACHER) && teacherId.equals(a.teacherId())) {
            return true;
        }
        String[] place = place(teacherId);
        if (place == null) {
            return false;
        }
        return (a.has(AccountRole.ADMIN) || a.has(AccountRole.AUDITOR)) && reach.scopes().coversSchool(a.scope(), place[0])
                || mayDecide(a, teacherId, place[0], place[1]);
    }

    private boolean mayDecide(Account a, String teacherId, String schoolId, String groupId) {
        return reach.mayDecideAppeal(a, teacherId, schoolId, groupId);
    }

    private String[] place(String teacherId) {
        return jdbc.query("SELECT school_id, group_id FROM teacher WHERE id = ?", (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, teacherId)
                .stream().findFirst().orElse(null);
    }

    private List<EvidenceFile> uploads(List<MultipartFile> files) {
        List<EvidenceFile> out = new ArrayList<>();
        for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
            if (f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank())) {
                continue;
            }
            // refused before reading it in
            if (f.getSize() > appeals.maxEvidenceBytes()) {
                throw new Appeals.AppealRefused("证据文件 " + f.getOriginalFilename() + " 过大（每个最多 " + appeals.maxEvidenceBytes() / 1048576 + " MB）");
            }
            try {
                out.add(new EvidenceFile(f.getOriginalFilename(), f.getBytes()));
            } catch (IOException e) {
                throw new Appeals.AppealRefused("证据文件 " + f.getOriginalFilename() + " 读取失败：" + e.getMessage());
            }
        }
        return out;
    }

    private static String actor(SignedIn me) {
        String named = me.account().displayName() + "（" + me.getUsername() + "）";
        return named.length() <= 64 ? named : me.getUsername();
    }


    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
