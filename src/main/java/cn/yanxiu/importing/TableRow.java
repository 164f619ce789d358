package cn.yanxiu.importing;

import java.util.List;

/** One row of a spreadsheet as text cells; {@code number} is the 1-based row a user sees in Excel. */
record TableRow(int number, List<String> cells) {

    String cell(int index) {
        return index < cells.size() && cells.get(index) != null ? cells.get(index).strip() : "";
    }

    boolean isBlank() {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }
}
