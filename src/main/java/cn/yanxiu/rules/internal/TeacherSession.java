package cn.yanxiu.rules.internal;

import cn.yanxiu.rules.TeacherEvaluation;
import cn.yanxiu.rules.TeacherEvaluation.FiredRule;
import cn.yanxiu.rules.vocabulary.BandGrade;
import cn.yanxiu.rules.vocabulary.GradeCap;
import cn.yanxiu.rules.vocabulary.ComponentScore;
import cn.yanxiu.rules.vocabulary.CreditProposal;
import cn.yanxiu.rules.vocabulary.Eligibility;
import cn.yanxiu.rules.vocabulary.Finding;
import cn.yanxiu.rules.vocabulary.Outcome;
import cn.yanxiu.rules.vocabulary.ScoreLine;
import cn.yanxiu.rules.vocabulary.Veto;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.kie.api.KieBase;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;

/** One fresh session for one teacher: insert the facts, fire within the limits, collect the conclusions. */
final class TeacherSession {

    private static final ScheduledExecutorService WATCHDOG = watchdog();

    /**
     * One timer for every session's time limit. A cancelled alarm must leave the queue at once: it holds its
     * session, and hundreds of finished sessions a second waiting out their limit exhausted the heap at
     * 100,000 teachers.
     */
    private static ScheduledExecutorService watchdog() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "yanxiu-rule-watchdog");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    private final KieBase kieBase;
    private final java.util.function.Supplier<KieSession> sessions;
    private final Map<String, String> policyByRule;
    private final SessionLimits limits;

    /** {@code sessions}: where a teacher's session comes from — a pool whose sessions are reset and reused after a normal end. */
    TeacherSession(KieBase kieBase, java.util.function.Supplier<KieSession> sessions, Map<String, String> policyByRule, SessionLimits limits) {
        this.kieBase = kieBase;
        this.sessions = sessions;
        this.policyByRule = policyByRule;
        this.limits = limits;
    }

    /**
     * The time limit halts the engine between firings; if the session has not ended a second limit later (the
     * engine busy inside one step), the run stops with {@link cn.yanxiu.rules.RuleRunStuck}.
     */
    TeacherEvaluation evaluate(List<Object> facts) {
        return evaluate(facts, null);
    }

    /**
     * As {@link #evaluate(List)}, the session starting with a term's parameter facts and their rules' trace
     * ({@code parameters}, whose rules this session's rule base lacks). Null when the teacher's rules did not leave
     * the parameter facts as the term-only session did: then this teacher needs every rule.
     */
    TeacherEvaluation evaluate(List<Object> facts, TermParameters parameters) {
        String[] current = {null};
        long hardLimit = hardLimit();
        return StuckSessionGuard.run(WATCHDOG, hardLimit, () -> evaluate(facts, parameters, current),
                () -> "教师 " + teacherOf(facts) + " 的规则运行超过 " + hardLimit / 1000 + " 秒且无法中止（最后触发的规则：" + current[0]
                        + "）。评价运行已停止：请检查该规则的条件是否让大量事实两两组合，修正后重新运行（继续本次运行会再次遇到同一规则）");
    }

    private long hardLimit() {
        return 2 * limits.maxMillis() + 1_000;
    }

    private static String teacherOf(List<Object> facts) {
        return facts.stream().filter(f -> f instanceof cn.yanxiu.rules.vocabulary.Teacher).map(f -> ((cn.yanxiu.rules.vocabulary.Teacher) f).getId())
                .findFirst().orElse("?");
    }

    /** Adds each rule as it fires to {@code trace}, with the facts it matched; {@code current} holds the rule firing. */
    static DefaultAgendaEventListener tracing(List<FiredRule> trace, String[] current, Map<String, String> policyByRule) {
        return new DefaultAgendaEventListener() {
            /** The teacher matches most firings and cannot change: described once. */
            private Object teacher;
            private String teacherText;

            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                String rule = event.getMatch().getRule().getName();
                current[0] = rule;
                List<String> matched = new ArrayList<>();
                for (Object o : event.getMatch().getObjects()) {
                    if (o instanceof cn.yanxiu.rules.vocabulary.Teacher) {
                        if (o != teacher) {
                            teacher = o;
                            teacherText = FactDescriptions.describe(o);
                        }
                        matched.add(teacherText);
                    } else if (o != null && !o.getClass().getName().startsWith("org.drools.")) {
                        // the engine's own start fact (rules whose first condition is "not …") is no evidence for an auditor
                        matched.add(FactDescriptions.describe(o));
                    }
                }
                trace.add(new FiredRule(rule, policyByRule.getOrDefault(rule, ""), matched));
            }
        };
    }

    private TeacherEvaluation evaluate(List<Object> facts, TermParameters parameters, String[] current) {
        KieSession session = sessions.get();
        List<FiredRule> trace = new ArrayList<>();
        AtomicBoolean timedOut = new AtomicBoolean();
        Map<Object, String> gradeOrigins = new IdentityHashMap<>();
        // score lines and findings in the order the rules inserted them: the session hands them back in no fixed order
        Map<Object, Integer> insertedAs = new IdentityHashMap<>();
        if (parameters != null) {
            trace.addAll(parameters.trace());
            gradeOrigins.putAll(parameters.origins());
        }
        DefaultAgendaEventListener tracing = tracing(trace, current, policyByRule);
        session.addEventListener(tracing);
        Map<String, Integer> inserts = new java.util.HashMap<>();
        Map<String, Integer> updates = new java.util.HashMap<>();
        boolean[] parametersTouched = {false};
        DefaultRuleRuntimeEventListener changes = new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                if (event.getRule() != null) {
                    inserts.merge(event.getRule().getName(), 1, Integer::sum);
                    Object fact = event.getObject();
                    if (fact instanceof BandGrade || fact instanceof GradeCap) {
                        gradeOrigins.put(fact, event.getRule().getName());
                    }
                    if (fact instanceof ScoreLine || fact instanceof Finding) {
                        insertedAs.put(fact, insertedAs.size());
                    }
                    if (parameters != null && parameters.read(fact)) {
                        parametersTouched[0] = true;
                    }
                }
            }

            @Override
            public void objectUpdated(org.kie.api.event.rule.ObjectUpdatedEvent event) {
                if (event.getRule() != null) {
                    updates.merge(event.getRule().getName(), 1, Integer::sum);
                }
                if (parameters != null && parameters.holds(event.getObject())) {
                    parametersTouched[0] = true;
                }
            }

            @Override
            public void objectDeleted(org.kie.api.event.rule.ObjectDeletedEvent event) {
                if (parameters != null && parameters.holds(event.getOldObject())) {
                    parametersTouched[0] = true;
                }
            }
        };
        session.addEventListener(changes);
        boolean reusable = false;
        ScheduledFuture<?> alarm = WATCHDOG.schedule(() -> {
            timedOut.set(true);
            session.halt();
        }, limits.maxMillis(), TimeUnit.MILLISECONDS);
        try {
            if (parameters != null) {
                parameters.facts().forEach(session::insert);
            }
            facts.forEach(session::insert);
            int fired = session.fireAllRules(limits.maxFirings());
            if (parameters != null && (parametersTouched[0] || !parameters.unchanged())) {
                return null;
            }
            if (timedOut.get()) {
                return TeacherEvaluation.failed("规则运行超过 " + limits.maxMillis() + " 毫秒被中止，最后触发的规则：" + current[0], trace);
            }
            if (fired >= limits.maxFirings()) {
                return TeacherEvaluation.failed("规则触发次数达到上限 " + limits.maxFirings() + "（可能循环），反复修改事实的规则：" + mostActive(updates.isEmpty() ? inserts : updates, trace),
                        List.copyOf(trace.subList(Math.max(0, trace.size() - 20), trace.size())));
            }
            TeacherEvaluation evaluation = collect(session, trace, gradeOrigins, insertedAs);
            reusable = true;
            return evaluation;
        } catch (StackOverflowError | OutOfMemoryError e) {
            // one teacher's rules exhausted the stack or the heap: that teacher fails, the run goes on
            trace.clear();
            return TeacherEvaluation.failed("规则“" + current[0] + "”出错：" + (e instanceof StackOverflowError ? "栈溢出" : "内存不足") + "（" + e + "）", List.of());
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return TeacherEvaluation.failed("规则“" + current[0] + "”出错：" + root, trace);
        } finally {
            alarm.cancel(false);
            session.removeEventListener(tracing);
            session.removeEventListener(changes);
            if (reusable) {
                // back to the pool, reset: nothing of this teacher's facts remains
                session.dispose();
            } else {
                // a session stopped by a limit or an error is not trusted again
                session.destroy();
            }
        }
    }

    /** The rule that changed facts most often (the one driving a loop), else the one that fired most. */
    private static String mostActive(Map<String, Integer> changes, List<FiredRule> trace) {
        Map<String, Integer> counts = changes;
        if (counts.isEmpty()) {
            counts = new java.util.HashMap<>();
            for (FiredRule r : trace) {
                counts.merge(r.rule(), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("?");
    }

    private static TeacherEvaluation collect(KieSession session, List<FiredRule> trace, Map<Object, String> gradeOrigins, Map<Object, Integer> insertedAs) {
        List<Finding> findings = new ArrayList<>();
        List<ScoreLine> lines = new ArrayList<>();
        List<Eligibility> eligibilities = new ArrayList<>();
        Outcome outcome = null;
        Veto veto = null;
        CreditProposal credit = null;
        Double finalScore = null;
        Double routine = null;
        Double yearEnd = null;
        BandGrade band = null;
        List<GradeCap> caps = new ArrayList<>();
        for (Object o : session.getObjects()) {
            if (o instanceof Finding f) {
                findings.add(f);
            } else if (o instanceof ScoreLine l) {
                lines.add(l);
            } else if (o instanceof Eligibility e) {
                eligibilities.add(e);
            } else if (o instanceof Outcome out) {
                outcome = out;
            } else if (o instanceof BandGrade b) {
                band = b;
            } else if (o instanceof GradeCap c) {
                caps.add(c);
            } else if (o instanceof Veto v) {
                veto = v;
            } else if (o instanceof CreditProposal c) {
                credit = c;
            } else if (o instanceof ComponentScore c) {
                switch (c.getName()) {
                    case ComponentScore.FINAL -> finalScore = c.getValue();
                    case ComponentScore.ROUTINE -> routine = c.getValue();
                    case ComponentScore.YEAR_END -> yearEnd = c.getValue();
                    default -> { }
                }
            }
        }
        if (outcome == null) {
            return TeacherEvaluation.failed("规则集没有给出等级（缺少得分、分数段或定级规则）", trace);
        }
        java.util.function.ToIntFunction<Object> inserted = o -> insertedAs.getOrDefault(o, -1);
        lines.sort(java.util.Comparator.comparingInt(inserted));
        findings.sort(java.util.Comparator.comparing(Finding::getPolicy).thenComparing(Finding::getRule).thenComparingInt(inserted));
        eligibilities.sort(java.util.Comparator.comparing(Eligibility::getPolicy).thenComparing(Eligibility::getWhat));
        return new TeacherEvaluation(outcome.getLabel(), outcome.getLevel(), outcome.getDecidedBy(), finalScore, routine, yearEnd,
                veto, findings, lines, eligibilities, credit, trace, null, decidingRules(outcome, band, caps, gradeOrigins));
    }

    /** The grade's own provenance: the final-grade rule, then the band's rule or each cap that lowered the grade to this level. */
    private static List<String> decidingRules(Outcome outcome, BandGrade band, List<GradeCap> caps, Map<Object, String> origins) {
        java.util.LinkedHashSet<String> rules = new java.util.LinkedHashSet<>();
        boolean lowered = band != null && outcome.getLevel() < band.getLevel();
        if (!lowered && band != null) {
            rules.add(origins.getOrDefault(band, band.getRule()));
        }
        if (lowered) {
            caps.stream().filter(c -> c.getLevel() == outcome.getLevel())
                    .sorted(java.util.Comparator.comparing(GradeCap::getPolicy).thenComparing(GradeCap::getRule))
                    .forEach(c -> {
                        rules.add(c.getRule());
                        if (origins.containsKey(c)) {
                            rules.add(origins.get(c));
                        }
                    });
        }
        rules.add(outcome.getRule());
        rules.remove(null);
        return List.copyOf(rules);
    }

    List<Object> parameters(Object term) {
        return new ArrayList<>(parameterOrigins(term).keySet());
    }

    /** The term's parameter rules fired once on the term alone (null when the rule set has none to fire once). */
    TermParameters termParameters(Object term) {
        return StuckSessionGuard.run(WATCHDOG, hardLimit(), () -> TermParameters.of(kieBase, term, limits, policyByRule),
                () -> "规则集的参数规则运行超过时限且无法中止，规则集不能使用");
    }

    Map<Object, String> parameterOrigins(Object term) {
        return StuckSessionGuard.run(WATCHDOG, hardLimit(), () -> parameterOriginsOnThisThread(term),
                () -> "规则集的参数规则运行超过时限且无法中止，规则集不能使用");
    }

    private Map<Object, String> parameterOriginsOnThisThread(Object term) {
        KieSession session = kieBase.newKieSession();
        Map<Object, String> origins = new IdentityHashMap<>();
        session.addEventListener(new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                if (event.getRule() != null) {
                    origins.put(event.getObject(), event.getRule().getName());
                }
            }
        });
        try {
            session.insert(term);
            session.fireAllRules(limits.maxFirings());
            return origins;
        } finally {
            session.dispose();
        }
    }
}
