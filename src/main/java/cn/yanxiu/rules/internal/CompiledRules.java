package cn.yanxiu.rules.internal;

import cn.yanxiu.rules.RuleFile;
import cn.yanxiu.rules.RuleLocations;
import cn.yanxiu.rules.RuleProblem;
import cn.yanxiu.rules.TeacherCase;
import cn.yanxiu.rules.TeacherEvaluation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.rule.DialectRuntimeData;
import org.drools.core.rule.JavaDialectRuntimeData;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;

/**
 * A rule set compiled once into a KieBase (classic mvel build: every error with its line and column).
 * Sessions are made from it per teacher; the KieBase is shared and thread-safe.
 */
public final class CompiledRules {

    private static final AtomicLong VERSIONS = new AtomicLong();
    private static final String PATH_PREFIX = "src/main/resources/cn/yanxiu/rules/";

    static {
        System.setProperty("drools.kbuilder.severity.duplicateRule", "ERROR");
        // the engine's own parallel build of a rule set's rules is not thread-safe when rules have errors
        // (a ConcurrentModificationException in the executable model's ModelGenerator, apache/incubator-kie
        // #6706); the two builds already run side by side, so each builds its rules on one thread
        if (System.getProperty("drools.parallelRulesBuildThreshold") == null) {
            System.setProperty("drools.parallelRulesBuildThreshold", "-1");
        }
    }

    private final KieBase kieBase;
    private final Map<String, String> policyByRule;
    /** The same, looked up as each rule fires: hashed, not sorted. */
    private final Map<String, String> policyOfRule;
    private final KieContainer container;
    /** Off only to measure the difference ({@code -Dyanxiu.rules.parameters-once=false}). */
    private final ParametersOnce parametersOnce;

    private CompiledRules(KieBase kieBase, Map<String, String> policyByRule, KieContainer container) {
        this.kieBase = kieBase;
        this.policyByRule = policyByRule;
        this.policyOfRule = new java.util.HashMap<>(policyByRule);
        this.parametersOnce = "false".equals(System.getProperty("yanxiu.rules.parameters-once")) ? null
                : new ParametersOnce(kieBase, () -> KieServices.Factory.get().newKieContainer(container.getReleaseId(), LookupCache.application()), policyOfRule);
        this.container = container;
    }

    /** The result of compiling: the rules, or every problem with its location. */
    public record Compilation(CompiledRules rules, List<RuleProblem> problems) {
    }

    /**
     * Compiles the classic way (every error at its line and column; this build runs) and, beside it, with the
     * executable model, whose every constraint, binding, accumulate and consequence becomes a Java class. Both
     * builds' classes are checked against the allow-list before any session exists, so no rule code runs
     * unchecked; the classic rule base is only handed out when nothing is refused.
     */
    public static Compilation compile(List<RuleFile> files) {
        return compile(files, true, true);
    }

    /**
     * For content that passed the full check before under this checker ({@link CodeCheckFingerprint}): the
     * executable-model build, which only serves the check, is not made again; the text guard and the check of
     * the classes that run still apply.
     */
    public static Compilation compileCheckedBefore(List<RuleFile> files) {
        return compile(files, true, false);
    }

    /** With {@code textGuard} false only the bytecode check judges the code (how its tests prove it stands alone). */
    static Compilation compile(List<RuleFile> files, boolean textGuard) {
        return compile(files, textGuard, true);
    }

    private static Compilation compile(List<RuleFile> files, boolean textGuard, boolean modelBuild) {
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleFile file : textGuard ? files : List.<RuleFile>of()) {
            for (RuleFileGuard.Violation v : RuleFileGuard.check(file.compiledText())) {
                problems.add(locate(file, v.line(), v.column(), v.message()));
            }
        }
        if (!problems.isEmpty()) {
            return new Compilation(null, problems);
        }
        KieServices ks = KieServices.Factory.get();
        // the two builds are independent: run the checkable one beside the classic one
        CompletableFuture<Map<String, byte[]>> checkable = modelBuild ? CompletableFuture.supplyAsync(() -> executableModelClasses(ks, files))
                : CompletableFuture.completedFuture(Map.of());
        ReleaseId release = ks.newReleaseId("cn.yanxiu.rules", "ruleset", "1." + VERSIONS.incrementAndGet());
        KieBuilder builder = ks.newKieBuilder(fileSystem(ks, release, files), LookupCache.application()).buildAll();
        problems.addAll(locatedErrors(builder, files));
        // the classic rule base is put together while the checkable build still runs (the longer one, about a
        // quarter of a second sooner): making it wires the rules into the network and runs none of their code
        KieContainer container = problems.isEmpty() ? ks.newKieContainer(release, LookupCache.application()) : null;
        KieBase kieBase = container == null ? null : container.getKieBase();
        Map<String, byte[]> consequences = kieBase == null ? Map.of() : consequenceClasses(kieBase);
        Map<String, byte[]> translated = checkable.join();
        if (!problems.isEmpty()) {
            ks.getRepository().removeKieModule(release);
            return new Compilation(null, problems);
        }
        if (translated == null) {
            container.dispose();
            ks.getRepository().removeKieModule(release);
            return new Compilation(null, List.of(RuleProblem.inFile("规则集", "规则无法编译为可检查的代码（executable model），不能确认它只使用规则词汇")));
        }
        Map<String, byte[]> classes = new TreeMap<>(translated);
        classes.putAll(consequences);
        List<RuleCodeCheck.Refusal> refusals = RuleCodeCheck.check(classes);
        Set<String> placed = new HashSet<>();
        refusals.stream().filter(r -> r.rule() != null).forEach(r -> placed.add(r.message()));
        for (RuleCodeCheck.Refusal refusal : refusals) {
            if (refusal.rule() != null || !placed.contains(refusal.message())) {
                problems.add(locateRule(files, refusal));
            }
        }
        if (!problems.isEmpty()) {
            container.dispose();
            ks.getRepository().removeKieModule(release);
            return new Compilation(null, problems);
        }
        Map<String, String> policies = new TreeMap<>();
        for (var pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                Object policy = rule.getMetaData().get("policy");
                policies.put(rule.getName(), policy == null ? "" : policy.toString().replace("\"", ""));
            }
        }
        return new Compilation(new CompiledRules(kieBase, policies, container), problems);
    }

    /** Call as a rule set's files are read: the build that follows then answers its thousands of absent names at once. */
    public static void prepareLookups() {
        LookupCache.readClassPathNames();
    }

    private static final AtomicBoolean WARMED_UP = new AtomicBoolean();

    /**
     * Starts, once per process, an executable-model build of one trivial rule on a thread of its own. That build is
     * the longest part of checking a rule set, and in a fresh process most of it is loading and first running the
     * code generator and Java compiler; done while the caller still reads the rule files and converts the decision
     * tables on the other core, the real build then starts warm ({@code rules validate}: about 0.8 s of 7–8 s).
     */
    public static void warmUpOnce() {
        if (!WARMED_UP.compareAndSet(false, true)) {
            return;
        }
        byte[] drl = "package cn.yanxiu.rules.warmup;\nrule \"warm-up\" when String(length > 1) then end\n".getBytes(StandardCharsets.UTF_8);
        Thread thread = new Thread(() -> {
            try {
                executableModelClasses(KieServices.Factory.get(), List.of(new RuleFile("warm-up.drl", drl, "", null, null)));
            } catch (RuntimeException e) {
                // only a head start: the real build reports whatever is wrong
            }
        }, "yanxiu-rule-build-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The same files compiled by the executable model, where every constraint, binding, accumulate, eval and
     * consequence becomes a Java class; null when that build fails. Only compiled and read, never loaded.
     */
    private static Map<String, byte[]> executableModelClasses(KieServices ks, List<RuleFile> files) {
        ReleaseId release = ks.newReleaseId("cn.yanxiu.rules", "ruleset-code", "1." + VERSIONS.incrementAndGet());
        KieBuilder builder = ks.newKieBuilder(fileSystem(ks, release, files), LookupCache.application()).buildAll(ExecutableModelProject.class);
        ks.getRepository().removeKieModule(release);
        if (builder.getResults().hasMessages(Message.Level.ERROR)) {
            return null;
        }
        InternalKieModule module = (InternalKieModule) builder.getKieModule();
        Map<String, byte[]> classes = new TreeMap<>();
        for (String name : module.getFileNames()) {
            if (name.endsWith(".class")) {
                classes.put("model/" + name, module.getBytes(name));
            }
        }
        return classes;
    }

    /** The classes the classic build wrote for consequences, evals, functions and accumulate code: what runs. */
    private static Map<String, byte[]> consequenceClasses(KieBase kieBase) {
        Map<String, byte[]> classes = new TreeMap<>();
        for (var pkg : kieBase.getKiePackages()) {
            DialectRuntimeData data = ((InternalKnowledgePackage) pkg).getDialectRuntimeRegistry().getDialectData("java");
            if (data instanceof JavaDialectRuntimeData java) {
                java.getStore().forEach((name, bytes) -> {
                    if (!name.endsWith("Invoker.class")) {
                        classes.put("classic/" + name, bytes);
                    }
                });
            }
        }
        return classes;
    }

    private static List<RuleProblem> locatedErrors(KieBuilder builder, List<RuleFile> files) {
        Map<String, RuleFile> byPath = new TreeMap<>();
        for (RuleFile file : files) {
            String path = PATH_PREFIX + sourceName(file);
            byPath.put(path.substring("src/main/resources/".length()), file);
            byPath.put(path, file);
        }
        List<RuleProblem> problems = new ArrayList<>();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            RuleFile file = m.getPath() == null ? null : byPath.get(m.getPath());
            String text = m.getText().replaceAll("\\s+", " ").strip();
            problems.add(file == null ? RuleProblem.inFile(String.valueOf(m.getPath()), text) : locateEngineError(file, m.getLine(), m.getColumn(), text));
        }
        return problems;
    }

    private static KieFileSystem fileSystem(KieServices ks, ReleaseId release, List<RuleFile> files) {
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(release);
        for (RuleFile file : files) {
            kfs.write(PATH_PREFIX + sourceName(file), file.compiledText());
        }
        return kfs;
    }

    private static String sourceName(RuleFile file) {
        return file.isDecisionTable() ? file.name() + ".drl" : file.name();
    }

    /** A refusal at its rule's line (or decision-table cell), or at the DRL function it is in. */
    private static RuleProblem locateRule(List<RuleFile> files, RuleCodeCheck.Refusal refusal) {
        String rule = refusal.rule();
        for (RuleFile file : files) {
            String where = rule == null ? null
                    : RuleLocations.find(rule, file.name(), file.compiledText(), file.isDecisionTable() ? (java.util.function.Supplier<String>) file::sheet : null);
            if (where != null) {
                return new RuleProblem(where, "规则“" + rule + "”：" + refusal.message());
            }
        }
        if (refusal.method() != null) {
            Pattern function = Pattern.compile("^\\s*function\\b[^(]*\\b" + Pattern.quote(refusal.method()) + "\\s*\\(");
            for (RuleFile file : files) {
                String[] lines = file.compiledText().split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (function.matcher(lines[i]).find()) {
                        return RuleProblem.at(file.name(), i + 1, 1, "函数 " + refusal.method() + "：" + refusal.message());
                    }
                }
            }
        }
        return RuleProblem.inFile(files.size() == 1 ? files.get(0).name() : "规则集", refusal.message());
    }

    /** An engine error in Chinese at the mistake's line and column (a decision table's: at its cell), the engine's text kept. */
    private static RuleProblem locateEngineError(RuleFile file, int line, int column, String engine) {
        EngineMessages.Placed placed = EngineMessages.place(file.compiledText(), line, column, engine);
        if (file.isDecisionTable()) {
            return RuleProblem.inCell(file.name(), file.sheet(), DecisionTables.cellOf(file.content(), file.drl(), placed.line(), engine), placed.message());
        }
        return RuleProblem.at(file.name(), placed.line(), placed.column(), placed.message());
    }

    private static RuleProblem locate(RuleFile file, int line, int column, String message) {
        if (file.isDecisionTable()) {
            return RuleProblem.inCell(file.name(), file.sheet(), DecisionTables.cellOf(file.content(), file.drl(), line, message), message);
        }
        return RuleProblem.at(file.name(), line, column, message);
    }

    /** Rule name → policy id, for every rule in the set. */
    public Map<String, String> policyByRule() {
        return policyByRule;
    }

    /** Sessions made once and reused: a fresh session per teacher costs more than the teacher's own rules. */
    private volatile org.kie.api.runtime.KieContainerSessionsPool pool;

    private org.kie.api.runtime.KieSession pooledSession() {
        org.kie.api.runtime.KieContainerSessionsPool p = pool;
        if (p == null) {
            synchronized (this) {
                if (pool == null) {
                    pool = container.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
                }
                p = pool;
            }
        }
        return p.newKieSession();
    }

    public TeacherEvaluation evaluate(TeacherCase teacherCase, SessionLimits limits) {
        TeacherEvaluation once = parametersOnce == null ? null : parametersOnce.evaluate(teacherCase, limits, c -> everyRule(c, limits));
        return once != null ? once : everyRule(teacherCase, limits);
    }

    /** True while teachers are evaluated with the parameter rules fired once per term (tests). */
    boolean firesParametersOnce() {
        return parametersOnce != null && parametersOnce.inUse();
    }

    /** With every rule in the teacher's session, the parameter rules too. */
    public TeacherEvaluation everyRule(TeacherCase teacherCase, SessionLimits limits) {
        return new TeacherSession(kieBase, this::pooledSession, policyOfRule, limits).evaluate(teacherCase.facts());
    }

    /** The parameter facts the rule set's tables insert for a term alone (weights, bands, quotas …). */
    public List<Object> parameters(Object term, SessionLimits limits) {
        return new TeacherSession(kieBase, kieBase::newKieSession, policyOfRule, limits).parameters(term);
    }

    /** Parameter fact → the rule that inserted it, from the same run as {@link #parameters}. */
    public Map<Object, String> parameterOrigins(Object term, SessionLimits limits) {
        return new TeacherSession(kieBase, kieBase::newKieSession, policyOfRule, limits).parameterOrigins(term);
    }

    public void dispose() {
        if (pool != null) {
            pool.shutdown();
        }
        if (parametersOnce != null) {
            parametersOnce.dispose();
        }
        container.dispose();
        KieServices.Factory.get().getRepository().removeKieModule(container.getReleaseId());
    }
}
