package cn.yanxiu.system;

/** Query parameters and their placeholders, put together from parts (a query's own, then a scope's condition). */
public final class SqlArgs {

    private SqlArgs() {
    }

    public static Object[] join(Object[] first, Object... more) {
        Object[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    /** {@code count} placeholders for a statement, comma-separated: {@code ?,?,?}. */
    public static String marks(int count) {
        return marks(count, "?");
    }

    /** {@code count} groups of placeholders for a statement, comma-separated: {@code (?,?),(?,?)}. */
    public static String marks(int count, String each) {
        return String.join(",", java.util.Collections.nCopies(count, each));
    }
}
