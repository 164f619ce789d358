package cn.yanxiu.system;

/** A search box's words as a SQL {@code LIKE} pattern that matches them anywhere, with % _ and \ taken literally. */
public final class SqlLike {

    private SqlLike() {
    }

    public static String containing(String text) {
        return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
