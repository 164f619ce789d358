package cn.yanxiu.system;

/** Query parameters put together from parts (a query's own, then a scope's condition). */
public final class SqlArgs {

    private SqlArgs() {
    }

    public static Object[] join(Object[] first, Object... more) {
        Object[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
