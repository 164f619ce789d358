package cn.yanxiu.evaluation;

import cn.yanxiu.rules.PolicyCatalog;
import cn.yanxiu.rules.RuleLocations;
import cn.yanxiu.rules.RuleSet;
import cn.yanxiu.rules.RuleSetLoader;
import cn.yanxiu.rules.TeacherCase;
import cn.yanxiu.rules.TeacherEvaluation;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Builds explanations: from a stored run (what was decided then, with the rule text of that run's
 * snapshot) or live, from a rule-set folder on the current data.
 */
@Service
public class ExplanationService {

    private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() { };
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final EvaluationRuns runs;
    private final RuleSnapshots snapshots;
    private final TermScopeLoader scopes;

    private final CompiledSnapshots compiled;

    ExplanationService(JdbcTemplate jdbc, EvaluationRuns runs, RuleSnapshots snapshots, TermScopeLoader scopes, CompiledSnapshots compiled) {
        this.compiled = compiled;
        this.jdbc = jdbc;
        this.runs = runs;
        this.snapshots = snapshots;
        this.scopes = scopes;
    }

    /** The explanation stored with a run (the latest completed run of the term when {@code runId} is null). */
    public Explanation fromRun(String termId, Long runId, String teacherId, boolean withRaise) throws IOException {
        EvaluationRuns.Run run = runId != null ? runs.find(runId).orElseThrow(() -> new IllegalArgumentException("没有运行 #" + runId))
                : runs.latestCompleted(termId).orElseThrow(() -> new IllegalArgumentException("学期 " + termId + " 还没有完成的运行：请先 evaluate"));
        if (!run.completed()) {
            throw new IllegalArgumentException("运行 #" + run.id() + " 未完成（" + run.status() + "），没有可解释的结果");
        }
        Map<String, Object> row = jdbc.queryForList("SELECT * FROM evaluation_result WHERE run_id = ? AND teacher_id = ?", run.id(), teacherId)
                .stream().findFirst().orElseThrow(() -> new IllegalArgumentException("运行 #" + run.id() + " 中没有教师 " + teacherId));
        Located located = located(run.ruleSetHash());
        // a version's files never change: each rule is looked up in them once
        Function<String, String> locate = rule -> located.rules().computeIfAbsent(rule, r -> located.files().stream()
                .map(f -> RuleLocations.find(r, f.name(), f.text(), f.sheet() == null ? null : (java.util.function.Supplier<String>) f::sheet))
                .filter(java.util.Objects::nonNull).findFirst().orElse("?"));
        ResultDocuments.Documents documents = ResultDocuments.read(jdbc, run.id(), row);
        Map<String, Object> trace = ResultRows.JSON.readValue(documents.trace(), MAP);
        String raise = withRaise ? raises.get(run.id() + ":" + teacherId, key -> raise(run, teacherId)) : null;
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> fired = (List<Map<String, Object>>) trace.get("fired");
        return build(teacherId, run.termId(), run.id(), run.ruleSetHash(), string(row, "grade"), string(row, "decided_by"),
                number(row, "final_score"), number(row, "routine_score"), number(row, "year_end_score"), (String) trace.get("veto"),
                string(row, "rule_error"), ResultRows.JSON.readValue(documents.scoreLines(), LIST),
                ResultRows.JSON.readValue(documents.findings(), LIST), ResultRows.JSON.readValue(documents.eligibility(), LIST),
                fired, deciding(trace), locate, raise, number(row, "hours_recognised"), number(row, "credits"));
    }

    /**
     * "What would raise the grade" evaluates the rules again on variations of the teacher's records: the costliest part
     * of a teacher's page. Worked out again at most once a minute per teacher and run: a term's records change only with an
     * import, so a minute is fresh enough.
     */
    private final cn.yanxiu.system.RecentCache<String, String> raises = new cn.yanxiu.system.RecentCache<>(20_000, java.time.Duration.ofMinutes(1));

    /**
     * What would raise the teacher's grade in a completed run, worked out on its own (the teacher's page asks for it
     * when the teacher opens that section): null when nothing would, or the run holds no result of the teacher.
     */
    public String raiseHint(long runId, String teacherId) {
        EvaluationRuns.Run run = runs.find(runId).filter(EvaluationRuns.Run::completed).orElse(null);
        if (run == null || jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_result WHERE run_id = ? AND teacher_id = ?", Integer.class, runId,
                teacherId) == 0) {
            return null;
        }
        return raises.get(run.id() + ":" + teacherId, key -> raise(run, teacherId));
    }

    private String raise(EvaluationRuns.Run run, String teacherId) {
        RuleSet rules = compiled.get(run.ruleSetHash());
        if (rules == null) {
            return null;
        }
        TeacherCase c = TeacherCaseReader.one(jdbc, scopes.loadFor(run.termId(), teacherId), teacherId);
        return c == null ? null : GradeRaiser.raise(rules, c, rules.evaluate(c)).describe();
    }

    /** A stored rule file as locations are looked up in it: its text, and for a decision table its sheet's name. */
    private record LocatedFile(String name, String text, String sheet) {
    }

    /** A version's files, and where each rule of it is written as looked up so far (rule → file:line or table cell). */
    private record Located(List<LocatedFile> files, Map<String, String> rules) {
    }

    /** Rule-set versions never change, so what is read from a version's files is kept (a few versions at most). */
    private final Map<String, Located> locatedFiles = new java.util.concurrent.ConcurrentHashMap<>();

    private Located located(String hash) {
        if (locatedFiles.size() > 8) {
            locatedFiles.clear();
        }
        return locatedFiles.computeIfAbsent(hash, h -> new Located(snapshots.files(h).stream().map(f -> new LocatedFile(f.name(), f.text(),
                f.name().endsWith(".xlsx") ? RuleLocations.firstSheet(f.content()) : null)).toList(), new java.util.concurrent.ConcurrentHashMap<>()));
    }

    /** A stored rule-set version's grade levels, best first; empty when the version no longer compiles. */
    public List<cn.yanxiu.rules.vocabulary.GradeBand> gradeBands(String hash) {
        RuleSet rules = compiled.get(hash);
        return rules == null ? List.of() : rules.gradeBands();
    }

    /** Evaluates one teacher now with a rule-set folder, and explains the result. */
    public Explanation live(Path rulesDir, String termId, String teacherId) {
        RuleSetLoader.Loaded loaded = RuleSetLoader.load(rulesDir);
        if (!loaded.ok()) {
            throw new IllegalArgumentException("规则集 " + rulesDir + " 未通过校验：" + loaded.problems());
        }
        RuleSet rules = loaded.ruleSet();
        try {
            TeacherCase c = TeacherCaseReader.one(jdbc, scopes.loadFor(termId, teacherId), teacherId);
            if (c == null) {
                throw new IllegalArgumentException("没有教师 " + teacherId);
            }
            TeacherEvaluation e = rules.evaluate(c);
            List<Map<String, Object>> fired = ResultRows.JSON.convertValue(e.trace(), LIST);
            return build(teacherId, termId, null, rules.hash(), e.grade(), e.decidedBy(), e.finalScore(), e.routineScore(), e.yearEndScore(),
                    e.veto() == null ? null : e.veto().getReason(), e.error(), ResultRows.JSON.convertValue(e.scoreLines(), LIST),
                    ResultRows.JSON.convertValue(e.findings(), LIST), ResultRows.JSON.convertValue(e.eligibilities(), LIST), fired,
                    e.decidingRules(), rules::locationOf, GradeRaiser.raise(rules, c, e).describe(),
                    e.credit() == null ? null : e.credit().getHoursRecognised(), e.credit() == null ? null : e.credit().getCredits());
        } finally {
            rules.dispose();
        }
    }

    private Explanation build(String teacherId, String termId, Long runId, String hash, String grade, String decidedBy, Double finalScore,
                              Double routine, Double yearEnd, String veto, String error, List<Map<String, Object>> lines,
                              List<Map<String, Object>> findings, List<Map<String, Object>> eligibilities, List<Map<String, Object>> fired,
                              List<String> deciding, Function<String, String> locate, String raise, Double hours, Double credits) {
        Map<String, Object> teacher = jdbc.queryForMap("SELECT t.name, s.name AS school FROM teacher t JOIN school s ON s.id = t.school_id WHERE t.id = ?", teacherId);
        Map<String, Explanation.FiredRuleView> views = new LinkedHashMap<>();
        for (Map<String, Object> f : fired) {
            String rule = (String) f.get("rule");
            String policy = (String) f.get("policy");
            Explanation.FiredRuleView old = views.get(rule);
            if (old != null) {
                views.put(rule, new Explanation.FiredRuleView(rule, policy, old.location(), old.policyTitle(), old.source(), old.times() + 1, old.decisive(), old.facts()));
                continue;
            }
            PolicyCatalog.Entry entry = PolicyCatalog.get(policy);
            @SuppressWarnings("unchecked")
            List<String> facts = (List<String>) f.get("facts");
            boolean decisive = deciding.contains(rule);
            views.put(rule, new Explanation.FiredRuleView(rule, policy, locate.apply(rule), entry == null ? "" : entry.title(),
                    entry == null ? "" : entry.source(), 1, decisive, facts));
        }
        List<Explanation.FiredRuleView> ordered = new ArrayList<>(views.values());
        // the deciding rules first, in the order they decided the grade; the rest as they fired
        ordered.sort(java.util.Comparator.comparingInt(v -> v.decisive() ? deciding.indexOf(v.rule()) : deciding.size()));
        return new Explanation(teacherId, (String) teacher.get("name"), (String) teacher.get("school"), termId, runId, hash, grade, decidedBy,
                finalScore, routine, yearEnd, veto, error, lines, findings, eligibilities, ordered, raise, hours, credits);
    }

    /**
     * The deciding rules a run stored with each result. Results stored before the engine recorded them name the
     * deciding policy only: its rules, and the final-grade rules, are marked as before.
     */
    @SuppressWarnings("unchecked")
    private static List<String> deciding(Map<String, Object> trace) {
        Object stored = trace.get("deciding");
        if (stored instanceof List<?> list) {
            return (List<String>) list;
        }
        List<String> fallback = new ArrayList<>();
        for (Map<String, Object> f : (List<Map<String, Object>>) trace.getOrDefault("fired", List.of())) {
            String rule = String.valueOf(f.get("rule"));
            if (rule.startsWith("最终等级") && !fallback.contains(rule)) {
                fallback.add(rule);
            }
        }
        return fallback;
    }

    private static String string(Map<String, Object> row, String column) {
        return ResultRows.text(cn.yanxiu.system.RowColumns.get(row, column));
    }

    private static Double number(Map<String, Object> row, String column) {
        String v = string(row, column);
        return v == null ? null : Double.valueOf(v);
    }
}
