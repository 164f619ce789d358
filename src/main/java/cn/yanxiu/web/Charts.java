package cn.yanxiu.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ECharts options as JSON that is safe inside a {@code <script type="application/json">} block. */
final class Charts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Charts() {
    }

    /** A stacked bar per category (school), one series per name (grade, activity), values in series order. */
    static String stackedBars(String title, List<String> categories, Map<String, List<? extends Number>> series, boolean stacked) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("title", Map.of("text", title, "textStyle", Map.of("fontSize", 14)));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 24));
        option.put("grid", Map.of("left", 48, "right", 16, "top", 64, "bottom", 96));
        option.put("xAxis", Map.of("type", "category", "data", categories, "axisLabel", Map.of("rotate", 40, "interval", 0)));
        option.put("yAxis", Map.of("type", "value"));
        List<Map<String, Object>> list = new ArrayList<>();
        series.forEach((name, values) -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", name);
            s.put("type", "bar");
            if (stacked) {
                s.put("stack", "total");
            }
            s.put("data", values);
            list.add(s);
        });
        option.put("series", list);
        return json(option);
    }

    /** A grid of percentages, one row per category (school), one column per column name (policy); empty cells where nothing was checked. */
    static String heatmap(String title, List<String> columns, List<String> rows, Double[][] percent) {
        List<Object[]> cells = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                if (percent[r][c] != null) {
                    cells.add(new Object[] {c, r, percent[r][c]});
                }
            }
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("title", Map.of("text", title, "textStyle", Map.of("fontSize", 14)));
        option.put("tooltip", Map.of("position", "top"));
        option.put("grid", Map.of("left", 150, "right", 16, "top", 40, "bottom", 64));
        option.put("xAxis", Map.of("type", "category", "data", columns, "splitArea", Map.of("show", true)));
        option.put("yAxis", Map.of("type", "category", "data", rows, "inverse", true, "splitArea", Map.of("show", true)));
        option.put("visualMap", Map.of("min", 0, "max", 100, "calculable", true, "orient", "horizontal", "left", "center", "bottom", 0,
                "inRange", Map.of("color", List.of("#c0392b", "#f1c40f", "#27ae60"))));
        option.put("series", List.of(Map.of("name", "达标率（%）", "type", "heatmap", "data", cells, "label", Map.of("show", true, "fontSize", 10))));
        return json(option);
    }

    static String json(Object value) {
        try {
            // <, > and & only occur inside JSON strings, where these escapes mean the same
            return JSON.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
