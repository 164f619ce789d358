package cn.yanxiu.system;

import java.util.Map;

/** A column of a row read as a map: H2 names its columns in capitals, MySQL as the query wrote them. */
public final class RowColumns {

    private RowColumns() {
    }

    public static Object get(Map<String, Object> row, String name) {
        return row.containsKey(name) ? row.get(name) : row.get(name.toUpperCase());
    }
}
