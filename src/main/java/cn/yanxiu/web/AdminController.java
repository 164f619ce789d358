package cn.yanxiu.web;

import cn.yanxiu.accounts.AccountRole;
import cn.yanxiu.accounts.Accounts;
import cn.yanxiu.accounts.SignedIn;
import cn.yanxiu.certificates.Certificates;
import cn.yanxiu.credits.CreditLedger;
import cn.yanxiu.credits.CreditStep;
import cn.yanxiu.evaluation.EvaluationRuns;
import cn.yanxiu.importing.ImportResult;
import cn.yanxiu.rules.RuleSetWorkspace;
import cn.yanxiu.system.ScratchSpace;
import cn.yanxiu.teacher.TeacherDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's pages: overview, spreadsheet upload, accounts, starting a term-end run. */
@Controller
@RequestMapping("/admin")
class AdminController {

    /** More files than a county's term in one upload is a mistake. */
    private static final int MAX_FILES = 20;

    private final Accounts accounts;
    private final TeacherDirectory teachers;
    private final EvaluationRuns runs;
    private final RuleSetWorkspace workspace;
    private final TermEndRuns termEndRuns;

    private final CreditLedger ledger;
    private final ImportJobs imports;
    private final AccountJobs accountJobs;
    private final cn.yanxiu.evaluation.RunPublications publications;
    private final cn.yanxiu.audit.AuditLog audit;
    private final CertificateZips zips;
    private final Certificates certificates;
    private final Reach reach;

    AdminController(Reach reach, Accounts accounts, TeacherDirectory teachers, EvaluationRuns runs, TermEndRuns termEndRuns,
                    RuleSetWorkspace workspace, CreditLedger ledger, Certificates certificates, ImportJobs imports, AccountJobs accountJobs,
                    cn.yanxiu.evaluation.RunPublications publications, cn.yanxiu.audit.AuditLog audit, CertificateZips zips) {
        this.accountJobs = accountJobs;
        this.reach = reach;
        this.publications = publications;
        this.audit = audit;
        this.zips = zips;
        this.ledger = ledger;
        this.imports = imports;
        this.certificates = certificates;
        this.accounts = accounts;
        this.teachers = teachers;
        this.runs = runs;
        this.termEndRuns = termEndRuns;
        this.workspace = workspace;
    }

    @GetMapping
    String overview(@AuthenticationPrincipal SignedIn me, Model model) {
        model.addAttribute("teachers", teachers.count(Reach.of(me), null));
        model.addAttribute("reach", reach.describe(me));
        model.addAttribute("title", me.account().adminTitle());
        model.addAttribute("province", Reach.of(me).province());
        model.addAttribute("terms", teachers.terms());
        model.addAttribute("activations", teachers.terms().stream().map(t -> workspace.activation(t.id()).orElse(null)).toList());
        model.addAttribute("runs", runs.newestFirst().stream().limit(5).toList());
        model.addAttribute("accounts", accounts.within(Reach.of(me)).size());
        model.addAttribute("folders", workspace.folders());
        return "admin/overview";
    }

    @GetMapping("/import")
    String importForm() {
        return "admin/import";
    }

    /** Saves the uploaded files and imports them in the background, each whole or not at all; the page follows the import. */
    @PostMapping("/import")
    String importFiles(@AuthenticationPrincipal SignedIn me, @RequestParam("files") List<MultipartFile> files, Model model) throws IOException {
        List<MultipartFile> given = files.stream().filter(f -> !f.isEmpty()).toList();
        if (given.isEmpty()) {
            model.addAttribute("error", "请选择要导入的表格文件（.xlsx 或 .csv）");
            return "admin/import";
        }
        if (given.size() > MAX_FILES) {
            model.addAttribute("error", "一次最多导入 " + MAX_FILES + " 个文件，收到 " + given.size() + " 个；未导入任何内容");
            return "admin/import";
        }
        Path dir = ScratchSpace.folder("yanxiu-upload");
        List<Path> saved = new ArrayList<>();
        try {
            for (MultipartFile f : given) {
                Path target = dir.resolve(safeName(f.getOriginalFilename(), saved.size()));
                try (InputStream in = f.getInputStream()) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                saved.add(target);
            }
        } catch (IOException e) {
            FileSystemUtils.deleteRecursively(dir);
            throw e;
        }
        return "redirect:/admin/import/" + imports.submit(me.getUsername(), Reach.of(me), dir, saved);
    }

    /** An import under way (with live progress) or its results: every refused cell by file, row and column. */
    @GetMapping("/import/{id}")
    String importJob(@AuthenticationPrincipal SignedIn me, @PathVariable String id, Model model) {
        ImportJobs.Job job = imports.find(id, me.getUsername());
        model.addAttribute("jobId", job.id());
        model.addAttribute("jobRunning", !job.finished());
        if (job.failure() != null) {
            model.addAttribute("error", job.failure());
        } else if (job.results() != null) {
            List<ImportResult> results = job.results();
            model.addAttribute("results", results);
            long refused = results.stream().filter(r -> !r.imported()).count();
            model.addAttribute(refused == 0 ? "ok" : "error", refused == 0 ? "全部 " + results.size() + " 个文件已导入"
                    : refused + " 个文件未导入（整份文件不写入），请按下表修改后重新上传");
        }
        return "admin/import";
    }

    @GetMapping("/import/{id}/progress")
    @org.springframework.web.bind.annotation.ResponseBody
    java.util.Map<String, Object> importProgress(@AuthenticationPrincipal SignedIn me, @PathVariable String id) {
        ImportJobs.Job job = imports.find(id, me.getUsername());
        return java.util.Map.of("status", job.finished() ? "FINISHED" : "RUNNING", "done", Math.max(0, job.started() - 1), "total", job.files(),
                "text", job.current() == null ? "正在检查文件…" : "正在导入第 " + job.started() + " / " + job.files() + " 个文件：" + job.current());
    }

    @GetMapping("/accounts")
    String accountList(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String q, @RequestParam(required = false) Integer page, @RequestParam(required = false) String sort,
                       @RequestParam(required = false) String dir, Model model) {
        java.util.Map<String, java.util.Comparator<cn.yanxiu.accounts.Account>> sorts = new java.util.LinkedHashMap<>();
        sorts.put("username", java.util.Comparator.comparing(cn.yanxiu.accounts.Account::username));
        sorts.put("name", java.util.Comparator.comparing(a -> String.valueOf(a.displayName())));
        sorts.put("teacher", java.util.Comparator.comparing(a -> String.valueOf(a.teacherId())));
        sorts.put("status", java.util.Comparator.comparing(cn.yanxiu.accounts.Account::disabled));
        model.addAttribute("list", ListPage.of(accounts.within(Reach.of(me)), ListPage.Request.of(page, sort, dir, q), sorts,
                a -> a.username() + " " + a.displayName() + " " + a.teacherId() + " " + a.schoolId() + " "
                        + a.roles().stream().map(AccountRole::label).collect(java.util.stream.Collectors.joining(" "))));
        model.addAttribute("roles", AccountRole.values());
        model.addAttribute("reach", reach.describe(me));
        model.addAttribute("scopeLevels", Reach.of(me).province() ? cn.yanxiu.accounts.Scope.Level.values()
                : java.util.Arrays.stream(cn.yanxiu.accounts.Scope.Level.values()).filter(l -> l.ordinal() >= Reach.of(me).level().ordinal()).toArray());
        return "admin/accounts";
    }

    @PostMapping("/accounts")
    String createAccount(@AuthenticationPrincipal SignedIn me, @RequestParam String username, @RequestParam String displayName,
                         @RequestParam(required = false) List<AccountRole> roles, @RequestParam(required = false) String teacherId,
                         @RequestParam(required = false) CreditStep step, @RequestParam(required = false) String schoolId,
                         @RequestParam(required = false) String groupId, @RequestParam(required = false) cn.yanxiu.accounts.Scope.Level scopeLevel,
                         @RequestParam(required = false) String scopeId, @RequestParam String password, RedirectAttributes flash) {
        try {
            Set<AccountRole> chosen = roles == null || roles.isEmpty() ? EnumSet.noneOf(AccountRole.class) : EnumSet.copyOf(roles);
            cn.yanxiu.accounts.Scope scope = scopeOf(scopeLevel, blank(scopeId), Reach.of(me));
            accounts.create(username.strip(), displayName, chosen, blank(teacherId), step, blank(schoolId), blank(groupId), scope, password,
                    me.getUsername(), Reach.of(me));
            flash.addFlashAttribute("ok", "账号 " + username + " 已创建");
        } catch (Accounts.AccountRefused e) {
            flash.addFlashAttribute("error", e.getMessage() + "；未创建账号");
        }
        return "redirect:/admin/accounts";
    }

    /** The scope a new administrator or auditor gets: as chosen, else the creator's own. */
    private static cn.yanxiu.accounts.Scope scopeOf(cn.yanxiu.accounts.Scope.Level level, String id, cn.yanxiu.accounts.Scope creator) {
        if (level == null) {
            return creator;
        }
        try {
            return new cn.yanxiu.accounts.Scope(level, id);
        } catch (IllegalArgumentException e) {
            throw new Accounts.AccountRefused(e.getMessage());
        }
    }

    @PostMapping("/accounts/{username}/disabled")
    String setDisabled(@AuthenticationPrincipal SignedIn me, @PathVariable String username, @RequestParam boolean disabled, RedirectAttributes flash) {
        try {
            accounts.managed(username, Reach.of(me));
            accounts.setDisabled(username, disabled, me.getUsername());
            flash.addFlashAttribute("ok", "账号 " + username + (disabled ? " 已停用，不能再登录" : " 已恢复使用"));
        } catch (Accounts.AccountRefused e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/accounts";
    }

    @PostMapping("/accounts/{username}/password")
    String resetPassword(@AuthenticationPrincipal SignedIn me, @PathVariable String username, RedirectAttributes flash) {
        try {
            accounts.managed(username, Reach.of(me));
            flash.addFlashAttribute("ok", "账号 " + username + " 的新密码：" + accounts.resetPassword(username, me.getUsername()) + "（只显示这一次，请转交本人并提醒登录后修改）");
        } catch (Accounts.AccountRefused e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/accounts";
    }

    /**
     * Accounts for every imported teacher without one, created in the background; the page follows the progress and
     * then offers the password sheets (one worksheet per school) to download once.
     */
    @PostMapping("/accounts/teachers")
    String createTeacherAccounts(@AuthenticationPrincipal SignedIn me) {
        return "redirect:/admin/accounts/jobs/" + accountJobs.submit(me.getUsername(), Reach.of(me));
    }

    @GetMapping("/accounts/jobs/{id}")
    String accountJob(@AuthenticationPrincipal SignedIn me, @PathVariable String id, Model model) {
        AccountJobs.Job job = accountJobs.find(id, me.getUsername());
        if (job == null) {
            throw new IllegalArgumentException("没有这项账号创建任务（任务只对发起它的管理员可见，保留一天）");
        }
        model.addAttribute("job", job);
        return "admin/created-accounts";
    }

    /** The progress as JSON, for the page to poll. */
    @GetMapping("/accounts/jobs/{id}/progress")
    @org.springframework.web.bind.annotation.ResponseBody
    Map<String, Object> accountJobProgress(@AuthenticationPrincipal SignedIn me, @PathVariable String id) {
        AccountJobs.Job job = accountJobs.find(id, me.getUsername());
        if (job == null) {
            throw new IllegalArgumentException("没有这项账号创建任务");
        }
        Map<String, Object> p = new java.util.LinkedHashMap<>();
        p.put("done", job.done());
        p.put("total", job.total());
        p.put("status", job.finished() ? "FINISHED" : "RUNNING");
        p.put("text", job.total() < 0 ? "准备中…" : "已创建 " + job.done() + " / " + job.total() + " 个账号");
        return p;
    }

    @GetMapping("/accounts/jobs/{id}/sheets")
    ResponseEntity<byte[]> accountSheets(@AuthenticationPrincipal SignedIn me, @PathVariable String id) {
        byte[] sheets = accountJobs.takeSheets(id, me.getUsername());
        if (sheets == null) {
            return ResponseEntity.status(410).contentType(MediaType.parseMediaType("text/plain;charset=UTF-8"))
                    .body("密码表只能下载一次，已下载或任务不存在；遗失时请在“账号”页为相应教师重置密码。".getBytes(StandardCharsets.UTF_8));
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("教师账号初始密码-各校.xlsx", StandardCharsets.UTF_8)
                        .build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(sheets);
    }

    @GetMapping("/runs/new")
    String runForm(@AuthenticationPrincipal SignedIn me, Model model) {
        model.addAttribute("terms", teachers.terms());
        model.addAttribute("currentTerm", teachers.currentTerm());
        model.addAttribute("activations", teachers.terms().stream().map(t -> workspace.activation(t.id()).orElse(null)).toList());
        return "admin/run-new";
    }

    /** Starts the term-end run with the term's activated rule set and shows its live progress. */
    @PostMapping("/runs")
    String startRun(@AuthenticationPrincipal SignedIn me, @RequestParam String term, RedirectAttributes flash) {
        try {
            return "redirect:/runs/" + termEndRuns.start(term, me.getUsername()).id();
        } catch (EvaluationRuns.RunRefused | RuleSetWorkspace.RuleEditRefused e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/admin/runs/new";
        }
    }

    /** Takes an interrupted run back up (the server stopped, the database went away) and shows its progress again. */
    @PostMapping("/runs/{id}/resume")
    String resumeRun(@AuthenticationPrincipal SignedIn me, @PathVariable long id, RedirectAttributes flash) throws IOException {
        try {
            termEndRuns.resume(id);
            flash.addFlashAttribute("ok", "运行 #" + id + " 已继续，已有的结果保留，只评价尚未评价的教师");
        } catch (EvaluationRuns.RunRefused e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/runs/" + id;
    }

    /** Gives up an interrupted run: it stays in the history and never counts as a result. */
    @PostMapping("/runs/{id}/abandon")
    String abandonRun(@AuthenticationPrincipal SignedIn me, @PathVariable long id, RedirectAttributes flash) {
        try {
            runs.abandon(id);
            flash.addFlashAttribute("ok", "运行 #" + id + " 已放弃（保留在历史中，不作为结果）");
        } catch (EvaluationRuns.RunRefused e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/runs/" + id;
    }

    /** Publishes a finished run as its term's official result (replacing one, or after registration, needs a reason). */
    @PostMapping("/runs/{id}/publish")
    String publish(@AuthenticationPrincipal SignedIn me, @PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        try {
            cn.yanxiu.evaluation.RunPublications.Publication p = publications.publish(id, me.getUsername(), blank(reason));
            flash.addFlashAttribute("ok", "运行 #" + id + " 已发布为学期 " + p.termId() + " 的正式结果"
                    + (p.replacesRunId() == null ? "" : "（替换运行 #" + p.replacesRunId() + "，原因：" + p.reason() + "）"));
        } catch (cn.yanxiu.evaluation.RunPublications.PublicationRefused e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/runs/" + id;
    }

    /** Proposes the credits of a finished run (a correction of earlier entries needs a reason). */
    @PostMapping("/runs/{id}/credits")
    String proposeCredits(@AuthenticationPrincipal SignedIn me, @PathVariable long id, @RequestParam(required = false) String reason,
                          RedirectAttributes flash) {
        try {
            CreditLedger.Proposal p = ledger.propose(id, me.getUsername(), blank(reason));
            flash.addFlashAttribute("ok", "学分建议已提出：新提出 " + p.proposed() + " 条，更正 " + p.corrected() + " 条，结果未变 " + p.unchanged()
                    + " 人，无认定学时 " + p.withoutHours() + " 人；等待教研组认定");
        } catch (CreditLedger.CreditRefused e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/runs/" + id;
    }

    /** Issues certificates for the run's registered entries into the certificate folder, one ZIP per school. */
    @PostMapping("/runs/{id}/certificates")
    String issueCertificates(@AuthenticationPrincipal SignedIn me, @PathVariable long id, RedirectAttributes flash) throws IOException {
        try {
            Certificates.Issued issued = certificates.issue(id, me.getUsername(), zips.folder(id), null);
            flash.addFlashAttribute("ok", "证书 " + issued.certificates() + " 份（新发 " + issued.newlyIssued() + " 份），每校一个 ZIP，可在本页下载；"
                    + "教师可在“我的研修”下载本人的证书");
        } catch (Certificates.CertificateRefused e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/runs/" + id;
    }

    /** A school's certificate ZIP of a run, as a download (the file the last issue wrote). */
    @GetMapping("/runs/{id}/certificates/{school}.zip")
    ResponseEntity<byte[]> certificateZip(@AuthenticationPrincipal SignedIn me, @PathVariable long id, @PathVariable String school) throws IOException {
        if (!school.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException("学校编号不对：" + school);
        }
        reach.school(me, school);
        Path zip = zips.folder(id).resolve(school + ".zip");
        if (!Files.isRegularFile(zip)) {
            throw new IllegalArgumentException("运行 #" + id + " 没有学校 " + school + " 的证书包：请先在运行页“为已登记的教师发证”");
        }
        audit.record(me.getUsername(), "导出", "证书包 运行 #" + id + " " + school + ".zip", null);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("证书-运行" + id + "-" + school + ".zip", StandardCharsets.UTF_8)
                        .build().toString())
                .body(Files.readAllBytes(zip));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The uploaded file's own name (reports cite it), without any folder part a browser or a forger sent. */
    static String safeName(String original, int index) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^\\p{L}\\p{N}._() -]", "_");
        if (name.isBlank() || name.startsWith(".")) {
            name = "upload-" + index + name;
        }
        return name.length() > 120 ? name.substring(name.length() - 120) : name;
    }
}
