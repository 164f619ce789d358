package cn.yanxiu.system;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers as a person writes them in a sentence: {@code 40}, not {@code 40.0}; {@code 0.5} stays {@code 0.5}; at most two decimals. */
public final class PlainNumbers {

    private PlainNumbers() {
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
