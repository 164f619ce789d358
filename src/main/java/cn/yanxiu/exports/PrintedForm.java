package cn.yanxiu.exports;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * A sheet laid out as a form a school files: a title and a line naming the unit and the term above the table, the
 * header row repeated on every printed page, A4 landscape fitted to the page width, page numbers in the footer,
 * and signature and stamp lines under the totals.
 */
public final class PrintedForm {

    /** Rows 0 and 1 are the title and the unit line; the column headers are on this row. */
    public static final int HEADER_ROW = 2;

    private PrintedForm() {
    }

    /** Writes the title and the unit/term line across {@code columns} columns. */
    public static void heading(Workbook workbook, Sheet sheet, int columns, String title, String unitLine) {
        CellStyle titleStyle = workbook.createCellStyle();
        Font big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 16);
        titleStyle.setFont(big);
        titleStyle.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.CENTER);
        Row t = sheet.createRow(0);
        t.setHeightInPoints(26);
        t.createCell(0).setCellValue(title);
        t.getCell(0).setCellStyle(titleStyle);
        Row u = sheet.createRow(1);
        u.createCell(0).setCellValue(unitLine);
        if (columns > 1) {
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns - 1));
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, columns - 1));
        }
    }

    /** A4 landscape, fitted to one page wide, the header row on every page, "第 N 页 共 M 页" at the foot. */
    public static void printLayout(Sheet sheet) {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setMargin(Sheet.LeftMargin, 0.4);
        sheet.setMargin(Sheet.RightMargin, 0.4);
        sheet.setMargin(Sheet.TopMargin, 0.5);
        sheet.setMargin(Sheet.BottomMargin, 0.6);
        sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
        sheet.getFooter().setCenter("第 &P 页 共 &N 页");
    }

    /** The signature and stamp lines, starting two rows under {@code lastRow}. */
    public static void signatures(Sheet sheet, int lastRow, String... lines) {
        int r = lastRow + 2;
        for (String line : lines) {
            sheet.createRow(r++).createCell(0).setCellValue(line);
        }
    }
}
