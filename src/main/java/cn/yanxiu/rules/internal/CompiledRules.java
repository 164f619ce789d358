package cn.yanxiu.rules.internal;

import cn.yanxiu.rules.RuleFile;
import cn.yanxiu.rules.RuleProblem;
import cn.yanxiu.rules.TeacherCase;
import cn.yanxiu.rules.TeacherEvaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
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

    static {
        System.setProperty("drools.kbuilder.severity.duplicateRule", "ERROR");
    }

    private final KieBase kieBase;
    private final Map<String, String> policyByRule;
    private final KieContainer container;

    private CompiledRules(KieBase kieBase, Map<String, String> policyByRule, KieContainer container) {
        this.kieBase = kieBase;
        this.policyByRule = policyByRule;
        this.container = container;
    }

    /** The result of compiling: the rules, or every problem with its location. */
    public record Compilation(CompiledRules rules, List<RuleProblem> problems) {
    }

    public static Compilation compile(List<RuleFile> files) {
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, RuleFile> byPath = new TreeMap<>();
        for (RuleFile file : files) {
            for (RuleFileGuard.Violation v : RuleFileGuard.check(file.compiledText())) {
                problems.add(locate(file, v.line(), v.column(), v.message()));
            }
        }
        if (!problems.isEmpty()) {
            return new Compilation(null, problems);
        }
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId release = ks.newReleaseId("cn.yanxiu.rules", "ruleset", "1." + VERSIONS.incrementAndGet());
        kfs.generateAndWritePomXML(release);
        for (RuleFile file : files) {
            String path = "src/main/resources/cn/yanxiu/rules/" + (file.isDecisionTable() ? file.name() + ".drl" : file.name());
            byPath.put(path.substring("src/main/resources/".length()), file);
            byPath.put(path, file);
            kfs.write(path, file.compiledText());
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            RuleFile file = m.getPath() == null ? null : byPath.get(m.getPath());
            String text = m.getText().replaceAll("\\s+", " ").strip();
            problems.add(file == null ? RuleProblem.inFile(String.valueOf(m.getPath()), text) : locate(file, m.getLine(), m.getColumn(), text));
        }
        if (!problems.isEmpty()) {
            ks.getRepository().removeKieModule(release);
            return new Compilation(null, problems);
        }
        KieContainer container = ks.newKieContainer(release);
        KieBase kieBase = container.getKieBase();
        Map<String, String> policies = new TreeMap<>();
        for (var pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                Object policy = rule.getMetaData().get("policy");
                policies.put(rule.getName(), policy == null ? "" : policy.toString().replace("\"", ""));
            }
        }
        return new Compilation(new CompiledRules(kieBase, policies, container), problems);
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

    public TeacherEvaluation evaluate(TeacherCase teacherCase, SessionLimits limits) {
        return new TeacherSession(kieBase, policyByRule, limits).evaluate(teacherCase.facts());
    }

    /** The parameter facts the rule set's tables insert for a term alone (weights, bands, quotas …). */
    public List<Object> parameters(Object term, SessionLimits limits) {
        return new TeacherSession(kieBase, policyByRule, limits).parameters(term);
    }

    /** Parameter fact → the rule that inserted it, from the same run as {@link #parameters}. */
    public Map<Object, String> parameterOrigins(Object term, SessionLimits limits) {
        return new TeacherSession(kieBase, policyByRule, limits).parameterOrigins(term);
    }

    public void dispose() {
        container.dispose();
        KieServices.Factory.get().getRepository().removeKieModule(container.getReleaseId());
    }
}
