package cn.yanxiu.rules;

import cn.yanxiu.rules.vocabulary.CreditRate;
import cn.yanxiu.rules.vocabulary.GradeBand;
import cn.yanxiu.rules.vocabulary.RequirementEffect;
import cn.yanxiu.rules.vocabulary.RoleQuota;
import cn.yanxiu.rules.vocabulary.ScoringItem;
import cn.yanxiu.rules.vocabulary.Weight;
import cn.yanxiu.system.PlainNumbers;
import cn.yanxiu.teacher.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks of the policy a compiled rule set expresses, beyond compiling: weights sum to 100, bands cover
 * 0–100 without gap or overlap and match the manifest's grades, every role has a quota, scoring points sum
 * to 100, one credit rate, every rule names a known policy. Each problem points at the table cell.
 */
final class PolicyChecks {

    private static final Pattern RULE_VALUES = Pattern.compile("// rule values at ([A-Z]+)(\\d+)");

    private final Manifest manifest;
    private final List<RuleFile> files;
    private final Map<Object, String> parameters;
    private final Map<String, String> policyByRule;
    private final List<RuleProblem> problems = new ArrayList<>();

    PolicyChecks(Manifest manifest, List<RuleFile> files, Map<Object, String> parameters, Map<String, String> policyByRule) {
        this.manifest = manifest;
        this.files = files;
        this.parameters = parameters;
        this.policyByRule = policyByRule;
    }

    List<RuleProblem> run() {
        checkPolicies();
        checkWeights();
        checkBands();
        checkQuotas();
        checkScoring();
        checkCreditRate();
        checkEffects();
        return problems;
    }

    private <T> List<T> all(Class<T> type) {
        return parameters.keySet().stream().filter(type::isInstance).map(type::cast).toList();
    }

    private void checkPolicies() {
        policyByRule.forEach((rule, policy) -> {
            if (policy.isEmpty()) {
                problems.add(at(rule, "规则“" + rule + "”缺少 @policy 元数据"));
            } else if (!PolicyCatalog.contains(policy)) {
                problems.add(at(rule, "规则“" + rule + "”的政策编号“" + policy + "”不在政策目录中"));
            }
        });
    }

    private void checkWeights() {
        Map<String, List<Weight>> groups = all(Weight.class).stream()
                .collect(Collectors.groupingBy(Weight::getGroup, LinkedHashMap::new, Collectors.toList()));
        groups.forEach((group, weights) -> {
            double sum = weights.stream().mapToDouble(Weight::getPercent).sum();
            if (Math.abs(sum - GradeBand.FULL_SCORE) > 1e-6) {
                problems.add(at(topmost(weights), "分组“" + group + "”的百分比合计为 " + PlainNumbers.of(sum) + "，应为 " + PlainNumbers.of(GradeBand.FULL_SCORE)));
            }
        });
        for (String required : List.of("最终得分", "年末研修评价得分")) {
            if (!groups.containsKey(required)) {
                problems.add(RuleProblem.inFile("weights.drl.xlsx", "缺少分组“" + required + "”的权重"));
            }
        }
    }

    private void checkBands() {
        List<GradeBand> bands = new ArrayList<>(all(GradeBand.class));
        if (bands.isEmpty()) {
            problems.add(RuleProblem.inFile("bands.drl.xlsx", "没有等级分数段"));
            return;
        }
        bands.sort(Comparator.comparingDouble(GradeBand::getMin));
        if (bands.get(0).getMin() != 0) {
            problems.add(at(bands.get(0), "最低分数段应从 0 分开始，实为 " + PlainNumbers.of(bands.get(0).getMin())));
        }
        for (int i = 0; i < bands.size(); i++) {
            GradeBand b = bands.get(i);
            if (b.getMax() <= b.getMin()) {
                problems.add(at(b, "等级“" + b.getLabel() + "”的最高分 " + PlainNumbers.of(b.getMax()) + " 不大于最低分 " + PlainNumbers.of(b.getMin())));
            }
            if (i + 1 < bands.size()) {
                GradeBand next = bands.get(i + 1);
                if (b.getMax() < next.getMin()) {
                    problems.add(at(next, "分数段有空缺：" + PlainNumbers.of(b.getMax()) + " 至 " + PlainNumbers.of(next.getMin()) + " 分没有等级"));
                } else if (b.getMax() > next.getMin()) {
                    problems.add(at(next, "分数段重叠：“" + b.getLabel() + "”与“" + next.getLabel() + "”在 " + PlainNumbers.of(next.getMin()) + " 至 " + PlainNumbers.of(b.getMax()) + " 分重叠"));
                }
                if (next.getLevel() <= b.getLevel()) {
                    problems.add(at(next, "等级“" + next.getLabel() + "”分数更高，级别应大于“" + b.getLabel() + "”"));
                }
            }
        }
        GradeBand top = bands.get(bands.size() - 1);
        if (top.getMax() != GradeBand.FULL_SCORE) {
            problems.add(at(top, "最高分数段应到 " + PlainNumbers.of(GradeBand.FULL_SCORE) + " 分为止，实为 " + PlainNumbers.of(top.getMax())));
        }
        checkLevels(bands);
        Set<String> labels = bands.stream().map(GradeBand::getLabel).collect(Collectors.toSet());
        if (!labels.equals(Set.copyOf(manifest.grades()))) {
            problems.add(RuleProblem.inFile("manifest.yaml", "grades " + manifest.grades() + " 与分数段的等级 " + labels + " 不一致"));
        }
    }

    private void checkQuotas() {
        Set<String> covered = all(RoleQuota.class).stream().map(RoleQuota::getRole).collect(Collectors.toSet());
        for (Role role : Role.values()) {
            if (!covered.contains(role.label())) {
                problems.add(RuleProblem.inFile("quotas.drl.xlsx", "岗位“" + role.label() + "”没有听课指标"));
            }
        }
        for (RoleQuota q : all(RoleQuota.class)) {
            if (Role.parse(q.getRole()).isEmpty()) {
                problems.add(at(q, "未知岗位“" + q.getRole() + "”"));
            }
            if (q.getLessonsPerWeek() < 0) {
                problems.add(at(q, "听课节数不能为负"));
            }
        }
    }

    private void checkScoring() {
        List<ScoringItem> items = all(ScoringItem.class);
        double points = items.stream().mapToDouble(ScoringItem::getPoints).sum();
        if (!items.isEmpty() && Math.abs(points - GradeBand.FULL_SCORE) > 1e-6) {
            problems.add(at(items.get(0), "量化考核各项分值合计为 " + PlainNumbers.of(points) + "，应为 " + PlainNumbers.of(GradeBand.FULL_SCORE)));
        }
        for (ScoringItem item : items) {
            if (item.getRules().isEmpty()) {
                problems.add(at(item, "项目“" + item.getItem() + "”没有计分依据（要求规则名）"));
            }
            for (String rule : item.getRules()) {
                if (!policyByRule.containsKey(rule)) {
                    problems.add(at(item, "计分依据“" + rule + "”不是本规则集中的规则名"));
                }
            }
        }
    }

    private void checkCreditRate() {
        List<CreditRate> rates = all(CreditRate.class);
        if (rates.size() != 1) {
            problems.add(RuleProblem.inFile("credits.drl.xlsx", "应有且只有一个学时学分换算比例，实有 " + rates.size() + " 个"));
        } else if (rates.get(0).getHoursPerCredit() <= 0) {
            problems.add(at(rates.get(0), "每学分学时数应大于 0"));
        }
    }

    private void checkEffects() {
        Set<String> kinds = Set.of(RequirementEffect.HARD, RequirementEffect.NOT_TOP, RequirementEffect.POINTS_ONLY);
        for (RequirementEffect e : all(RequirementEffect.class)) {
            if (e.getEffect() == null || !kinds.contains(e.getEffect().strip())) {
                problems.add(at(e, "“未达标时”应为“" + String.join("”“", List.of(RequirementEffect.HARD, RequirementEffect.NOT_TOP, RequirementEffect.POINTS_ONLY))
                        + "”之一，实为“" + e.getEffect() + "”"));
            }
            if (!PolicyCatalog.contains(e.getPolicy())) {
                problems.add(at(e, "政策编号“" + e.getPolicy() + "”不在政策目录中"));
            }
        }
    }

    /** The level columns must read 是 or 否; the lowest level must not pass (a veto and a hard requirement put a teacher there). */
    private void checkLevels(List<GradeBand> bands) {
        for (GradeBand b : bands) {
            Map<String, String> cells = new LinkedHashMap<>();
            cells.put("考评通过", b.getPassesText());
            cells.put("发证", b.getCertificateText());
            cells.put("认定学时", b.getHoursRecognisedText());
            cells.put("可参与职称评审", b.getTitleReviewText());
            cells.put("年度考核可评优秀", b.getAnnualExcellenceText());
            cells.forEach((column, cell) -> {
                if (!GradeBand.isYesOrNo(cell)) {
                    problems.add(at(b, "等级“" + b.getLabel() + "”的“" + column + "”应为“是”或“否”，实为“" + cell + "”"));
                }
            });
        }
        GradeBand lowest = bands.stream().min(Comparator.comparingInt(GradeBand::getLevel)).orElseThrow();
        if (lowest.isPassing()) {
            problems.add(at(lowest, "最低等级“" + lowest.getLabel() + "”的“考评通过”应为“否”：一票否决与硬性要求未达标都评为最低等级"));
        }
    }

    RuleProblem locate(String rule) {
        return at(rule, "");
    }

    /** Of several parameters, the one written highest in its table, so a problem points at the group's first row. */
    private Object topmost(List<?> params) {
        return params.stream().min(Comparator.comparingInt(p -> {
            String location = at(p, "").location();
            String digits = location.replaceAll(".*?(\\d+)$", "$1");
            return digits.matches("\\d+") ? Integer.parseInt(digits) : Integer.MAX_VALUE;
        })).orElseThrow();
    }

    private RuleProblem at(Object parameter, String message) {
        return at(parameters.get(parameter), message);
    }

    /** The decision-table row (or DRL line) where a rule is written. */
    private RuleProblem at(String rule, String message) {
        for (RuleFile f : files) {
            String[] lines = f.compiledText().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].strip().equals("rule \"" + rule + "\"")) {
                    if (f.isDecisionTable() && i > 0) {
                        Matcher m = RULE_VALUES.matcher(lines[i - 1]);
                        if (m.find()) {
                            return RuleProblem.inCell(f.name(), f.sheet(), m.group(1) + m.group(2), message);
                        }
                    }
                    return RuleProblem.at(f.name(), i + 1, 1, message);
                }
            }
        }
        return RuleProblem.inFile("?", message);
    }


    static List<String> roleLabels() {
        return Arrays.stream(Role.values()).map(Role::label).toList();
    }
}
