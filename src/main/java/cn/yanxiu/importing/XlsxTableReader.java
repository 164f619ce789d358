package cn.yanxiu.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an XLSX file with POI's streaming (SAX) API: memory stays flat whatever the
 * row count, and POI's zip-bomb guard refuses archives that inflate absurdly.
 */
final class XlsxTableReader implements TableReader {

    /** Largest single XML part we agree to inflate; a real county sheet is far below it. */
    private static final long MAX_ENTRY_BYTES = 1L << 30;

    private final ImportLimits limits;

    XlsxTableReader(ImportLimits limits) {
        this.limits = limits;
    }

    @Override
    public void read(Path file, Consumer<TableRow> rows) {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new ImportRejected("工作簿中没有工作表");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings,
                        new RowCollector(rows), new IsoDateFormatter(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (NotOfficeXmlFileException | InvalidFormatException e) {
            throw new ImportRejected("不是有效的 XLSX 文件（文件已损坏或扩展名不符）", e);
        } catch (IOException | SAXException | ParserConfigurationException | org.apache.poi.openxml4j.exceptions.OpenXML4JException e) {
            throw new ImportRejected(describe(e), e);
        } catch (org.apache.poi.ooxml.POIXMLException | IllegalStateException e) {
            throw new ImportRejected(describe(e), e);
        }
    }

    private static String describe(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("Zip bomb") || m.contains("exceeds the max")) {
                return "文件疑似压缩炸弹（解压后异常膨胀），已拒绝";
            }
        }
        return "不是有效的 XLSX 文件: " + e.getMessage();
    }

    /** Formats date cells as ISO dates whatever number format the school used, other cells as shown. */
    private static final class IsoDateFormatter extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDate date = DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate();
                return date.toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }

    private final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Consumer<TableRow> rows;
        private List<String> cells;

        RowCollector(Consumer<TableRow> rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            if (rowNum + 1 > limits.maxRows()) {
                throw new ImportRejected("行数超过上限 " + limits.maxRows());
            }
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            rows.accept(new TableRow(rowNum + 1, cells));
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int column = new CellReference(ref).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(value);
        }
    }
}
