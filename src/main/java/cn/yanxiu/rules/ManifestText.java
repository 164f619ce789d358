package cn.yanxiu.rules;

/** Writes a manifest as the YAML an administrator would: academic year, terms, grades from best to worst. */
final class ManifestText {

    private ManifestText() {
    }

    static String of(Manifest m) {
        StringBuilder y = new StringBuilder();
        y.append("# ").append(m.academicYear()).append(" 学年校本研修规则集 — manifest\n");
        y.append("academicYear: ").append(quoted(m.academicYear())).append('\n');
        y.append("terms:\n");
        for (Manifest.TermSpec t : m.terms()) {
            y.append("  - id: ").append(quoted(t.id())).append('\n');
            y.append("    name: ").append(quoted(t.name())).append('\n');
            y.append("    start: ").append(t.start()).append('\n');
            y.append("    end: ").append(t.end()).append('\n');
            y.append("    teachingWeeks: ").append(t.teachingWeeks()).append('\n');
        }
        y.append("# 等级从高到低；须与 bands.drl.xlsx 的等级一致\n");
        y.append("grades:\n");
        for (String g : m.grades()) {
            y.append("  - ").append(quoted(g)).append('\n');
        }
        return y.toString();
    }

    /** A YAML double-quoted scalar: whatever was typed stays text, never YAML syntax. */
    private static String quoted(String value) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : (value == null ? "" : value).toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        q.append(' ');
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
