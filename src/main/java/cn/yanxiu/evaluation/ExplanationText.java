package cn.yanxiu.evaluation;

import cn.yanxiu.system.PlainNumbers;
import cn.yanxiu.system.TerminalText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders an explanation as the Chinese text an auditor reads in a terminal. */
public final class ExplanationText {

    private ExplanationText() {
    }

    public static String render(Explanation e) {
        StringBuilder t = new StringBuilder();
        t.append("教师 ").append(e.teacherId()).append(' ').append(e.name()).append("（").append(e.school()).append("）  学期 ").append(e.term());
        t.append(e.runId() == null ? "  （按规则集即时计算，未保存）" : "  运行 #" + e.runId()).append('\n');
        t.append("规则集哈希：").append(e.ruleSetHash()).append('\n');
        if (e.ruleError() != null) {
            t.append("规则出错：").append(e.ruleError()).append('\n');
            return t.toString();
        }
        t.append("等级：").append(e.grade()).append("（由 ").append(e.decidedBy()).append(" 决定）\n");
        if (e.veto() != null) {
            t.append("一票否决（G5）：").append(e.veto()).append('\n');
        }
        t.append("决定等级的规则：\n");
        for (Explanation.FiredRuleView r : e.decidingRules()) {
            t.append("  ★ ");
            ruleLine(t, r);
            r.facts().forEach(fact -> t.append("        匹配：").append(fact).append('\n'));
        }
        t.append("\n一、得分计算\n");
        Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
        for (Map<String, Object> line : e.scoreLines()) {
            sections.computeIfAbsent((String) line.get("section"), k -> new ArrayList<>()).add(line);
        }
        // the same order for every teacher (the engine returns the items in no fixed order)
        List<Map<String, Object>> items = new ArrayList<>(sections.getOrDefault("量化考核", List.of()));
        items.sort(java.util.Comparator.comparing(i -> String.valueOf(i.get("item"))));
        if (!items.isEmpty()) {
            t.append("  量化考核（各项：实际 / 要求 → 得分 / 分值）\n");
            int width = items.stream().mapToInt(i -> TerminalText.width(String.valueOf(i.get("item")))).max().orElse(0) + 2;
            double sum = 0;
            for (Map<String, Object> i : items) {
                sum += num(i.get("contribution"));
                t.append("    ").append(TerminalText.left(String.valueOf(i.get("item")), width))
                        .append(String.format("%7s / %-7s → %6.2f / %s%n", PlainNumbers.of(num(i.get("value"))),
                                i.get("required") == null ? "不适用" : PlainNumbers.of(num(i.get("required"))), num(i.get("contribution")),
                                PlainNumbers.of(num(i.get("weight")))));
            }
            t.append(String.format("    量化考核合计 = %.2f%n", sum));
        }
        for (String section : List.of("平时研修检查得分", "年末研修评价得分", "最终得分")) {
            List<Map<String, Object>> lines = sections.getOrDefault(section, List.of());
            if (lines.isEmpty()) {
                continue;
            }
            List<String> terms = new ArrayList<>();
            for (Map<String, Object> l : lines) {
                terms.add(String.format("%s %.2f × %s%%", l.get("item"), num(l.get("value")), PlainNumbers.of(num(l.get("weight")))));
            }
            Double value = switch (section) {
                case "平时研修检查得分" -> e.routineScore();
                case "年末研修评价得分" -> e.yearEndScore();
                default -> e.finalScore();
            };
            t.append("  ").append(section).append(" = ").append(String.join(" + ", terms)).append(String.format(" = %.2f%n", value));
        }
        t.append("\n二、各项要求\n");
        for (Map<String, Object> f : e.findings()) {
            String status = (String) f.get("status");
            String mark = "达标".equals(status) ? "✔" : "未达标".equals(status) ? "✘" : "·";
            t.append("  ").append(mark).append(' ').append(f.get("policy")).append(' ').append(status).append("：").append(f.get("message"))
                    .append("  〔").append(f.get("rule")).append("〕\n");
        }
        t.append("\n三、资格与后果\n");
        if (e.hoursRecognised() != null) {
            t.append("  认定学时 ").append(PlainNumbers.of(e.hoursRecognised())).append("，学分 ").append(PlainNumbers.of(e.credits())).append('\n');
        }
        for (Map<String, Object> el : e.eligibilities()) {
            t.append("  ").append(Boolean.TRUE.equals(el.get("eligible")) ? "✔ 可" : "✘ 不可").append(' ').append(el.get("what"))
                    .append("（").append(el.get("policy")).append("）：").append(el.get("reason")).append('\n');
        }
        t.append("\n四、触发的其他规则\n");
        for (Explanation.FiredRuleView r : e.otherRules()) {
            t.append("    ");
            ruleLine(t, r);
        }
        if (e.raise() != null) {
            t.append(raiseSection(e.raise()));
        }
        return t.toString();
    }

    /** The last section: what would raise the grade (worked out by evaluating the rules again, so it may come later). */
    static String raiseSection(String raise) {
        return "\n五、如何提高一级\n  " + raise + "\n";
    }

    private static void ruleLine(StringBuilder t, Explanation.FiredRuleView r) {
        t.append(r.rule()).append("  ").append(r.location()).append("  政策 ").append(r.policy());
        if (!r.source().isEmpty()) {
            t.append(" ").append(r.policyTitle()).append("〔来源 ").append(r.source()).append("〕");
        }
        if (r.times() > 1) {
            t.append("  ×").append(r.times());
        }
        t.append('\n');
    }

    private static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : 0;
    }
}
