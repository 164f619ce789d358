package cn.yanxiu.system;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Numbers as a person writes them in a sentence: {@code 40}, not {@code 40.0}; {@code 0.5} stays {@code 0.5}; at most two decimals. */
public final class PlainNumbers {

    private PlainNumbers() {
    }

    /**
     * Formats every number with a decimal point and comma grouping, whatever the machine's locale: a server set to a
     * German or French locale printed the score arithmetic as {@code 25,00} and stored rule messages the same way. These
     * are the Chinese conventions; the US locale is also the one for which the JDK's formatter does not build the
     * locale's symbols again for every {@code String.format}, which the rules' messages call for every teacher. Called
     * first thing at start-up.
     */
    public static void sameOnEveryMachine() {
        Locale.setDefault(Locale.Category.FORMAT, Locale.US);
    }

    public static String of(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.valueOf((long) d);
        }
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return String.valueOf(d);
        }
        return BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
