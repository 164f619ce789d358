package cn.yanxiu.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One pass over one file: maps the header row to columns, then hands each data row to the table import. */
final class FileImportPass {

    private final String file;
    private final ImportKind kind;
    private final TableImport table;
    private final List<RowProblem> problems = new ArrayList<>();
    private Map<Column, Integer> positions;
    private boolean headerBroken;
    private int dataRows;
    /** Columns up to the last header cell that is not blank; a data cell beyond it has no column. */
    private int headerWidth;

    FileImportPass(String file, ImportKind kind, TableImport table) {
        this.file = file;
        this.kind = kind;
        this.table = table;
    }

    void accept(TableRow row) {
        if (row.isBlank() || headerBroken) {
            return;
        }
        if (positions == null) {
            readHeader(row);
            return;
        }
        dataRows++;
        for (int i = headerWidth; i < row.cells().size(); i++) {
            String extra = row.cell(i);
            if (extra != null && !extra.isBlank()) {
                problems.add(new RowProblem(file, row.number(), org.apache.poi.ss.util.CellReference.convertNumToColString(i),
                        "表头只有 " + headerWidth + " 列，这一格多出来：“" + abbreviate(extra.strip()) + "”（是否有未加引号的逗号？）"));
            }
        }
        RowValues values = new RowValues(file, row, positions, problems);
        table.accept(values);
    }

    /** Data rows read so far (the header and blank rows not counted). */
    int dataRows() {
        return dataRows;
    }

    private static String abbreviate(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "…";
    }

    private void readHeader(TableRow row) {
        positions = new HashMap<>();
        for (int i = 0; i < row.cells().size(); i++) {
            String header = row.cell(i);
            if (header != null && !header.isBlank()) {
                headerWidth = i + 1;
            }
            for (Column column : kind.columns) {
                if (column.matches(header)) {
                    if (positions.containsKey(column)) {
                        problems.add(new RowProblem(file, row.number(), org.apache.poi.ss.util.CellReference.convertNumToColString(i),
                                "列“" + column.header() + "”重复"));
                        headerBroken = true;
                    }
                    positions.put(column, i);
                }
            }
        }
        for (Column column : kind.columns) {
            if (column.required() && !positions.containsKey(column)) {
                problems.add(new RowProblem(file, row.number(), "-", "缺少必需列“" + column.header() + "”"));
                headerBroken = true;
            }
        }
        if (!headerBroken) {
            table.begin();
        }
    }

    String finish() {
        if (positions != null && !headerBroken && dataRows == 0) {
            problems.add(new RowProblem(file, 2, "-", "只有表头，没有数据行"));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return table.finish();
    }

    List<RowProblem> problems() {
        return problems;
    }
}
