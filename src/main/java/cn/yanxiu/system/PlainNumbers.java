package cn.yanxiu.system;

/** Numbers as a person writes them in a sentence: {@code 40}, not {@code 40.0}; {@code 0.5} stays {@code 0.5}. */
public final class PlainNumbers {

    private PlainNumbers() {
    }

    public static String of(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
