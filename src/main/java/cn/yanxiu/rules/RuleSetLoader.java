package cn.yanxiu.rules;

import cn.yanxiu.rules.internal.CompiledRules;
import cn.yanxiu.rules.internal.RuleSetReader;
import cn.yanxiu.rules.internal.SessionLimits;
import cn.yanxiu.rules.vocabulary.Term;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads a rule-set folder exactly as evaluation will use it: reads and hashes the files, refuses code
 * that reaches past the vocabulary, compiles, then checks the policy itself (weights, bands, quotas).
 */
public final class RuleSetLoader {

    /** The rule set, or every problem found (then {@code ruleSet} is null). */
    public record Loaded(RuleSet ruleSet, List<RuleProblem> problems, int ruleCount, List<RuleProblem> warnings) {
        public Loaded(RuleSet ruleSet, List<RuleProblem> problems, int ruleCount) {
            this(ruleSet, problems, ruleCount, List.of());
        }

        public boolean ok() {
            return ruleSet != null;
        }
    }

    /** What reading a rule set found without running any of it: compile problems and code refusals. */
    public record Inspected(String hash, List<RuleProblem> problems, int ruleCount) {
    }

    private RuleSetLoader() {
    }

    /** A folder's manifest, or null when it cannot be read. */
    public static Manifest manifestOf(Path dir) {
        return RuleSetReader.manifest(dir);
    }

    /** The content hash of a rule-set folder, as a run records it. */
    public static String hashOf(Path dir) {
        return RuleSetReader.read(dir).hash();
    }

    /** Reads, compiles and checks the compiled code; fires nothing (no parameter rules, no policy checks). */
    public static Inspected inspect(Path dir) {
        CompiledRules.prepareLookups();
        CompiledRules.warmUpOnce();
        RuleSetReader.Read read = RuleSetReader.read(dir);
        List<RuleProblem> problems = new ArrayList<>(read.problems());
        if (read.files().isEmpty()) {
            return new Inspected(read.hash(), problems, 0);
        }
        CompiledRules.Compilation compilation = CompiledRules.compile(read.files());
        problems.addAll(compilation.problems());
        int rules = 0;
        if (compilation.rules() != null) {
            rules = compilation.rules().policyByRule().size();
            compilation.rules().dispose();
        }
        return new Inspected(read.hash(), problems, rules);
    }

    public static Loaded load(Path dir) {
        return load(dir, SessionLimits.DEFAULT);
    }

    public static Loaded load(Path dir, SessionLimits limits) {
        return load(dir, limits, NEVER_CHECKED);
    }

    private static final java.util.function.Predicate<String> NEVER_CHECKED = hash -> false;

    /**
     * {@code checkedBefore}: whether this exact content (by hash) passed the full code check before under the
     * current checker — a stored rule-set version — so the build made only for that check can be skipped.
     */
    public static Loaded load(Path dir, java.util.function.Predicate<String> checkedBefore) {
        return load(dir, SessionLimits.DEFAULT, checkedBefore);
    }

    private static Loaded load(Path dir, SessionLimits limits, java.util.function.Predicate<String> checkedBefore) {
        CompiledRules.prepareLookups();
        if (checkedBefore == NEVER_CHECKED) {
            // the executable-model build will run; a version checked before may skip it, so it gets no head start
            CompiledRules.warmUpOnce();
        }
        RuleSetReader.Read read = RuleSetReader.read(dir);
        List<RuleProblem> problems = new ArrayList<>(read.problems());
        if (read.files().isEmpty()) {
            return new Loaded(null, problems, 0);
        }
        boolean fullCheck = !(read.problems().isEmpty() && checkedBefore.test(read.hash()));
        CompiledRules.Compilation compilation = fullCheck ? CompiledRules.compile(read.files()) : CompiledRules.compileCheckedBefore(read.files());
        problems.addAll(compilation.problems());
        if (compilation.rules() == null || read.manifest() == null) {
            if (compilation.rules() != null) {
                compilation.rules().dispose();
            }
            return new Loaded(null, problems, 0);
        }
        CompiledRules compiled = compilation.rules();
        Manifest.TermSpec first = read.manifest().terms().get(0);
        Term term = new Term(first.id(), read.manifest().academicYear(), first.start(), first.end(), first.teachingWeeks());
        Map<Object, String> parameters;
        try {
            parameters = compiled.parameterOrigins(term, limits);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            compiled.dispose();
            problems.add(RuleProblem.inFile("规则集", "参数规则（决策表）运行出错：" + e.getMessage()));
            return new Loaded(null, problems, 0);
        }
        PolicyChecks policy = new PolicyChecks(read.manifest(), read.files(), parameters, compiled.policyByRule());
        problems.addAll(policy.run());
        RuleTextChecks.Result text = new RuleTextChecks(read.manifest(), read.files(), parameters, policy::locate).run();
        problems.addAll(text.problems());
        if (!problems.isEmpty()) {
            compiled.dispose();
            return new Loaded(null, problems, compiled.policyByRule().size(), text.warnings());
        }
        RuleSet ruleSet = new RuleSet(dir, read.manifest(), read.files(), read.hash(), compiled, limits,
                fullCheck ? cn.yanxiu.rules.internal.CodeCheckFingerprint.value() : null);
        return new Loaded(ruleSet, problems, compiled.policyByRule().size(), text.warnings());
    }
}
