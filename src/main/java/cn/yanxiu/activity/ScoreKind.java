package cn.yanxiu.activity;

import java.util.Arrays;
import java.util.Optional;

/** The score records schools keep: the routine inspection and the four year-end views (G2). */
public enum ScoreKind {
    ROUTINE_INSPECTION("平时检查"),
    SELF("教师自评"),
    PEER("小组互评"),
    PRINCIPAL("校长导评"),
    GUIDANCE("指导组审评");

    private final String label;

    ScoreKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<ScoreKind> parse(String text) {
        String t = text.strip();
        return Arrays.stream(values()).filter(k -> k.label.equals(t) || k.name().equalsIgnoreCase(t)).findFirst();
    }
}
