package cn.yanxiu.activity;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every kind of activity a teacher's log may hold, covering each activity named in the policy catalog.
 * Rules see the Chinese label ({@code type == "自学"}); which types count toward which requirement is
 * decided in the rule files, not here.
 */
public enum ActivityType {
    CENTRAL_STUDY("集中学习"),
    SELF_STUDY("自学"),
    THEORY_STUDY("理论学习"),
    ETHICS_STUDY("师德学习"),
    ONLINE_STUDY("网络研修"),
    OUTSIDE_TRAINING("外出培训"),
    CENTRALISED_TRAINING("集中培训"),
    OBSERVATION("听课"),
    OPEN_LESSON("公开课"),
    RESEARCH_LESSON("研讨课"),
    EVALUATED_LESSON("评优课"),
    DEMONSTRATION_LESSON("示范课"),
    REFLECTION("教学反思"),
    STUDY_NOTES("学习笔记"),
    TEACHING_DESIGN("教学设计"),
    MULTIMEDIA_LESSON("多媒体课"),
    RESEARCH_ACTIVITY("教研活动"),
    RESEARCH_ACTIVITY_ABSENCE("教研活动缺勤"),
    SCHOOL_TRAINING("全校培训"),
    RESEARCH_TOPIC("研修课题"),
    PAPER("论文"),
    AWARD("获奖"),
    MENTORING("师徒结对"),
    WHITEBOARD("电子白板"),
    MICRO_LESSON("微课");

    private final String label;

    ActivityType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Accepts the Chinese label or the English code; "教学设计+课件" is the label as schools write it. */
    public static Optional<ActivityType> parse(String text) {
        String t = text.strip();
        if (t.equals("教学设计+课件") || t.equals("教学设计及课件")) {
            return Optional.of(TEACHING_DESIGN);
        }
        return Arrays.stream(values()).filter(a -> a.label.equals(t) || a.name().equalsIgnoreCase(t)).findFirst();
    }
}
