package cn.yanxiu.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Edits a decision table the way an administrator does in Excel: one cell found by its row's rule name and its
 * column's header, or one new row. Headers are on the table's header row (the one after the code snippets).
 */
public final class TableCells {

    private TableCells() {
    }

    /** Sets the cell in the row named {@code rule} (column A) under the header {@code header}. */
    public static void set(Path file, String rule, String header, Object value) throws IOException {
        edit(file, sheet -> write(cell(sheet, rowOf(sheet, rule), columnOf(sheet, header)), value));
    }

    /** Inserts a row below the row named {@code after}, with these cells from column A. */
    public static void insertAfter(Path file, String after, List<Object> cells) throws IOException {
        edit(file, sheet -> {
            int at = rowOf(sheet, after) + 1;
            if (at <= sheet.getLastRowNum()) {
                sheet.shiftRows(at, sheet.getLastRowNum(), 1);
            }
            Row row = sheet.createRow(at);
            for (int c = 0; c < cells.size(); c++) {
                write(row.createCell(c), cells.get(c));
            }
        });
    }

    /** Deletes the row named {@code rule}, closing the gap. */
    public static void delete(Path file, String rule) throws IOException {
        edit(file, sheet -> {
            int at = rowOf(sheet, rule);
            sheet.removeRow(sheet.getRow(at));
            if (at < sheet.getLastRowNum()) {
                sheet.shiftRows(at + 1, sheet.getLastRowNum(), -1);
            }
        });
    }

    private interface SheetEdit {
        void apply(Sheet sheet);
    }

    private static void edit(Path file, SheetEdit edit) throws IOException {
        Workbook workbook;
        try (InputStream in = Files.newInputStream(file)) {
            workbook = new XSSFWorkbook(in);
        }
        edit.apply(workbook.getSheetAt(0));
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        workbook.close();
    }

    private static int rowOf(Sheet sheet, String rule) {
        for (Row row : sheet) {
            Cell a = row.getCell(0);
            if (a != null && a.getCellType() == CellType.STRING && a.getStringCellValue().equals(rule)) {
                return row.getRowNum();
            }
        }
        throw new IllegalArgumentException("no row named " + rule);
    }

    private static int columnOf(Sheet sheet, String header) {
        for (Row row : sheet) {
            for (Cell c : row) {
                if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals(header)) {
                    return c.getColumnIndex();
                }
            }
        }
        throw new IllegalArgumentException("no column " + header);
    }

    private static Cell cell(Sheet sheet, int row, int column) {
        Row r = sheet.getRow(row);
        Cell c = r.getCell(column);
        return c != null ? c : r.createCell(column);
    }

    private static void write(Cell cell, Object value) {
        if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else {
            cell.setCellValue(String.valueOf(value));
        }
    }
}
