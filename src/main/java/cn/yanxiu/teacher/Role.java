package cn.yanxiu.teacher;

import java.util.Arrays;
import java.util.Optional;

/** The posts a teacher can hold (岗位). One person may hold several. Rules see the Chinese label. */
public enum Role {
    PRINCIPAL("校长"),
    SUPERVISING_LEADER("主管领导", "副校长"),
    DIRECTOR_OF_STUDIES("教导主任"),
    GROUP_LEADER("教研组长"),
    HEAD_TEACHER("班主任"),
    TEACHER("教师");

    private final String label;
    private final String[] aliases;

    Role(String label, String... aliases) {
        this.label = label;
        this.aliases = aliases;
    }

    public String label() {
        return label;
    }

    /** Accepts the Chinese label, an alias (副校长) or the English code, case-insensitive. */
    public static Optional<Role> parse(String text) {
        String t = text.strip();
        return Arrays.stream(values())
                .filter(r -> r.label.equals(t) || r.name().equalsIgnoreCase(t) || Arrays.asList(r.aliases).contains(t))
                .findFirst();
    }
}
