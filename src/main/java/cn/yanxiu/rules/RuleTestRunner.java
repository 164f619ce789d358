package cn.yanxiu.rules;

import cn.yanxiu.rules.vocabulary.Activity;
import cn.yanxiu.rules.vocabulary.EthicsRecord;
import cn.yanxiu.rules.vocabulary.Finding;
import cn.yanxiu.rules.vocabulary.GroupRecord;
import cn.yanxiu.rules.vocabulary.SchoolRecord;
import cn.yanxiu.rules.vocabulary.Score;
import cn.yanxiu.rules.vocabulary.Teacher;
import cn.yanxiu.rules.vocabulary.Term;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Runs a rule set's own test cases ({@code tests/*.yaml}): given a teacher, activity totals, scores and
 * ethics, expect a grade, findings by policy, veto, certificate, credits or final score. Each file has
 * {@code defaults} (a teacher who meets everything) that each case overrides, so a case says only what differs.
 */
public final class RuleTestRunner {

    public record Report(List<String> lines, int passed, int failed) {
    }

    private final RuleSet rules;

    public RuleTestRunner(RuleSet rules) {
        this.rules = rules;
    }

    public Report run(Path testsDir) {
        List<String> lines = new ArrayList<>();
        int passed = 0;
        int failed = 0;
        List<Path> files;
        try (Stream<Path> list = Files.exists(testsDir) ? Files.list(testsDir) : Stream.empty()) {
            files = list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            lines.add(testsDir + ": 无法读取测试：" + e.getMessage());
            return new Report(lines, 0, 1);
        }
        if (files.isEmpty()) {
            lines.add(testsDir + ": 没有测试用例（tests/*.yaml）");
            return new Report(lines, 0, 1);
        }
        for (Path file : files) {
            Map<String, Object> suite;
            try {
                suite = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
            } catch (IOException | RuntimeException e) {
                lines.add("✘ " + file.getFileName() + ": 无法读取：" + e.getMessage());
                failed++;
                continue;
            }
            Map<String, Object> defaults = map(suite.get("defaults"));
            if (isBaseline(defaults.get("baseline"))) {
                try {
                    defaults = withBaseline(defaults);
                    lines.add("· " + file.getFileName() + " 基线教师（恰好达标，按本规则集的参数推算）：" + describe(map(defaults.get("activities"))));
                } catch (RuleRunStuck e) {
                    lines.add("✘ " + file.getFileName() + ": 推算基线教师时：" + e.getMessage());
                    return new Report(lines, passed, failed + 1);
                } catch (RuntimeException e) {
                    lines.add("✘ " + file.getFileName() + ": 无法推算基线教师：" + e.getMessage());
                    failed++;
                    continue;
                }
            }
            for (Object c : list(suite.get("cases"))) {
                Map<String, Object> testCase = map(c);
                String name = file.getFileName() + " › " + testCase.get("name");
                try {
                    List<String> mismatches = check(merge(defaults, testCase), map(testCase.get("expect")));
                    if (mismatches.isEmpty()) {
                        passed++;
                        lines.add("✔ " + name);
                    } else {
                        failed++;
                        lines.add("✘ " + name);
                        mismatches.forEach(m -> lines.add("    " + m));
                    }
                } catch (RuleRunStuck e) {
                    failed++;
                    lines.add("✘ " + name + "：" + e.getMessage());
                    return new Report(lines, passed, failed);
                } catch (RuntimeException e) {
                    failed++;
                    lines.add("✘ " + name + "：用例写法有误：" + e.getMessage());
                }
            }
        }
        return new Report(lines, passed, failed);
    }

    /**
     * Whether a tests file can be read as rule tests: YAML, a map with a {@code cases} list of maps each with a
     * {@code name}. The problem, with its line where YAML gives one, or empty when readable.
     */
    public static java.util.Optional<RuleProblem> readable(String yaml) {
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (org.yaml.snakeyaml.error.MarkedYAMLException e) {
            org.yaml.snakeyaml.error.Mark mark = e.getProblemMark();
            return java.util.Optional.of(RuleProblem.at("tests/policies.yaml", mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1,
                    "YAML 格式错误：" + e.getProblem()));
        } catch (RuntimeException e) {
            return java.util.Optional.of(RuleProblem.inFile("tests/policies.yaml", "无法读取：" + e.getMessage()));
        }
        if (!(loaded instanceof Map<?, ?> suite) || !(suite.get("cases") instanceof List<?> cases) || cases.isEmpty()) {
            return java.util.Optional.of(RuleProblem.inFile("tests/policies.yaml", "应有 cases: 用例列表（可选 defaults:）"));
        }
        for (int i = 0; i < cases.size(); i++) {
            if (!(cases.get(i) instanceof Map<?, ?> c) || c.get("name") == null) {
                return java.util.Optional.of(RuleProblem.inFile("tests/policies.yaml", "第 " + (i + 1) + " 个用例缺少 name"));
            }
        }
        return java.util.Optional.empty();
    }

    /** How many additions the baseline may take: one per requirement is plenty for any real rule set. */
    private static final int BASELINE_STEPS = 200;

    private static boolean isBaseline(Object value) {
        return Boolean.TRUE.equals(value) || "恰好达标".equals(value);
    }

    /**
     * The defaults with the activities of a teacher who meets every requirement exactly, derived from this rule
     * set: start with no activities, and repeatedly add the missing amount of the requirement that misses by
     * least, of the activity type its rule names (Finding.metBy). The defaults' own activities then overlay it.
     * Changing one number in the rule set changes the baseline with it, so only the cases about that number fail.
     */
    private Map<String, Object> withBaseline(Map<String, Object> defaults) {
        Map<String, Object> activities = new LinkedHashMap<>();
        for (int step = 0; step < BASELINE_STEPS; step++) {
            Map<String, Object> merged = new LinkedHashMap<>(activities);
            merged.putAll(map(defaults.get("activities")));
            Map<String, Object> given = merge(Map.of(), defaults);
            given.put("activities", merged);
            TeacherEvaluation result = rules.evaluateWithEveryRule(build(given));
            if (result.error() != null) {
                throw new IllegalStateException(result.error());
            }
            Finding next = result.findings().stream().filter(f -> f.isMissed() && f.getMetBy() != null)
                    .min(java.util.Comparator.comparingDouble((Finding f) -> f.getRequired() - f.getActual()).thenComparing(Finding::getRule))
                    .orElse(null);
            if (next == null) {
                Map<String, Object> withActivities = new LinkedHashMap<>(defaults);
                withActivities.put("activities", merged);
                return withActivities;
            }
            double missing = next.getRequired() - next.getActual();
            Object had = activities.get(next.getMetBy());
            if ("学时".equals(next.getUnit())) {
                double hours = had instanceof Map<?, ?> m ? number(m.get("hours")) : 0;
                activities.put(next.getMetBy(), Map.of("hours", Math.round((hours + missing) * 100) / 100.0));
            } else {
                int quantity = had instanceof Number n ? n.intValue() : 0;
                activities.put(next.getMetBy(), quantity + (int) Math.ceil(missing - 1e-9));
            }
        }
        throw new IllegalStateException("补足 " + BASELINE_STEPS + " 次后仍有要求未达标：请检查 metBy 指向的活动类型是否计入该要求");
    }

    private static String describe(Map<String, Object> activities) {
        List<String> parts = new ArrayList<>();
        activities.forEach((type, amount) -> parts.add(type + " " + (amount instanceof Map<?, ?> m
                ? cn.yanxiu.system.PlainNumbers.of(number(m.get("hours"))) + " 学时" : amount)));
        return String.join("、", parts);
    }

    /** A case's facts: the defaults with the case's own teacher fields, activities and scores laid over them. */
    private static Map<String, Object> merge(Map<String, Object> defaults, Map<String, Object> testCase) {
        Map<String, Object> merged = new LinkedHashMap<>();
        for (String key : List.of("teacher", "activities", "scores", "group", "school")) {
            Map<String, Object> m = new LinkedHashMap<>(map(defaults.get(key)));
            m.putAll(map(testCase.get(key)));
            merged.put(key, m);
        }
        merged.put("ethics", testCase.getOrDefault("ethics", defaults.getOrDefault("ethics", "达标")));
        merged.put("earlierHours", testCase.getOrDefault("earlierHours", defaults.getOrDefault("earlierHours", 0)));
        return merged;
    }

    private List<String> check(Map<String, Object> given, Map<String, Object> expect) {
        TeacherCase teacherCase = build(given);
        TeacherEvaluation result = rules.evaluateWithEveryRule(teacherCase);
        List<String> mismatches = new ArrayList<>();
        if (result.error() != null) {
            mismatches.add("规则出错：" + result.error());
            return mismatches;
        }
        if (expect.containsKey("grade") && !expect.get("grade").equals(result.grade())) {
            mismatches.add("等级：期望 " + expect.get("grade") + "，实际 " + result.grade() + "（由 " + result.decidedBy() + " 决定，最终得分 " + result.finalScore() + "）");
        }
        if (expect.containsKey("gradeBelow")) {
            // "不得评优秀": the grade is lower than the named one, whatever levels the year has below it
            String above = String.valueOf(expect.get("gradeBelow"));
            List<String> grades = rules.manifest().grades();
            if (!grades.contains(above)) {
                mismatches.add("gradeBelow：“" + above + "”不是 manifest.yaml 的等级之一");
            } else if (grades.indexOf(result.grade()) <= grades.indexOf(above)) {
                mismatches.add("等级：期望低于 " + above + "，实际 " + result.grade() + "（由 " + result.decidedBy() + " 决定，最终得分 " + result.finalScore() + "）");
            }
        }
        if (expect.containsKey("vetoed") && !expect.get("vetoed").equals(result.vetoed())) {
            mismatches.add("一票否决：期望 " + expect.get("vetoed") + "，实际 " + result.vetoed());
        }
        if (expect.containsKey("certificate") && !expect.get("certificate").equals(result.eligible("证书"))) {
            mismatches.add("证书：期望 " + expect.get("certificate") + "，实际 " + result.eligible("证书"));
        }
        if (expect.containsKey("finalScore") && Math.abs(number(expect.get("finalScore")) - result.finalScore()) > 0.005) {
            mismatches.add("最终得分：期望 " + expect.get("finalScore") + "，实际 " + result.finalScore());
        }
        if (expect.containsKey("credits") && Math.abs(number(expect.get("credits")) - result.credit().getCredits()) > 0.05) {
            mismatches.add("学分：期望 " + expect.get("credits") + "，实际 " + result.credit().getCredits());
        }
        map(expect.get("findings")).forEach((policy, status) -> {
            List<Finding> of = result.findings().stream().filter(f -> f.getPolicy().equals(policy)).toList();
            String actual = of.isEmpty() ? "无结论" : of.stream().anyMatch(Finding::isMissed) ? Finding.MISSED
                    : of.stream().allMatch(f -> f.getStatus().equals(Finding.INFO)) ? Finding.INFO : Finding.MET;
            if (!actual.equals(status)) {
                mismatches.add(policy + "：期望 " + status + "，实际 " + actual + " " + of.stream().map(Finding::getMessage).toList());
            }
        });
        for (Object policy : list(expect.get("fired"))) {
            if (result.trace().stream().noneMatch(r -> r.policy().equals(policy))) {
                mismatches.add("期望有 " + policy + " 的规则触发，实际没有");
            }
        }
        return mismatches;
    }

    private TeacherCase build(Map<String, Object> given) {
        Manifest.TermSpec spec = rules.manifest().terms().get(0);
        Term term = new Term(spec.id(), rules.manifest().academicYear(), spec.start(), spec.end(), spec.teachingWeeks());
        Map<String, Object> t = map(given.get("teacher"));
        int dutyWeeks = ((Number) t.getOrDefault("dutyWeeks", spec.teachingWeeks())).intValue();
        List<String> roles = list(t.getOrDefault("roles", List.of("教师"))).stream().map(String::valueOf).toList();
        String id = "CASE";
        Teacher teacher = new Teacher(id, String.valueOf(t.getOrDefault("name", "测试教师")), "S", "G", new HashSet<>(roles),
                ((Number) t.getOrDefault("age", 40)).intValue(), ((Number) t.getOrDefault("teachingYears", 10)).intValue(),
                String.valueOf(t.getOrDefault("backboneLevel", "")), dutyWeeks, dutyWeeks / (double) spec.teachingWeeks());
        List<Activity> activities = new ArrayList<>();
        map(given.get("activities")).forEach((type, amount) -> {
            Map<String, Object> a = amount instanceof Map<?, ?> ? map(amount) : Map.of("quantity", amount);
            activities.add(new Activity(id, type, spec.start(), number(a.getOrDefault("hours", 0)), (int) number(a.getOrDefault("quantity", 1))));
        });
        List<Score> scores = new ArrayList<>();
        map(given.get("scores")).forEach((kind, value) -> {
            for (Object v : value instanceof List<?> l ? l : List.of(value)) {
                scores.add(new Score(id, kind, number(v)));
            }
        });
        List<EthicsRecord> ethics = List.of(new EthicsRecord(id, !"不达标".equals(given.get("ethics")), spec.end(), "测试用例中的师德记录"));
        Map<String, Object> g = map(given.get("group"));
        GroupRecord group = new GroupRecord("G", (int) number(g.getOrDefault("researchActivities", 10)), (int) number(g.getOrDefault("theoryStudySessions", 10)),
                (int) number(g.getOrDefault("monthsWithTheoryStudy", 5)), (int) number(g.getOrDefault("termMonths", 5)));
        SchoolRecord school = new SchoolRecord("S", (int) number(map(given.get("school")).getOrDefault("trainings", 1)));
        double earlier = number(given.get("earlierHours"));
        List<cn.yanxiu.rules.vocabulary.EarlierHours> earlierHours = earlier > 0
                ? List.of(new cn.yanxiu.rules.vocabulary.EarlierHours(id, "earlier", earlier, 0)) : List.of();
        return new TeacherCase(term, teacher, activities, scores, ethics, earlierHours, group, school);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : List.of();
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(o));
    }
}
