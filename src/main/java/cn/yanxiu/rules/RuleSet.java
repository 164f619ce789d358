package cn.yanxiu.rules;

import cn.yanxiu.rules.internal.CompiledRules;
import cn.yanxiu.rules.internal.SessionLimits;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A validated, compiled rule set: its folder, manifest, files (with their text, kept for auditors), the
 * content hash that identifies this version, and the engine that evaluates teachers with it.
 */
public final class RuleSet {

    private final Path dir;
    private final Manifest manifest;
    private final List<RuleFile> files;
    private final String hash;
    private final CompiledRules compiled;
    private final SessionLimits limits;

    private final String fullyChecked;

    RuleSet(Path dir, Manifest manifest, List<RuleFile> files, String hash, CompiledRules compiled, SessionLimits limits, String fullyChecked) {
        this.fullyChecked = fullyChecked;
        this.dir = dir;
        this.manifest = manifest;
        this.files = files;
        this.hash = hash;
        this.compiled = compiled;
        this.limits = limits;
    }

    public TeacherEvaluation evaluate(TeacherCase teacherCase) {
        return compiled.evaluate(teacherCase, limits);
    }

    /**
     * With every rule in the teacher's session, the decision tables' too: the same conclusions as {@link #evaluate},
     * without first setting up the rule base that fires those rules once per term (worth it for a batch, not for the
     * few cases of a rule test).
     */
    public TeacherEvaluation evaluateWithEveryRule(TeacherCase teacherCase) {
        return compiled.everyRule(teacherCase, limits);
    }

    private volatile List<cn.yanxiu.rules.vocabulary.GradeBand> gradeBands;

    /** The grade levels the rule set's tables state, best first (what each level means, and its score band). */
    public List<cn.yanxiu.rules.vocabulary.GradeBand> gradeBands() {
        List<cn.yanxiu.rules.vocabulary.GradeBand> bands = gradeBands;
        if (bands == null) {
            Manifest.TermSpec first = manifest.terms().get(0);
            cn.yanxiu.rules.vocabulary.Term term = new cn.yanxiu.rules.vocabulary.Term(first.id(), manifest.academicYear(), first.start(), first.end(),
                    first.teachingWeeks());
            bands = compiled.parameters(term, limits).stream().filter(cn.yanxiu.rules.vocabulary.GradeBand.class::isInstance)
                    .map(cn.yanxiu.rules.vocabulary.GradeBand.class::cast)
                    .sorted(java.util.Comparator.comparingInt(cn.yanxiu.rules.vocabulary.GradeBand::getLevel).reversed()).toList();
            gradeBands = bands;
        }
        return bands;
    }

    /** The checker fingerprint this load ran the full code check under; null when an earlier full check of the same content was relied on. */
    public String fullyChecked() {
        return fullyChecked;
    }

    public Path dir() {
        return dir;
    }

    public Manifest manifest() {
        return manifest;
    }

    public List<RuleFile> files() {
        return files;
    }

    public String hash() {
        return hash;
    }

    public Map<String, String> policyByRule() {
        return compiled.policyByRule();
    }

    public Set<String> policiesCovered() {
        return new TreeSet<>(compiled.policyByRule().values());
    }

    CompiledRules compiled() {
        return compiled;
    }

    SessionLimits limits() {
        return limits;
    }

    /** Where a rule is written: DRL file and line, or decision table, sheet and cell. */
    public String locationOf(String rule) {
        for (RuleFile f : files) {
            String found = RuleLocations.find(rule, f.name(), f.compiledText(), f.isDecisionTable() ? f.content() : null);
            if (found != null) {
                return found;
            }
        }
        return "?";
    }

    public void dispose() {
        compiled.dispose();
    }
}
