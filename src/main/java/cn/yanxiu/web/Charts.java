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
        return stackedBars(title, categories, series, stacked, null);
    }

    /** As above, with the series named {@code red} (the lowest grade) drawn in red. */
    static String stackedBars(String title, List<String> categories, Map<String, List<? extends Number>> series, boolean stacked, String red) {
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
            if (name.equals(red)) {
                s.put("itemStyle", Map.of("color", SCALE.get(0)));
            }
            list.add(s);
        });
        option.put("series", list);
        return json(option);
    }

    /** Colours of the scale, worst to best: red, amber, yellow-green, green. */
    private static final List<String> SCALE = List.of("#c0392b", "#e67e22", "#d4c21a", "#27ae60");

    /**
     * The colour pieces of a percentage scale cut at {@code thresholds} (ascending, between 0 and 100): each piece is
     * labelled with its range, so the legend reads as the scale. Cut where the rule set cuts its grades, the map
     * shows the same lines the grades do.
     */
    static List<Map<String, Object>> pieces(List<Double> thresholds) {
        List<Double> cuts = thresholds.stream().filter(t -> t > 0 && t < 100).distinct().sorted().toList();
        List<Map<String, Object>> pieces = new ArrayList<>();
        double low = 0;
        for (int i = 0; i <= cuts.size(); i++) {
            double high = i < cuts.size() ? cuts.get(i) : 100;
            Map<String, Object> piece = new LinkedHashMap<>();
            piece.put("min", low);
            if (i < cuts.size()) {
                piece.put("lt", high);
            } else {
                piece.put("max", high);
            }
            String l = cn.yanxiu.system.PlainNumbers.of(low);
            String h = cn.yanxiu.system.PlainNumbers.of(high);
            piece.put("label", i < cuts.size() ? l + "–" + h + "%（不含" + h + "）" : l + "–" + h + "%");
            piece.put("color", SCALE.get(Math.min(SCALE.size() - 1, Math.round((float) i * (SCALE.size() - 1) / Math.max(1, cuts.size())))));
            pieces.add(piece);
            low = high;
        }
        return pieces;
    }

    /** A grid of percentages, one row per category (school), one column per column name (policy); empty cells where nothing was checked. */
    static String heatmap(String title, List<String> columns, List<String> rows, Double[][] percent, List<Double> thresholds) {
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
        option.put("grid", Map.of("left", 150, "right", 16, "top", 40, "bottom", 150));
        option.put("xAxis", Map.of("type", "category", "data", columns, "splitArea", Map.of("show", true),
                "axisLabel", Map.of("rotate", 40, "interval", 0, "fontSize", 11)));
        option.put("yAxis", Map.of("type", "category", "data", rows, "inverse", true, "splitArea", Map.of("show", true)));
        option.put("visualMap", Map.of("type", "piecewise", "pieces", pieces(thresholds), "orient", "horizontal", "left", "center", "bottom", 0,
                "text", List.of("达标率", "")));
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
