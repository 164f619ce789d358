package cn.yanxiu.rules.internal;

import cn.yanxiu.rules.TeacherCase;
import cn.yanxiu.rules.TeacherEvaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSessionsPool;

/**
 * Teachers evaluated with the term's parameter rules fired once ({@link TermParameters}) on a copy of the rule base
 * without them: the decision tables' rules were most of the rules firing in each teacher's session.
 *
 * <p>The first teacher each thread evaluates this way is evaluated with every rule too; if the two differ in any
 * conclusion or in the rules that fired, or a teacher's rules touch the parameter facts, the rule set is evaluated
 * with every rule from then on. Either way the teacher's result is the one every rule gives.
 */
final class ParametersOnce {

    private final KieBase kieBase;
    /** A new container of the rule set's module, made when the copy is needed. */
    private final java.util.function.Supplier<KieContainer> containers;
    private final Map<String, String> policyOfRule;

    /** This thread's parameter facts for the term it evaluated last: one thread's rules never see another's facts. */
    private final ThreadLocal<TermParameters> onThisThread = new ThreadLocal<>();

    private volatile boolean off;
    private volatile Without without;

    /** The rule base less one term's parameter rules, its sessions and its container. */
    private record Without(Set<String> rules, KieBase kieBase, KieSessionsPool pool, KieContainer container) {
    }

    ParametersOnce(KieBase kieBase, java.util.function.Supplier<KieContainer> containers, Map<String, String> policyOfRule) {
        this.kieBase = kieBase;
        this.containers = containers;
        this.policyOfRule = policyOfRule;
    }

    /** The teacher's evaluation, or null when this rule set or term must be evaluated with every rule ({@code everyRule}). */
    TeacherEvaluation evaluate(TeacherCase teacherCase, SessionLimits limits, Function<TeacherCase, TeacherEvaluation> everyRule) {
        if (off) {
            return null;
        }
        TermParameters parameters = onThisThread.get();
        boolean first = parameters == null || !sameTerm(parameters.term(), teacherCase.term());
        if (first) {
            parameters = new TeacherSession(kieBase, kieBase::newKieSession, policyOfRule, limits).termParameters(teacherCase.term());
            if (parameters == null) {
                turnOff();
                return null;
            }
            onThisThread.set(parameters);
        }
        Without base = without(parameters);
        if (base == null) {
            return null;
        }
        try {
            return alone ? evaluateAlone(base, teacherCase, parameters, limits, first, everyRule)
                    : evaluate(base, teacherCase, parameters, limits, first, everyRule);
        } catch (LinkageError e) {
            // the engine writes a class for each rule consequence the first time it fires, without a guard: two threads
            // firing a rule for the first time at once can both write it, and the loser's rule base keeps failing there
            turnOff();
            return null;
        }
    }

    /**
     * Until one teacher has been evaluated on the copy (and, for comparison, with every rule), teachers are evaluated
     * one at a time: most rules fire for the first time in that teacher's session, so their classes are written by
     * one thread (threads of a batch start together, and two first firings at once can clash; see above).
     */
    private volatile boolean alone = true;

    private synchronized TeacherEvaluation evaluateAlone(Without base, TeacherCase teacherCase, TermParameters parameters, SessionLimits limits,
                                                         boolean first, Function<TeacherCase, TeacherEvaluation> everyRule) {
        try {
            return evaluate(base, teacherCase, parameters, limits, first, everyRule);
        } finally {
            alone = false;
        }
    }

    /** On the copy; a thread's first teacher compared with every rule. Null when the teacher needs every rule. */
    private TeacherEvaluation evaluate(Without base, TeacherCase teacherCase, TermParameters parameters, SessionLimits limits, boolean first,
                                       Function<TeacherCase, TeacherEvaluation> everyRule) {
        TeacherEvaluation once = new TeacherSession(base.kieBase(), base.pool()::newKieSession, policyOfRule, limits).evaluate(teacherCase.facts(), parameters);
        if (once == null) {
            turnOff();
            return null;
        }
        if (first) {
            TeacherEvaluation all = everyRule.apply(teacherCase);
            if (!sameConclusions(once, all)) {
                turnOff();
                return all;
            }
        }
        return once;
    }

    /** The same term, or one equal to it field by field (a rule test builds one per case). */
    private static boolean sameTerm(Object a, Object b) {
        if (a == b) {
            return true;
        }
        List<Object> values = FactStates.valuesOf(a);
        return a.getClass() == b.getClass() && values != null && values.equals(FactStates.valuesOf(b));
    }

    boolean inUse() {
        return !off && without != null;
    }

    private void turnOff() {
        off = true;
        onThisThread.remove();
    }

    /** The rule base without {@code parameters}' rules, made on first use; null when it was made without another term's. */
    private Without without(TermParameters parameters) {
        Without made = without;
        if (made == null) {
            synchronized (this) {
                if (without == null) {
                    // a container of its own, so a class loader of its own: the classes the engine writes for the copy's
                    // consequences as they first fire stay apart from the original's
                    KieContainer container = containers.get();
                    KieBase trimmed = container.getKieBase();
                    for (var pkg : kieBase.getKiePackages()) {
                        for (Rule rule : pkg.getRules()) {
                            if (parameters.rules().contains(rule.getName())) {
                                trimmed.removeRule(pkg.getName(), rule.getName());
                            }
                        }
                    }
                    without = new Without(parameters.rules(), trimmed, trimmed.newKieSessionsPool(Runtime.getRuntime().availableProcessors()), container);
                }
                made = without;
            }
        }
        return made.rules().equals(parameters.rules()) ? made : null;
    }

    void dispose() {
        Without made = without;
        if (made != null) {
            made.pool().shutdown();
            made.container().dispose();
        }
    }

    /** The same grade, scores, findings, score lines, eligibilities, credits, deciding rules and firings (in any order). */
    static boolean sameConclusions(TeacherEvaluation a, TeacherEvaluation b) {
        return Objects.equals(a.grade(), b.grade()) && a.gradeLevel() == b.gradeLevel() && Objects.equals(a.decidedBy(), b.decidedBy())
                && Objects.equals(a.finalScore(), b.finalScore()) && Objects.equals(a.routineScore(), b.routineScore())
                && Objects.equals(a.yearEndScore(), b.yearEndScore()) && Objects.equals(a.error(), b.error())
                && Objects.equals(a.decidingRules(), b.decidingRules())
                && same(listOf(a.veto()), listOf(b.veto())) && same(listOf(a.credit()), listOf(b.credit()))
                && same(a.findings(), b.findings()) && same(a.scoreLines(), b.scoreLines()) && same(a.eligibilities(), b.eligibilities())
                && same(a.trace(), b.trace());
    }

    private static boolean same(List<?> a, List<?> b) {
        List<String> values = valuesOf(a);
        return values != null && values.equals(valuesOf(b));
    }

    private static List<Object> listOf(Object fact) {
        List<Object> list = new ArrayList<>();
        if (fact != null) {
            list.add(fact);
        }
        return list;
    }

    /** Each fact's field values, in a fixed order whatever order the engine gave them in; null when a fact's fields cannot be read. */
    private static List<String> valuesOf(List<?> facts) {
        List<String> values = new ArrayList<>();
        for (Object fact : facts) {
            Object state = fact instanceof TeacherEvaluation.FiredRule r ? r : FactStates.valuesOf(fact);
            if (state == null) {
                return null;
            }
            values.add(String.valueOf(state));
        }
        values.sort(null);
        return values;
    }
}
