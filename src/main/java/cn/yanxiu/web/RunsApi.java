package cn.yanxiu.web;

import cn.yanxiu.accounts.SignedIn;
import cn.yanxiu.evaluation.EvaluationRuns;
import cn.yanxiu.evaluation.EvaluationService;
import cn.yanxiu.evaluation.Explanation;
import cn.yanxiu.evaluation.ExplanationService;
import cn.yanxiu.evaluation.GradeMix;
import cn.yanxiu.exports.CountyReportExporter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Runs, results and explanations over REST. */
@RestController
@Tag(name = "评价运行", description = "期末评价运行、结果与评价依据")
class RunsApi {

    private final EvaluationRuns runs;
    private final EvaluationService evaluation;
    private final ExplanationService explanations;
    private final GradeMix gradeMix;
    private final CountyReportExporter county;
    private final TermEndRuns termEndRuns;

    private final Reach reach;

    RunsApi(Reach reach, EvaluationRuns runs, EvaluationService evaluation, ExplanationService explanations, GradeMix gradeMix, CountyReportExporter county,
            TermEndRuns termEndRuns) {
        this.reach = reach;
        this.runs = runs;
        this.evaluation = evaluation;
        this.explanations = explanations;
        this.gradeMix = gradeMix;
        this.county = county;
        this.termEndRuns = termEndRuns;
    }

    @GetMapping("/api/runs")
    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    @Operation(summary = "全部运行，新的在前")
    List<EvaluationRuns.Run> list() {
        return runs.newestFirst();
    }

    @GetMapping("/api/runs/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    @Operation(summary = "一次运行：状态、进度、各校等级分布")
    Map<String, Object> run(@AuthenticationPrincipal SignedIn me, @PathVariable long id) {
        EvaluationRuns.Run run = runs.find(id).orElseThrow(() -> new IllegalArgumentException("没有运行 #" + id));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("run", run);
        body.put("progress", evaluation.progress(run));
        if (run.completed()) {
            body.put("gradeMix", gradeMix.bySchool(id, Reach.of(me)));
        }
        return body;
    }

    public record StartRun(String term) {
    }

    @PostMapping("/api/admin/runs")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "用学期启用的规则集发起期末评价（后台进行，返回运行编号）")
    ResponseEntity<EvaluationRuns.Run> start(@AuthenticationPrincipal SignedIn me, @RequestBody StartRun body) {
        if (body == null || body.term() == null) {
            throw new IllegalArgumentException("请求须含 term");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(termEndRuns.start(body.term(), me.getUsername()));
    }

    @GetMapping("/api/runs/{id}/teachers/{teacherId}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "一位教师在一次运行中的评价依据（教师只能看自己的）")
    Explanation explanation(@AuthenticationPrincipal SignedIn me, @PathVariable long id, @PathVariable String teacherId,
                            @RequestParam(defaultValue = "false") boolean raise) throws IOException {
        reach.selfOrReader(me, teacherId);
        EvaluationRuns.Run run = runs.find(id).orElseThrow(() -> new IllegalArgumentException("没有运行 #" + id));
        return explanations.fromRun(run.termId(), id, teacherId, raise);
    }

    @GetMapping("/api/county/{runId}")
    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    @Operation(summary = "县域汇总（C3）：各校活动、达标率、等级构成")
    List<Map<String, Object>> county(@AuthenticationPrincipal SignedIn me, @PathVariable long runId) {
        CountyReportExporter.CountyReport report = county.report(runId, Reach.of(me));
        return report.schools().stream().map(s -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("schoolId", s.id());
            line.put("school", s.name());
            line.put("teachers", s.teachers());
            line.put("trainingDays", s.trainingDays());
            line.put("groupSessions", s.groupSessions());
            line.put("studySessions", s.studySessions());
            Map<String, Integer> grades = new LinkedHashMap<>();
            report.grades().forEach(g -> grades.put(g, s.grade(g)));
            line.put("grades", grades);
            Map<String, Double> compliance = new LinkedHashMap<>();
            report.policies().forEach(p -> compliance.put(p, s.compliance(p)));
            line.put("compliance", compliance);
            return line;
        }).toList();
    }
}
