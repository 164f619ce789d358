package cn.yanxiu.rules.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.decisiontable.parser.xls.ExcelParser;

/**
 * Decision tables: compiles a {@code *.drl.xlsx} to the DRL the engine runs, and maps a line of that DRL
 * back to the spreadsheet cell it came from, so errors read {@code file!sheet!cell}.
 */
final class DecisionTables {

    private static final Pattern RULE_VALUES = Pattern.compile("// rule values at ([A-Z]+)(\\d+)");

    private DecisionTables() {
    }

    /** A decision table's DRL and the name of the sheet it was read from. */
    record Compiled(String drl, String sheet) {
    }

    /**
     * Reads a plain table without POI ({@link PlainSheetReader}: the same cells Drools' reader would see); any other
     * workbook is opened with POI once for both the cells and the sheet's name.
     */
    static Compiled compile(byte[] xlsx) throws IOException {
        PlainSheetReader.Sheet plain = PlainSheetReader.read(xlsx);
        if (plain != null) {
            DefaultRuleSheetListener listener = new DefaultRuleSheetListener();
            PlainSheetReader.feed(plain, listener);
            return new Compiled(new SpreadsheetCompiler().listenerToString(listener), plain.name());
        }
        return compileWithPoi(xlsx);
    }

    /** The way every table was read before {@link PlainSheetReader}; what tables it does not take still are. */
    static Compiled compileWithPoi(byte[] xlsx) throws IOException {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            DefaultRuleSheetListener listener = new DefaultRuleSheetListener();
            new ExcelParser(listener).parseWorkbook(workbook);
            return new Compiled(new SpreadsheetCompiler().listenerToString(listener), workbook.getSheetName(0));
        }
    }

    /** The cell a line of the generated DRL comes from: the data row, at the action column of that line. */
    static String cellOf(byte[] xlsx, String drl, int line, String message) {
        String[] lines = drl.split("\n", -1);
        int row = -1;
        int ruleStart = -1;
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            Matcher m = RULE_VALUES.matcher(lines[i]);
            if (m.find()) {
                row = Integer.parseInt(m.group(2));
                ruleStart = i;
                break;
            }
        }
        if (row < 0) {
            return "A1";
        }
        int then = -1;
        for (int i = ruleStart; i < lines.length && i < line; i++) {
            if (lines[i].strip().equals("then")) {
                then = i;
            }
        }
        String named = cellNamedIn(xlsx, row, message);
        if (named != null) {
            return named;
        }
        int actionIndex = then < 0 ? -1 : line - 1 - then - 1;
        List<Integer> actionColumns = filledActionColumns(xlsx, row);
        if (actionIndex >= 0 && actionIndex < actionColumns.size()) {
            return CellReference.convertNumToColString(actionColumns.get(actionIndex)) + row;
        }
        return "A" + row;
    }

    /** The cell of the row whose value the compiler's message quotes ("四节 cannot be resolved"), if any. */
    private static String cellNamedIn(byte[] xlsx, int rowNumber, String message) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            Row data = workbook.getSheetAt(0).getRow(rowNumber - 1);
            if (data == null) {
                return null;
            }
            DataFormatter format = new DataFormatter();
            for (Cell c : data) {
                String value = format.formatCellValue(c).strip();
                if (c.getColumnIndex() > 0 && !value.isEmpty() && message.contains(value)) {
                    return CellReference.convertNumToColString(c.getColumnIndex()) + rowNumber;
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static List<Integer> filledActionColumns(byte[] xlsx, int rowNumber) {
        List<Integer> columns = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter format = new DataFormatter();
            Row keywords = null;
            for (Row r : sheet) {
                for (Cell c : r) {
                    if (format.formatCellValue(c).strip().equalsIgnoreCase("ACTION")) {
                        keywords = r;
                        break;
                    }
                }
                if (keywords != null) {
                    break;
                }
            }
            Row data = sheet.getRow(rowNumber - 1);
            if (keywords == null || data == null) {
                return columns;
            }
            for (Cell k : keywords) {
                Cell value = data.getCell(k.getColumnIndex());
                if (format.formatCellValue(k).strip().equalsIgnoreCase("ACTION") && value != null
                        && !format.formatCellValue(value).isBlank()) {
                    columns.add(k.getColumnIndex());
                }
            }
        } catch (IOException | RuntimeException e) {
            return columns;
        }
        return columns;
    }
}
