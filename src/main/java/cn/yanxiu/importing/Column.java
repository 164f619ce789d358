package cn.yanxiu.importing;

import java.util.List;
import java.util.Locale;

/** A column an import understands: its Chinese header, English aliases, and whether it must be present. */
record Column(String header, List<String> aliases, boolean required) {

    static Column required(String header, String... aliases) {
        return new Column(header, List.of(aliases), true);
    }

    static Column optional(String header, String... aliases) {
        return new Column(header, List.of(aliases), false);
    }

    boolean matches(String text) {
        String t = text.strip();
        return header.equals(t) || aliases.stream().anyMatch(a -> a.equalsIgnoreCase(t.toLowerCase(Locale.ROOT)));
    }
}
