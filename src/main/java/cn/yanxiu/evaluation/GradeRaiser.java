package cn.yanxiu.evaluation;

import cn.yanxiu.activity.ActivityType;
import cn.yanxiu.rules.RuleSet;
import cn.yanxiu.rules.TeacherCase;
import cn.yanxiu.rules.TeacherEvaluation;
import cn.yanxiu.rules.vocabulary.Activity;
import cn.yanxiu.rules.vocabulary.Finding;
import cn.yanxiu.system.PlainNumbers;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the smallest additions to a teacher's logs that raise the grade one level, by asking the rules
 * again on modified facts: at each step it adds one unit (an hour, or one record) of the activity type
 * that helps most, until the grade rises. No hand-written hints: whatever the rule set says is what counts.
 */
public final class GradeRaiser {

    /** Types logged in hours; the rest are counted. */
    static final Set<ActivityType> HOURS = EnumSet.of(ActivityType.CENTRAL_STUDY, ActivityType.SELF_STUDY, ActivityType.THEORY_STUDY,
            ActivityType.ETHICS_STUDY, ActivityType.ONLINE_STUDY, ActivityType.OUTSIDE_TRAINING, ActivityType.CENTRALISED_TRAINING,
            ActivityType.SCHOOL_TRAINING);

    private static final int MAX_STEPS = 300;

    /** The additions found (type label → amount) and the evaluation they lead to; {@code reached} is false if none raise the grade. */
    public record Suggestion(Map<String, Double> additions, TeacherEvaluation result, boolean reached, String reason) {

        public String describe() {
            if (!reached) {
                if (!additions.isEmpty() && result.finalScore() != null) {
                    return reason + String.format("：即使补齐可补的活动，最终得分最多 %.2f，仍为 %s", result.finalScore(), result.grade());
                }
                return reason;
            }
            List<String> parts = new ArrayList<>();
            additions.forEach((type, amount) -> parts.add(type + " " + PlainNumbers.of(amount) + " " + unitOf(type)));
            return "再增加 " + String.join("、", parts) + "，可评为 " + result.grade() + "（已用规则重新计算：最终得分 " + result.finalScore() + "）";
        }
    }

    private GradeRaiser() {
    }

    public static Suggestion raise(RuleSet rules, TeacherCase teacherCase, TeacherEvaluation current) {
        if (current.error() != null) {
            return new Suggestion(Map.of(), current, false, "规则出错，无法推算");
        }
        if (current.vetoed()) {
            return new Suggestion(Map.of(), current, false, "师德一票否决（G5）：增加研修活动不能改变等级");
        }
        int target = current.gradeLevel() + 1;
        Map<String, Double> added = new LinkedHashMap<>();
        TeacherEvaluation best = current;
        for (int step = 0; step < MAX_STEPS && best.gradeLevel() < target; step++) {
            String bestType = null;
            TeacherEvaluation bestNext = null;
            for (ActivityType type : ActivityType.values()) {
                if (type == ActivityType.RESEARCH_ACTIVITY_ABSENCE) {
                    continue;
                }
                Map<String, Double> trial = new LinkedHashMap<>(added);
                trial.merge(type.label(), 1.0, Double::sum);
                TeacherEvaluation next = rules.evaluate(teacherCase.withMoreActivities(activities(teacherCase, trial)));
                if (next.error() == null && better(next, bestNext == null ? best : bestNext)) {
                    bestType = type.label();
                    bestNext = next;
                }
            }
            if (bestType == null) {
                break;
            }
            added.merge(bestType, 1.0, Double::sum);
            best = bestNext;
        }
        if (best.gradeLevel() >= target) {
            TeacherEvaluation trimmed = trim(rules, teacherCase, added, target);
            return new Suggestion(added, trimmed == null ? best : trimmed, true, null);
        }
        if (current.gradeLevel() >= maxLevel(rules)) {
            return new Suggestion(Map.of(), current, false, "已是最高等级");
        }
        return new Suggestion(added, best, false, "仅增加研修活动不能提高等级（差距在评分或其他方面）");
    }

    /**
     * The search adds whole units; an hour minimum may need less (39.5 of 40 h needs 0.5 more). Each addition is
     * cut back to the smallest amount — to a tenth of an hour, or a whole record — that still reaches the target.
     * Returns the evaluation with the trimmed additions (null when nothing could be cut).
     */
    private static TeacherEvaluation trim(RuleSet rules, TeacherCase c, Map<String, Double> added, int target) {
        TeacherEvaluation last = null;
        for (String type : List.copyOf(added.keySet())) {
            boolean hours = ActivityType.parse(type).map(HOURS::contains).orElse(false);
            double step = hours ? 0.1 : 1;
            int low = 0;
            int high = (int) Math.round(added.get(type) / step);
            while (low < high) {
                int mid = (low + high) / 2;
                Map<String, Double> trial = new LinkedHashMap<>(added);
                trial.put(type, mid * step);
                trial.values().removeIf(v -> v <= 0);
                TeacherEvaluation next = rules.evaluate(c.withMoreActivities(activities(c, trial)));
                if (next.error() == null && next.gradeLevel() >= target) {
                    high = mid;
                    last = next;
                } else {
                    low = mid + 1;
                }
            }
            double amount = Math.round(high * step * 10) / 10.0;
            if (amount <= 0) {
                added.remove(type);
            } else {
                added.put(type, amount);
            }
        }
        return last == null ? null : rules.evaluate(c.withMoreActivities(activities(c, added)));
    }

    private static int maxLevel(RuleSet rules) {
        return rules.manifest().grades().size();
    }

    private static List<Activity> activities(TeacherCase c, Map<String, Double> additions) {
        List<Activity> list = new ArrayList<>();
        additions.forEach((label, amount) -> {
            ActivityType type = ActivityType.parse(label).orElseThrow();
            boolean hours = HOURS.contains(type);
            list.add(new Activity(c.teacher().getId(), label, c.term().getStart(), hours ? amount : 0, hours ? 1 : (int) Math.round(amount)));
        });
        return list;
    }

    /** Higher grade first, then fewer missed requirements, then a smaller total shortfall, then a higher score. */
    static boolean better(TeacherEvaluation a, TeacherEvaluation b) {
        if (a.gradeLevel() != b.gradeLevel()) {
            return a.gradeLevel() > b.gradeLevel();
        }
        long missedA = a.findings().stream().filter(Finding::isMissed).count();
        long missedB = b.findings().stream().filter(Finding::isMissed).count();
        if (missedA != missedB) {
            return missedA < missedB;
        }
        double shortA = shortfall(a);
        double shortB = shortfall(b);
        if (Math.abs(shortA - shortB) > 1e-9) {
            return shortA < shortB;
        }
        return a.finalScore() != null && b.finalScore() != null && a.finalScore() > b.finalScore() + 1e-9;
    }

    private static double shortfall(TeacherEvaluation e) {
        return e.findings().stream().filter(Finding::isMissed)
                .mapToDouble(f -> Math.max(0, f.getRequired() - f.getActual()) / Math.max(1, Math.abs(f.getRequired()))).sum();
    }

    static String unitOf(String label) {
        ActivityType type = ActivityType.parse(label).orElse(null);
        if (type != null && HOURS.contains(type)) {
            return "学时";
        }
        return switch (label) {
            case "听课", "多媒体课", "研讨课", "评优课", "公开课", "示范课" -> "节";
            case "教学反思", "学习笔记", "教学设计", "论文" -> "篇";
            default -> "次";
        };
    }

}
