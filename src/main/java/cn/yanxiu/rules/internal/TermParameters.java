package cn.yanxiu.rules.internal;

import cn.yanxiu.rules.TeacherEvaluation.FiredRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.runtime.KieSession;

/**
 * A term's parameter rules, fired once instead of in every teacher's session. The decision tables (weights, bands,
 * quotas, stages …) are rules whose conditions read the term and each other's facts only: for one term they
 * insert the same facts for every teacher. They are found by firing the rule set on the term alone and keeping the
 * rules that fired there and read nothing but the term and facts those rules insert (read from each rule's patterns,
 * inside {@code not}, {@code exists} and {@code accumulate} too). A teacher's session then starts with their facts,
 * and their trace, as if they had fired in it.
 *
 * <p>The facts are one thread's own. A teacher's session must leave them as the term-only session did — no rule
 * changes or removes one ({@link #holds}, {@link #unchanged}), no other rule inserts a fact of a kind the parameter
 * rules read ({@link #read}) — or that teacher is evaluated again with every rule.
 */
final class TermParameters {

    private final Object term;
    private final Set<String> rules;
    private final List<Object> facts;
    private final List<FiredRule> trace;
    private final Map<Object, String> origins;
    private final Set<Class<?>> read;
    private final Set<Object> held;
    private final FactStates states;

    private TermParameters(Object term, Set<String> rules, List<Object> facts, List<FiredRule> trace, Map<Object, String> origins, Set<Class<?>> read,
                           FactStates states) {
        this.term = term;
        this.rules = rules;
        this.facts = facts;
        this.trace = trace;
        this.origins = origins;
        this.read = read;
        this.states = states;
        this.held = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        held.addAll(facts);
        held.add(term);
    }

    /** The term's parameter rules and their facts, or null when the rule set has none that can be fired once. */
    static TermParameters of(KieBase kieBase, Object term, SessionLimits limits, Map<String, String> policyByRule) {
        KieSession session = kieBase.newKieSession();
        List<FiredRule> trace = new ArrayList<>();
        session.addEventListener(TeacherSession.tracing(trace, new String[1], policyByRule));
        List<Object> inserted = new ArrayList<>();
        Map<Object, String> origins = new IdentityHashMap<>();
        boolean[] changed = {false};
        session.addEventListener(new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                if (event.getRule() != null) {
                    inserted.add(event.getObject());
                    origins.put(event.getObject(), event.getRule().getName());
                }
            }

            @Override
            public void objectUpdated(ObjectUpdatedEvent event) {
                changed[0] = true;
            }

            @Override
            public void objectDeleted(ObjectDeletedEvent event) {
                changed[0] = true;
            }
        });
        try {
            session.insert(term);
            if (session.fireAllRules(limits.maxFirings()) >= limits.maxFirings() || changed[0]) {
                return null;
            }
        } finally {
            session.dispose();
        }
        Set<String> rules = parameterRules(kieBase, trace, inserted, origins, term.getClass());
        if (rules.isEmpty()) {
            return null;
        }
        List<Object> facts = inserted.stream().filter(f -> rules.contains(origins.get(f))).toList();
        List<Object> watched = new ArrayList<>(facts);
        watched.add(term);
        FactStates states = FactStates.of(watched);
        if (states == null) {
            return null;
        }
        Set<Class<?>> read = new HashSet<>();
        read.add(term.getClass());
        facts.forEach(f -> read.add(f.getClass()));
        Map<Object, String> factOrigins = new IdentityHashMap<>();
        facts.forEach(f -> factOrigins.put(f, origins.get(f)));
        return new TermParameters(term, Set.copyOf(rules), facts, trace.stream().filter(r -> rules.contains(r.rule())).toList(), factOrigins,
                Set.copyOf(read), states);
    }

    /**
     * The rules that fired on the term alone, less every rule that reads a fact of another kind than the term and
     * the kept rules' facts, or inserts a kind another fired rule inserts too, until none is left to drop.
     */
    private static Set<String> parameterRules(KieBase kieBase, List<FiredRule> trace, List<Object> inserted, Map<Object, String> origins, Class<?> termClass) {
        Map<String, Rule> byName = new HashMap<>();
        kieBase.getKiePackages().forEach(p -> p.getRules().forEach(r -> byName.put(r.getName(), r)));
        Set<String> kept = new LinkedHashSet<>();
        trace.forEach(r -> kept.add(r.rule()));
        Map<String, Set<Class<?>>> reads = new HashMap<>();
        for (String rule : kept) {
            Rule r = byName.get(rule);
            reads.put(rule, r == null ? null : RuleConditions.factClasses(r));
        }
        boolean dropped = true;
        while (dropped) {
            Set<Class<?>> made = new HashSet<>();
            Set<Class<?>> madeElsewhere = new HashSet<>();
            for (Object fact : inserted) {
                (kept.contains(origins.get(fact)) ? made : madeElsewhere).add(fact.getClass());
            }
            Set<Class<?>> allowed = new HashSet<>(made);
            allowed.add(termClass);
            dropped = kept.removeIf(rule -> reads.get(rule) == null || !allowed.containsAll(reads.get(rule))
                    || inserted.stream().anyMatch(f -> rule.equals(origins.get(f)) && madeElsewhere.contains(f.getClass())));
        }
        return kept;
    }

    Object term() {
        return term;
    }

    Set<String> rules() {
        return rules;
    }

    List<Object> facts() {
        return facts;
    }

    /** The parameter rules' firings, as the term-only session traced them. */
    List<FiredRule> trace() {
        return trace;
    }

    /** Parameter fact → the rule that inserted it. */
    Map<Object, String> origins() {
        return origins;
    }

    /** True for a fact whose insertion by a teacher's rules the parameter rules would have read. */
    boolean read(Object fact) {
        for (Class<?> c : read) {
            if (c.isInstance(fact)) {
                return true;
            }
        }
        return false;
    }

    /** True for the parameter facts themselves and for any term (a teacher's case may bring an equal term of its own). */
    boolean holds(Object fact) {
        return held.contains(fact) || term.getClass().isInstance(fact);
    }

    /** True when the term and the parameter facts still hold what they held after the term-only session. */
    boolean unchanged() {
        return states.unchanged();
    }
}
