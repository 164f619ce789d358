package cn.yanxiu.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yanxiu.rules.Manifest;
import cn.yanxiu.rules.RuleFile;
import cn.yanxiu.rules.TeacherCase;
import cn.yanxiu.rules.TeacherEvaluation;
import cn.yanxiu.rules.vocabulary.Activity;
import cn.yanxiu.rules.vocabulary.EthicsRecord;
import cn.yanxiu.rules.vocabulary.GroupRecord;
import cn.yanxiu.rules.vocabulary.SchoolRecord;
import cn.yanxiu.rules.vocabulary.Score;
import cn.yanxiu.rules.vocabulary.Teacher;
import cn.yanxiu.rules.vocabulary.Term;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The decision tables' rules fire once per term and thread instead of in every teacher's session: each teacher's
 * conclusions and firings must be exactly those every rule gives, and a rule set whose teacher rules touch the
 * parameter facts is evaluated with every rule.
 */
class ParametersOnceTests {

    private static final Path SAMPLE = Path.of("rules/2025-2026");

    @Test
    void theSampleYearsTeachersGetWhatEveryRuleGivesWithTheTablesFiredOnce() {
        CompiledRules rules = compile(List.of());
        List<TeacherCase> cases = new ArrayList<>(teachers(term()));
        // a case with a term of its own, equal to the others' (as a rule test builds them)
        cases.add(teachers(term()).get(1));
        for (TeacherCase c : cases) {
            TeacherEvaluation once = rules.evaluate(c, SessionLimits.DEFAULT);
            TeacherEvaluation every = rules.everyRule(c, SessionLimits.DEFAULT);
            assertThat(ParametersOnce.sameConclusions(once, every)).as("teacher aged %d, %s", c.teacher().getAge(), c.teacher().getRoles()).isTrue();
            assertThat(once.trace()).hasSameSizeAs(every.trace());
        }
        assertThat(rules.firesParametersOnce()).isTrue();
        rules.dispose();
    }

    @Test
    void threadsStartingTogetherOnAFreshRuleSetAllGetWhatEveryRuleGives() throws Exception {
        // each thread's first teacher runs on both rule bases at once: the engine writes classes for both as rules first fire
        List<TeacherCase> cases = teachers(term());
        for (int round = 0; round < 3; round++) {
            CompiledRules rules = compile(List.of());
            java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            try {
                List<java.util.concurrent.Future<List<TeacherEvaluation>>> results = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    results.add(threads.submit(() -> {
                        start.await();
                        // enough times for the engine to write its classes for the consequences that fire most
                        List<TeacherEvaluation> done = new ArrayList<>();
                        for (int pass = 0; pass < 30; pass++) {
                            for (TeacherCase c : cases) {
                                TeacherEvaluation e = rules.evaluate(c, SessionLimits.DEFAULT);
                                if (pass == 0) {
                                    done.add(e);
                                }
                            }
                        }
                        return done;
                    }));
                }
                start.countDown();
                for (java.util.concurrent.Future<List<TeacherEvaluation>> result : results) {
                    List<TeacherEvaluation> done = result.get();
                    for (int i = 0; i < cases.size(); i++) {
                        assertThat(ParametersOnce.sameConclusions(done.get(i), rules.everyRule(cases.get(i), SessionLimits.DEFAULT))).isTrue();
                    }
                }
                assertThat(rules.firesParametersOnce()).isTrue();
            } finally {
                threads.shutdown();
                rules.dispose();
            }
        }
    }

    @Test
    void theParameterRulesAreTheTablesRulesThatReadTheTermAlone() {
        CompiledRules rules = compile(List.of());
        TermParameters parameters = new TeacherSession(kieBase(rules), null, rules.policyByRule(), SessionLimits.DEFAULT).termParameters(term());
        assertThat(parameters.rules()).contains("参数-H1-每学期个人研修学时", "G1-权重-平时研修检查", "G3-等级-优秀", "Q1-观课指标-教师", "量化-个人研修学时")
                .doesNotContain("H1-个人研修学时", "T1-教研组活动次数", "G3-分数段定级", "G5-师德结论");
        assertThat(parameters.facts()).hasSameSizeAs(parameters.rules());
        assertThat(parameters.trace()).extracting(TeacherEvaluation.FiredRule::rule).containsExactlyInAnyOrderElementsOf(parameters.rules());
        rules.dispose();
    }

    @Test
    void aTeacherRuleThatChangesAParameterFactTurnsItOffAndEveryTeacherStillGetsWhatEveryRuleGives() {
        assertEveryTeacherAsEveryRule("""
                rule "改学时参数"
                    @policy("H1")
                when
                    $t : Teacher( age > 45 )
                    $p : PolicyParameter( name == "H1-每学期个人研修学时" )
                then
                    $p.setValue(1000);
                end
                """);
    }

    @Test
    void aTeacherRuleThatInsertsAFactOfAParameterKindTurnsItOff() {
        assertEveryTeacherAsEveryRule("""
                rule "加观课指标"
                    @policy("Q1")
                when
                    $t : Teacher( age > 45 )
                then
                    insert(new RoleQuota("教师", 9, "Q1"));
                end
                """);
    }

    @Test
    void evaluationsThatDifferInOneScoreAreNotTheSame() {
        CompiledRules rules = compile(List.of());
        List<TeacherCase> cases = teachers(term());
        TeacherEvaluation a = rules.evaluate(cases.get(0), SessionLimits.DEFAULT);
        TeacherEvaluation b = rules.evaluate(cases.get(1), SessionLimits.DEFAULT);
        assertThat(ParametersOnce.sameConclusions(a, a)).isTrue();
        assertThat(ParametersOnce.sameConclusions(a, b)).isFalse();
        TeacherEvaluation otherScore = new TeacherEvaluation(a.grade(), a.gradeLevel(), a.decidedBy(), a.finalScore() + 0.01, a.routineScore(),
                a.yearEndScore(), a.veto(), a.findings(), a.scoreLines(), a.eligibilities(), a.credit(), a.trace(), a.error(), a.decidingRules());
        assertThat(ParametersOnce.sameConclusions(a, otherScore)).isFalse();
        TeacherEvaluation fewerFirings = new TeacherEvaluation(a.grade(), a.gradeLevel(), a.decidedBy(), a.finalScore(), a.routineScore(),
                a.yearEndScore(), a.veto(), a.findings(), a.scoreLines(), a.eligibilities(), a.credit(), a.trace().subList(1, a.trace().size()),
                a.error(), a.decidingRules());
        assertThat(ParametersOnce.sameConclusions(a, fewerFirings)).isFalse();
        rules.dispose();
    }

    private static void assertEveryTeacherAsEveryRule(String rule) {
        CompiledRules rules = compile(List.of(rule));
        CompiledRules reference = compile(List.of(rule));
        List<TeacherCase> cases = teachers(term());
        // the two younger teachers first: the parameter rules fire once for them
        for (TeacherCase c : List.of(cases.get(0), cases.get(1))) {
            assertThat(ParametersOnce.sameConclusions(rules.evaluate(c, SessionLimits.DEFAULT), reference.everyRule(c, SessionLimits.DEFAULT))).isTrue();
        }
        assertThat(rules.firesParametersOnce()).isTrue();
        // an older teacher's rule touches the parameters: that teacher and every one after still get what every rule gives
        for (TeacherCase c : List.of(cases.get(3), cases.get(0), cases.get(2), cases.get(1))) {
            TeacherEvaluation once = rules.evaluate(c, SessionLimits.DEFAULT);
            TeacherEvaluation every = reference.everyRule(c, SessionLimits.DEFAULT);
            assertThat(ParametersOnce.sameConclusions(once, every)).as("teacher aged %d", c.teacher().getAge()).isTrue();
        }
        assertThat(rules.firesParametersOnce()).isFalse();
        rules.dispose();
        reference.dispose();
    }

    private static CompiledRules compile(List<String> extraRules) {
        List<RuleFile> files = new ArrayList<>(RuleSetReader.read(SAMPLE).files());
        for (int i = 0; i < extraRules.size(); i++) {
            String drl = "package cn.yanxiu.rules;\n\nimport cn.yanxiu.rules.vocabulary.*;\n\n" + extraRules.get(i);
            files.add(new RuleFile("extra-" + i + ".drl", drl.getBytes(StandardCharsets.UTF_8), "", null, null));
        }
        CompiledRules.Compilation compilation = CompiledRules.compile(files);
        assertThat(compilation.problems()).isEmpty();
        return compilation.rules();
    }

    private static org.kie.api.KieBase kieBase(CompiledRules rules) {
        try {
            java.lang.reflect.Field field = CompiledRules.class.getDeclaredField("kieBase");
            field.setAccessible(true);
            return (org.kie.api.KieBase) field.get(rules);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Term term() {
        Manifest manifest = RuleSetReader.read(SAMPLE).manifest();
        Manifest.TermSpec spec = manifest.terms().get(0);
        return new Term(spec.id(), manifest.academicYear(), spec.start(), spec.end(), spec.teachingWeeks());
    }

    /** Teachers of several roles and ages (two over 45), some short of hours, one vetoed on ethics. */
    private static List<TeacherCase> teachers(Term term) {
        return List.of(
                teacher(term, "T1", Set.of("教师"), 30, 40, true),
                teacher(term, "T2", Set.of("教导主任", "教师"), 40, 12, true),
                teacher(term, "T3", Set.of("教研组长"), 50, 60, true),
                teacher(term, "T4", Set.of("校长"), 55, 45, false));
    }

    private static TeacherCase teacher(Term term, String id, Set<String> roles, int age, double hours, boolean ethicsMet) {
        Teacher teacher = new Teacher(id, "测试教师", "S", "G", roles, age, age - 22, "", term.getTeachingWeeks(), 1.0);
        List<Activity> activities = new ArrayList<>();
        activities.add(new Activity(id, "自学", term.getStart(), hours / 2, 1));
        activities.add(new Activity(id, "理论学习", term.getStart().plusDays(7), hours / 2, 1));
        for (String type : List.of("听课", "学习笔记", "教学反思", "多媒体课", "教学设计", "研讨课", "教研活动")) {
            activities.add(new Activity(id, type, term.getStart().plusDays(14), 0, (int) hours / 4));
        }
        List<Score> scores = new ArrayList<>();
        for (String kind : List.of("平时检查", "平时检查", "教师自评", "小组互评", "校长导评", "指导组审评")) {
            scores.add(new Score(id, kind, 50 + hours / 2));
        }
        return new TeacherCase(term, teacher, activities, scores, List.of(new EthicsRecord(id, ethicsMet, term.getEnd(), ethicsMet ? "达标" : "体罚学生")),
                List.of(), new GroupRecord("G", 5, 5, 5, 5), new SchoolRecord("S", 1));
    }
}
