package cn.yanxiu.teacher;

import java.util.Arrays;
import java.util.Optional;

/** Kinds of school in a county. */
public enum SchoolKind {
    PRIMARY("小学"),
    JUNIOR("初中"),
    SENIOR("高中"),
    NINE_YEAR("九年一贯制");

    private final String label;

    SchoolKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<SchoolKind> parse(String text) {
        String t = text.strip();
        return Arrays.stream(values()).filter(k -> k.label.equals(t) || k.name().equalsIgnoreCase(t)).findFirst();
    }
}
