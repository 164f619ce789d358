package cn.yanxiu.web;

import cn.yanxiu.credits.CreditSummaryExporter;
import cn.yanxiu.evaluation.DiffService;
import cn.yanxiu.evaluation.EvaluationRuns;
import cn.yanxiu.evaluation.EvaluationService;
import cn.yanxiu.evaluation.Explanation;
import cn.yanxiu.evaluation.ExplanationService;
import cn.yanxiu.evaluation.GradeDiff;
import cn.yanxiu.evaluation.GradeMix;
import cn.yanxiu.evaluation.ResultExporter;
import cn.yanxiu.evaluation.RuleSnapshots;
import cn.yanxiu.exports.CountyReportExporter;
import cn.yanxiu.rules.RuleSetWorkspace;
import cn.yanxiu.system.ScratchSpace;
import cn.yanxiu.teacher.TeacherDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** What an auditor (and an administrator) reads: runs and their grade mix, teachers, explanations, diffs, the county dashboard, exports. */
@Controller
class AuditController {

    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final int CHANGES_SHOWN = 500;

    private final EvaluationRuns runs;
    private final EvaluationService evaluation;
    private final GradeMix gradeMix;
    private final ExplanationService explanations;
    private final RuleSnapshots snapshots;
    private final TeacherDirectory teachers;
    private final DiffService diffs;
    private final CountyReportExporter county;
    private final ResultExporter results;
    private final CreditSummaryExporter creditSummary;
    private final RuleSetWorkspace workspace;
    private final JdbcTemplate jdbc;
    private final cn.yanxiu.evaluation.RunPublications publications;
    private final cn.yanxiu.audit.AuditLog audit;
    private final CertificateZips zips;

    private final cn.yanxiu.appeals.Appeals appeals;
    private final Reach reach;

    AuditController(Reach reach, CertificateZips zips, cn.yanxiu.audit.AuditLog audit, cn.yanxiu.evaluation.RunPublications publications, EvaluationRuns runs, EvaluationService evaluation, GradeMix gradeMix, ExplanationService explanations, RuleSnapshots snapshots,
                    TeacherDirectory teachers, DiffService diffs, CountyReportExporter county, ResultExporter results,
                    CreditSummaryExporter creditSummary, RuleSetWorkspace workspace, JdbcTemplate jdbc, cn.yanxiu.appeals.Appeals appeals) {
        this.appeals = appeals;
        this.reach = reach;
        this.publications = publications;
        this.audit = audit;
        this.zips = zips;
        this.runs = runs;
        this.evaluation = evaluation;
        this.gradeMix = gradeMix;
        this.explanations = explanations;
        this.snapshots = snapshots;
        this.teachers = teachers;
        this.diffs = diffs;
        this.county = county;
        this.results = results;
        this.creditSummary = creditSummary;
        this.workspace = workspace;
        this.jdbc = jdbc;
    }

    @GetMapping("/runs")
    String runList(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, @RequestParam(required = false) String sort,
                   @RequestParam(required = false) String dir, Model model) {
        java.util.Map<String, java.util.Comparator<EvaluationRuns.Run>> sorts = new java.util.LinkedHashMap<>();
        sorts.put("id", java.util.Comparator.comparingLong(EvaluationRuns.Run::id).reversed());
        sorts.put("term", java.util.Comparator.comparing(EvaluationRuns.Run::termId));
        sorts.put("status", java.util.Comparator.comparing(EvaluationRuns.Run::status));
        sorts.put("by", java.util.Comparator.comparing(r -> String.valueOf(r.startedBy())));
        sorts.put("teachers", java.util.Comparator.comparingInt(EvaluationRuns.Run::teachers));
        ListPage<EvaluationRuns.Run> listed = ListPage.of(runs.newestFirst(), ListPage.Request.of(page, sort, dir, q), sorts,
                r -> "#" + r.id() + " " + r.termId() + " " + RunStatus.label(r.status()) + " " + r.startedBy() + " " + r.ruleSetHash());
        model.addAttribute("list", listed);
        model.addAttribute("runs", listed.items());
        return "audit/runs";
    }

    @GetMapping("/runs/{id}")
    String run(@org.springframework.security.core.annotation.AuthenticationPrincipal cn.yanxiu.accounts.SignedIn me, @PathVariable long id, Model model) {
        EvaluationRuns.Run run = run(id);
        model.addAttribute("run", run);
        model.addAttribute("progress", evaluation.progress(run));
        java.util.Optional<cn.yanxiu.evaluation.RunPublications.Publication> official = publications.official(run.termId());
        model.addAttribute("official", official.orElse(null));
        model.addAttribute("isOfficial", official.isPresent() && official.get().runId() == id);
        model.addAttribute("termLocked", publications.locked(run.termId()));
        model.addAttribute("certificateZips", zips.schools(id).stream().filter(school -> reach.coversSchool(me, school)).toList());
        model.addAttribute("reach", reach.describe(me));
        model.addAttribute("province", Reach.of(me).province());
        if (run.completed()) {
            GradeMix.BySchool mix = gradeMix.bySchool(id, Reach.of(me));
            model.addAttribute("mix", mix);
            List<String> schools = new ArrayList<>(mix.schools().keySet());
            Map<String, List<? extends Number>> series = new LinkedHashMap<>();
            for (String grade : mix.grades()) {
                series.put(grade, schools.stream().map(s -> mix.count(s, grade)).toList());
            }
            model.addAttribute("chart", Charts.stackedBars("各校等级分布（人）", schools, series, true));
            model.addAttribute("charts", true);
        }
        return "audit/run";
    }

    /** Polled by the run page while a run is under way. */
    @GetMapping("/runs/{id}/progress")
    @ResponseBody
    Map<String, Object> progress(@PathVariable long id) {
        EvaluationRuns.Run run = run(id);
        EvaluationService.RunProgress p = evaluation.progress(run);
        return Map.of("status", run.status(), "statusLabel", RunStatus.label(run.status()), "done", p.done(), "total", p.total());
    }

    @GetMapping("/runs/{id}/teachers/{teacherId}")
    String explanation(@org.springframework.security.core.annotation.AuthenticationPrincipal cn.yanxiu.accounts.SignedIn me, @PathVariable long id, @PathVariable String teacherId, Model model) throws IOException {
        reach.teacher(me, teacherId);
        EvaluationRuns.Run run = run(id);
        Explanation e = explanations.fromRun(run.termId(), id, teacherId, true);
        model.addAttribute("e", e);
        List<RuleSnapshots.StoredFile> files = snapshots.files(run.ruleSetHash());
        Map<String, List<RuleSetController.Line>> texts = new LinkedHashMap<>();
        for (Explanation.FiredRuleView r : e.rules()) {
            texts.put(r.rule(), RuleText.of(r.rule(), files));
        }
        model.addAttribute("ruleTexts", texts);
        model.addAttribute("quotes", cn.yanxiu.rules.PolicyCatalog.quotes());
        return "audit/explanation";
    }

    @GetMapping("/teachers")
    String search(@org.springframework.security.core.annotation.AuthenticationPrincipal cn.yanxiu.accounts.SignedIn me, @RequestParam(required = false) String q, @RequestParam(required = false) Integer page, @RequestParam(required = false) String sort,
                  @RequestParam(required = false) String dir, Model model) {
        ListPage.Request r = ListPage.Request.of(page, sort, dir, q);
        String key = r.sort() != null && cn.yanxiu.teacher.TeacherDirectory.SORTS.containsKey(r.sort()) ? r.sort() : "id";
        long total = teachers.count(Reach.of(me), r.q());
        // a page past the end shows the last one
        ListPage.Request clamped = new ListPage.Request((int) Math.min(r.page(), Math.max(1, (total + ListPage.SIZE - 1) / ListPage.SIZE)), key,
                r.descending(), r.q());
        model.addAttribute("found", ListPage.ofRows(teachers.page(Reach.of(me), r.q(), key, r.descending(), clamped.offset(), ListPage.SIZE), total, clamped, key));
        return "audit/teachers";
    }

    @GetMapping("/teachers/{id}")
    String teacher(@org.springframework.security.core.annotation.AuthenticationPrincipal cn.yanxiu.accounts.SignedIn me, @PathVariable String id, @RequestParam(required = false) String term, @RequestParam(required = false) String q,
                   @RequestParam(required = false) Integer page, @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                   Model model) {
        reach.teacher(me, id);
        String chosen = TeacherRecords.addTo(model, teachers, teachers.find(id).orElseThrow(() -> new IllegalArgumentException("没有教师 " + id)), term,
                ListPage.Request.of(page, sort, dir, q), "/teachers/" + id);
        model.addAttribute("appeals", appeals.list(id, null, null, null, null));
        model.addAttribute("recordEvidence", chosen == null ? List.of() : appeals.recordEvidence(id, chosen));
        model.addAttribute("results", jdbc.queryForList("SELECT r.run_id, u.term_id, r.grade, r.final_score FROM evaluation_result r "
                + "JOIN evaluation_run u ON u.id = r.run_id WHERE r.teacher_id = ? AND u.status = 'COMPLETED' ORDER BY r.run_id DESC", id));
        return "audit/teacher";
    }

    @GetMapping("/diff")
    String diff(@org.springframework.security.core.annotation.AuthenticationPrincipal cn.yanxiu.accounts.SignedIn me, @RequestParam(required = false) Long left, @RequestParam(required = false) Long right,
                @RequestParam(required = false) String leftRules, @RequestParam(required = false) String rightRules,
                @RequestParam(required = false) String term, Model model) throws IOException {
        List<EvaluationRuns.Run> completed = runs.newestFirst().stream().filter(EvaluationRuns.Run::completed).toList();
        List<String> folders = workspace.folders();
        model.addAttribute("runs", completed);
        model.addAttribute("folders", folders);
        model.addAttribute("terms", teachers.terms());
        // unless chosen: the newest run against the one before it, the newest rule set against the one before it
        model.addAttribute("leftRun", left != null ? left : completed.isEmpty() ? null : completed.get(Math.min(1, completed.size() - 1)).id());
        model.addAttribute("rightRun", right != null ? right : completed.isEmpty() ? null : completed.get(0).id());
        model.addAttribute("leftFolder", leftRules != null ? leftRules : folders.isEmpty() ? null : folders.get(Math.min(1, folders.size() - 1)));
        model.addAttribute("rightFolder", rightRules != null ? rightRules : folders.isEmpty() ? null : folders.get(0));
        model.addAttribute("diffTerm", term != null ? term : teachers.currentTerm());
        GradeDiff diff = null;
        if (left != null && right != null) {
            diff = diffs.runs(left, right, Reach.of(me));
        } else if (leftRules != null && rightRules != null && term != null) {
            diff = diffs.ruleSets(term, workspace.folder(leftRules), workspace.folder(rightRules), Reach.of(me));
        }
        if (diff != null) {
            model.addAttribute("diff", diff);
            model.addAttribute("changes", diff.changes().stream().limit(CHANGES_SHOWN).toList());
        }
        return "audit/diff";
    }

    /** The county dashboard (C3): schools compared on activities held, compliance per policy and grade mix. */
    @GetMapping("/county")
    String county(@org.springframework.security.core.annotation.AuthenticationPrincipal cn.yanxiu.accounts.SignedIn me, @RequestParam(required = false) Long run, Model model) {
        List<EvaluationRuns.Run> completed = runs.newestFirst().stream().filter(EvaluationRuns.Run::completed).toList();
        model.addAttribute("runs", completed);
        if (completed.isEmpty()) {
            return "audit/county";
        }
        long id = run != null ? run : completed.get(0).id();
        CountyReportExporter.CountyReport report = county.report(id, Reach.of(me));
        model.addAttribute("reach", reach.describe(me));
        model.addAttribute("report", report);
        List<String> names = report.schools().stream().map(CountyReportExporter.SchoolLine::name).toList();
        Map<String, List<? extends Number>> activities = new LinkedHashMap<>();
        activities.put("全校培训（天）", report.schools().stream().map(CountyReportExporter.SchoolLine::trainingDays).toList());
        activities.put("教研活动（次）", report.schools().stream().map(CountyReportExporter.SchoolLine::groupSessions).toList());
        activities.put("集中学习（次）", report.schools().stream().map(CountyReportExporter.SchoolLine::studySessions).toList());
        model.addAttribute("activityChart", Charts.stackedBars("各校开展的研修活动", names, activities, false));
        Map<String, List<? extends Number>> grades = new LinkedHashMap<>();
        for (String g : report.grades()) {
            grades.put(g, report.schools().stream().map(s -> Math.round(s.grade(g) * 1000.0 / s.teachers()) / 10.0).toList());
        }
        String lowest = report.grades().isEmpty() ? null : report.grades().get(report.grades().size() - 1);
        model.addAttribute("lowestGrade", lowest);
        model.addAttribute("gradeChart", Charts.stackedBars("各校等级构成（%）", names, grades, true, lowest));
        Double[][] compliance = new Double[names.size()][report.policies().size()];
        for (int r = 0; r < names.size(); r++) {
            for (int c = 0; c < report.policies().size(); c++) {
                Double share = report.schools().get(r).compliance(report.policies().get(c));
                compliance[r][c] = share == null ? null : Math.round(share * 1000) / 10.0;
            }
        }
        // the scale is cut where the run's rule set cuts its grades (e.g. 60 and 90), so colours read like grades
        List<Double> cuts = explanations.gradeBands(report.run().ruleSetHash()).stream().map(cn.yanxiu.rules.vocabulary.GradeBand::getMin).toList();
        model.addAttribute("complianceChart", Charts.heatmap("各校政策达标率（%）", policyNames(report.policies()), names, compliance, cuts));
        model.addAttribute("policyNames", policyNames(report.policies()));
        model.addAttribute("charts", true);
        return "audit/county";
    }

    /** "H1 个人研修学时（每学期）…": a policy id with its title, for axes and headers. */
    private static List<String> policyNames(List<String> ids) {
        return ids.stream().map(id -> {
            cn.yanxiu.rules.PolicyCatalog.Entry e = cn.yanxiu.rules.PolicyCatalog.get(id);
            return e == null ? id : id + " " + e.title();
        }).toList();
    }

    @GetMapping("/runs/{id}/export/{what}")
    ResponseEntity<byte[]> export(@org.springframework.security.core.annotation.AuthenticationPrincipal cn.yanxiu.accounts.SignedIn me,
                                  @PathVariable long id, @PathVariable String what) throws IOException {
        EvaluationRuns.Run run = run(id);
        Path file = ScratchSpace.file("yanxiu-export", ".xlsx");
        try {
            String name;
            switch (what) {
                case "results" -> {
                    results.export(id, Reach.of(me), file);
                    name = "评价结果-" + run.termId() + "-运行" + id + ".xlsx";
                }
                case "county" -> {
                    county.write(id, Reach.of(me), file);
                    name = "县域汇总-" + run.termId() + "-运行" + id + ".xlsx";
                }
                case "credits" -> {
                    creditSummary.write(run.termId(), Reach.of(me), file);
                    name = "学分认定汇总表-" + run.termId() + ".xlsx";
                }
                default -> throw new IllegalArgumentException("没有导出 " + what + "（可选 results、county、credits）");
            }
            audit.record(me == null ? null : me.getUsername(), "导出", name, null);
            return ResponseEntity.ok().contentType(XLSX)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                    .body(Files.readAllBytes(file));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private EvaluationRuns.Run run(long id) {
        return runs.find(id).orElseThrow(() -> new IllegalArgumentException("没有运行 #" + id));
    }
}
