package cn.yanxiu.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A decision table's rows as a grid of cells, for editing in the browser: the column headers (the row under the
 * code snippets) and the rule rows below them. Writing a grid back keeps everything above the rows — the table's
 * header, keywords and code — and writes numbers as numbers where the column holds numbers.
 */
public record TableGrid(String sheet, List<String> headers, List<List<String>> rows, int firstRow) {

    /** More rows than any real table, so a pasted or forged form cannot make a huge workbook. */
    public static final int MAX_ROWS = 500;
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    /** Drools' layout: the RuleTable cell, then keywords, object types, code snippets, column headers, rules. */
    private static final int HEADER_OFFSET = 4;

    public static class GridRefused extends RuntimeException {
        public GridRefused(String message) {
            super(message);
        }
    }

    /** The "A10"-style address of a grid cell, as problems are reported. */
    public String cell(int row, int column) {
        return columnName(column) + (firstRow + row + 1);
    }

    public static TableGrid read(byte[] xlsx) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            int header = ruleTableRow(sheet) + HEADER_OFFSET;
            DataFormatter format = new DataFormatter();
            Row headerRow = sheet.getRow(header);
            int width = headerRow == null ? 0 : Math.max(0, headerRow.getLastCellNum());
            List<String> headers = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                headers.add(text(format, headerRow.getCell(c)));
            }
            List<List<String>> rows = new ArrayList<>();
            for (int r = header + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || text(format, row.getCell(0)).isBlank()) {
                    break;
                }
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < width; c++) {
                    cells.add(text(format, row.getCell(c)));
                }
                rows.add(cells);
            }
            return new TableGrid(sheet.getSheetName(), headers, rows, header + 1);
        } catch (IOException | RuntimeException e) {
            throw new GridRefused("无法读取决策表：" + e.getMessage());
        }
    }

    /** The workbook {@code xlsx} with its rule rows replaced by {@code newRows} (rows whose first cell is blank are dropped). */
    public static byte[] write(byte[] xlsx, List<List<String>> newRows) {
        List<List<String>> kept = newRows.stream().filter(r -> !r.isEmpty() && r.get(0) != null && !r.get(0).isBlank()).toList();
        if (kept.size() > MAX_ROWS) {
            throw new GridRefused("决策表最多 " + MAX_ROWS + " 行，提交了 " + kept.size() + " 行");
        }
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.getSheetAt(0);
            int first = ruleTableRow(sheet) + HEADER_OFFSET + 1;
            boolean[] numeric = numericColumns(sheet, first);
            for (int r = sheet.getLastRowNum(); r >= first; r--) {
                Row row = sheet.getRow(r);
                if (row != null) {
                    sheet.removeRow(row);
                }
            }
            for (int i = 0; i < kept.size(); i++) {
                Row row = sheet.createRow(first + i);
                List<String> cells = kept.get(i);
                for (int c = 0; c < cells.size(); c++) {
                    String v = cells.get(c) == null ? "" : cells.get(c).strip();
                    if (v.isEmpty()) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (c < numeric.length && numeric[c] && NUMBER.matcher(v).matches()) {
                        cell.setCellValue(Double.parseDouble(v));
                    } else {
                        cell.setCellValue(v);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new GridRefused("无法写入决策表：" + e.getMessage());
        }
    }

    /** Columns whose existing rule cells are numbers: a number typed there is stored as a number, as Excel would. */
    private static boolean[] numericColumns(Sheet sheet, int first) {
        int width = 0;
        for (int r = first; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row != null) {
                width = Math.max(width, row.getLastCellNum());
            }
        }
        boolean[] numeric = new boolean[Math.max(0, width)];
        for (int r = first; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            for (int c = 0; row != null && c < width; c++) {
                Cell cell = row.getCell(c);
                if (cell != null && cell.getCellType() == CellType.NUMERIC) {
                    numeric[c] = true;
                }
            }
        }
        return numeric;
    }

    private static int ruleTableRow(Sheet sheet) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().strip().startsWith("RuleTable")) {
                    return row.getRowNum();
                }
            }
        }
        throw new GridRefused("工作表“" + sheet.getSheetName() + "”中没有 RuleTable：不是决策表");
    }

    private static String text(DataFormatter format, Cell cell) {
        return cell == null ? "" : format.formatCellValue(cell).strip();
    }

    private static String columnName(int column) {
        StringBuilder name = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            name.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return name.toString();
    }
}
