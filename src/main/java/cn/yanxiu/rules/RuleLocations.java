package cn.yanxiu.rules;

import java.io.ByteArrayInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/** Where a rule is written: {@code file:line} in a DRL file, {@code file!sheet!cell} for a decision-table row. */
public final class RuleLocations {

    private static final Pattern RULE_VALUES = Pattern.compile("// rule values at ([A-Z]+\\d+)");

    private RuleLocations() {
    }

    /**
     * @param name   the file name
     * @param text   the compiled text (the DRL, or the DRL generated from a decision table)
     * @param xlsx   the table's bytes for a decision table, else null
     */
    public static String find(String rule, String name, String text, byte[] xlsx) {
        return find(rule, name, text, xlsx == null ? null : (java.util.function.Supplier<String>) () -> firstSheet(xlsx));
    }

    /** The same, with the decision table's sheet name supplied by the caller (who may have read it once for many rules). */
    public static String find(String rule, String name, String text, java.util.function.Supplier<String> sheet) {
        String header = "rule \"" + rule + "\"";
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().startsWith(header)) {
                if (sheet != null && i > 0) {
                    Matcher m = RULE_VALUES.matcher(lines[i - 1]);
                    if (m.find()) {
                        return name + "!" + sheet.get() + "!" + m.group(1);
                    }
                }
                return name + ":" + (i + 1);
            }
        }
        return null;
    }

    /** The first sheet's name of a decision table, "?" when it cannot be read. */
    public static String firstSheet(byte[] xlsx) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            return workbook.getSheetName(0);
        } catch (Exception e) {
            return "?";
        }
    }
}
