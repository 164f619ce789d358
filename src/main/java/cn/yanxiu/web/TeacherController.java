package cn.yanxiu.web;

import cn.yanxiu.accounts.SignedIn;
import cn.yanxiu.certificates.Certificates;
import cn.yanxiu.credits.CreditLedger;
import cn.yanxiu.evaluation.EvaluationRuns;
import cn.yanxiu.evaluation.ExplanationService;
import cn.yanxiu.teacher.TeacherDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestParam;

/** A teacher's own page: logs, grade and why in plain words, what would raise it, credits, certificates. Never another teacher's. */
@Controller
class TeacherController {

    private final TeacherDirectory teachers;
    private final ExplanationService explanations;
    private final EvaluationRuns runs;
    private final CreditLedger ledger;
    private final Certificates certificates;
    private final JdbcTemplate jdbc;
    private final cn.yanxiu.appeals.Appeals appeals;

    TeacherController(TeacherDirectory teachers, ExplanationService explanations, EvaluationRuns runs, CreditLedger ledger, Certificates certificates,
                      JdbcTemplate jdbc, cn.yanxiu.appeals.Appeals appeals) {
        this.appeals = appeals;
        this.teachers = teachers;
        this.explanations = explanations;
        this.runs = runs;
        this.ledger = ledger;
        this.certificates = certificates;
        this.jdbc = jdbc;
    }

    @GetMapping("/me")
    String me(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String term, @RequestParam(required = false) String q,
              @RequestParam(required = false) Integer page, @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
              Model model) throws IOException {
        String id = me.account().teacherId();
        String chosen = TeacherRecords.addTo(model, teachers, teachers.find(id).orElseThrow(() -> new IllegalArgumentException("账号没有对应的教师")), term,
                ListPage.Request.of(page, sort, dir, q), "/me");
        // the teacher's latest finished run of the chosen term
        List<Long> run = chosen == null ? List.of() : jdbc.queryForList("SELECT r.run_id FROM evaluation_result r JOIN evaluation_run u ON u.id = r.run_id "
                + "WHERE r.teacher_id = ? AND u.term_id = ? AND u.status = 'COMPLETED' ORDER BY r.run_id DESC", Long.class, id, chosen);
        if (!run.isEmpty()) {
            // "what would raise" runs the rules again: worked out when the teacher opens that section (/me/raise)
            model.addAttribute("e", explanations.fromRun(chosen, run.get(0), id, false));
            model.addAttribute("raiseRun", run.get(0));
        }
        model.addAttribute("entries", ledger.entries(id));
        model.addAttribute("certificates", certificates.heldBy(id));
        model.addAttribute("appeals", appeals.list(id, null, null, null, null));
        model.addAttribute("evidenceRule", appeals.evidenceRule());
        model.addAttribute("activityLinks", true);
        return "me";
    }

    /** What would raise the teacher's own grade in one of their runs, as the page shows it; 204 when nothing would. */
    @GetMapping(value = "/me/raise", produces = "text/plain;charset=UTF-8")
    ResponseEntity<String> raise(@AuthenticationPrincipal SignedIn me, @RequestParam long run) {
        String hint = explanations.raiseHint(run, me.account().teacherId());
        return hint == null ? ResponseEntity.noContent().build() : ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "private, max-age=60").body(hint);
    }

    @GetMapping("/me/certificates/{serial}")
    ResponseEntity<byte[]> certificate(@AuthenticationPrincipal SignedIn me, @PathVariable String serial) throws IOException {
        var held = certificates.heldBy(me.account().teacherId()).stream().filter(c -> c.serial().equals(serial)).findFirst();
        if (held.isEmpty()) {
            throw new IllegalArgumentException("没有您的证书 " + serial);
        }
        if (held.get().revoked()) {
            return ResponseEntity.status(410).contentType(MediaType.parseMediaType("text/plain;charset=UTF-8"))
                    .body(("证书 " + serial + " 已撤销（或已被更正后的证书取代），不再提供下载；核验页面可查看原因").getBytes(StandardCharsets.UTF_8));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("研修合格证书-" + serial + ".pdf", StandardCharsets.UTF_8)
                        .build().toString())
                .body(certificates.pdf(serial));
    }
}
