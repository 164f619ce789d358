package cn.yanxiu.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.parser.DataListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader that takes plain decision tables without POI must hand Drools exactly the calls Drools' own reader makes
 * through POI — every row, cell, text and merged start, in order — and must leave every other workbook to POI.
 */
class PlainSheetReaderTests {

    @Test
    void everyDecisionTableOfTheRuleYearsIsReadWithoutPoiExactlyAsDroolsReadsIt() throws IOException {
        List<Path> tables;
        try (Stream<Path> files = Files.walk(Path.of("rules"))) {
            tables = files.filter(p -> p.getFileName().toString().endsWith(".drl.xlsx")).sorted().toList();
        }
        assertThat(tables).hasSizeGreaterThanOrEqualTo(8);
        for (Path table : tables) {
            byte[] xlsx = Files.readAllBytes(table);
            assertThat(PlainSheetReader.read(xlsx)).as(table.toString()).isNotNull();
            assertThat(plainCalls(xlsx)).as(table.toString()).isEqualTo(droolsCalls(xlsx));
            assertThat(DecisionTables.compile(xlsx)).as(table.toString()).isEqualTo(DecisionTables.compileWithPoi(xlsx));
        }
    }

    @Test
    void stringsNumbersBooleansBlanksGapsAndMergedCellsComeOutAsDroolsSeesThem() throws IOException {
        byte[] xlsx = workbook(new XSSFWorkbook(), (wb, sheet) -> {
            Row title = sheet.createRow(1);
            title.createCell(1).setCellValue("RuleTable 规则");
            title.createCell(2);
            title.createCell(3).setCellStyle(wb.createCellStyle());
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 1, 3));
            sheet.createRow(3);
            Row numbers = sheet.createRow(4);
            double[] values = {0, 1, -1, 40, 0.6, 0.1 + 0.2, 1.0 / 3, 123456789, -987654321, 99.5, 1e-7, 2.5e8};
            for (int c = 0; c < values.length; c++) {
                numbers.createCell(c).setCellValue(values[c]);
            }
            Row mixed = sheet.createRow(6);
            mixed.createCell(0).setCellValue(true);
            mixed.createCell(2).setCellValue(false);
            mixed.createCell(5).setCellValue("  空格 保留  ");
            mixed.createCell(6).setCellValue("line\nbreak & <tag> \"quoted\"");
            XSSFRichTextString rich = new XSSFRichTextString("粗体与常规");
            XSSFFont bold = (XSSFFont) wb.createFont();
            bold.setBold(true);
            rich.applyFont(0, 2, bold);
            mixed.createCell(7).setCellValue(rich);
            mixed.createCell(9).setCellValue("");
            Row below = sheet.createRow(7);
            below.createCell(0).setCellValue("合并到下方");
            below.createCell(1).setCellValue(7);
            Row merged = sheet.createRow(8);
            merged.createCell(0);
            merged.createCell(1).setCellValue(8);
            sheet.addMergedRegion(new CellRangeAddress(7, 8, 0, 0));
        });
        assertThat(PlainSheetReader.read(xlsx)).isNotNull();
        List<String> calls = plainCalls(xlsx);
        assertThat(calls).isEqualTo(droolsCalls(xlsx));
        assertThat(calls).contains("cell 4,4 [0.6] -1", "cell 4,5 [0.30000000000000004] -1", "cell 4,7 [123456789] -1",
                "cell 6,0 [true] -1", "cell 1,3 [RuleTable 规则] 1", "cell 8,0 [合并到下方] 0", "row 3 -1", "row 2 0");
    }

    @Test
    void inlineStringsAsTheStreamingWriterWritesThemReadTheSame(@TempDir Path dir) throws IOException {
        byte[] streamed = workbook(new SXSSFWorkbook(), (wb, sheet) -> {
            Row row = sheet.createRow(0);
            row.createCell(0).setCellValue("RuleSet");
            row.createCell(1).setCellValue("行内字符串");
            row.createCell(3).setCellValue(12);
        });
        // the streaming writer's zip (sizes after the data, zip64 fields) is one the JDK's stream reader refuses:
        // that file goes to POI; the same parts packed plainly are read here
        assertThat(outcome(streamed, DecisionTables::compile)).isEqualTo(outcome(streamed, DecisionTables::compileWithPoi));
        Path file = Files.write(dir.resolve("streamed.xlsx"), streamed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipFile zip = new ZipFile(file.toFile()); ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(zip.getInputStream(e).readAllBytes());
                z.closeEntry();
            }
        }
        byte[] xlsx = out.toByteArray();
        assertThat(new String(part(xlsx, "xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8)).contains("inlineStr");
        assertThat(PlainSheetReader.read(xlsx)).isNotNull();
        assertThat(plainCalls(xlsx)).isEqualTo(droolsCalls(xlsx)).contains("cell 0,1 [行内字符串] -1", "cell 0,3 [12] -1");
    }

    @Test
    void aStringWithRunsAndPhoneticReadingsReadsAsPoiReadsIt() throws IOException {
        byte[] plain = workbook(new XSSFWorkbook(), (wb, sheet) -> sheet.createRow(0).createCell(0).setCellValue("占位"));
        // as other spreadsheet programs write it: the item's own text, then runs (which POI reads instead), then a reading
        byte[] xlsx = rezip(plain, "xl/sharedStrings.xml", original -> ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1\" uniqueCount=\"1\"><si>"
                + "<t>直接</t><r><t>分段一</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\"> 分段二 </t></r>"
                + "<rPh sb=\"0\" eb=\"1\"><t>读音</t></rPh><phoneticPr fontId=\"1\"/></si></sst>").getBytes(StandardCharsets.UTF_8));
        assertThat(PlainSheetReader.read(xlsx)).isNotNull();
        assertThat(plainCalls(xlsx)).isEqualTo(droolsCalls(xlsx)).contains("cell 0,0 [分段一 分段二 ] -1");
    }

    @Test
    void formulasDatesPercentagesLargeNumbersAndEscapesAreLeftToPoiWhichReadsThemAsBefore() throws IOException {
        List<Consumer<Workbook>> unusual = List.of(
                wb -> cell(wb).setCellFormula("1+2"),
                wb -> styled(wb, cell(wb), "yyyy-mm-dd").setCellValue(45000),
                wb -> styled(wb, cell(wb), "0%").setCellValue(0.6),
                wb -> styled(wb, cell(wb), "0.00").setCellValue(40),
                wb -> cell(wb).setCellValue(12345678901.0),
                wb -> cell(wb).setCellValue("_x0041_ escaped"),
                wb -> cell(wb).setCellValue("NumericDisabled"));
        for (Consumer<Workbook> make : unusual) {
            byte[] xlsx = workbook(new XSSFWorkbook(), (wb, sheet) -> {
                sheet.createRow(0).createCell(0).setCellValue("RuleSet");
                make.accept(wb);
            });
            assertThat(PlainSheetReader.read(xlsx)).isNull();
            assertThat(outcome(xlsx, DecisionTables::compile)).isEqualTo(outcome(xlsx, DecisionTables::compileWithPoi));
        }
    }

    @Test
    void brokenForeignAndHostileFilesAreLeftToPoiToRefuse() throws IOException {
        byte[] plain = workbook(new XSSFWorkbook(), (wb, sheet) -> sheet.createRow(0).createCell(0).setCellValue("RuleSet"));
        assertThat(PlainSheetReader.read(plain)).isNotNull();
        ByteArrayOutputStream xls = new ByteArrayOutputStream();
        try (HSSFWorkbook old = new HSSFWorkbook()) {
            old.createSheet("旧格式").createRow(0).createCell(0).setCellValue("RuleSet");
            old.write(xls);
        }
        byte[] bomb = rezip(plain, "xl/worksheets/sheet1.xml", original -> {
            String xml = new String(original, StandardCharsets.UTF_8);
            return xml.replace("</sheetData>", "</sheetData>" + "<!--" + " ".repeat(PlainSheetReader.MAX_PART_BYTES) + "-->")
                    .getBytes(StandardCharsets.UTF_8);
        });
        byte[] doctype = rezip(plain, "xl/workbook.xml", original -> new String(original, StandardCharsets.UTF_8)
                .replace("<workbook", "<!DOCTYPE workbook [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><workbook")
                .getBytes(StandardCharsets.UTF_8));
        byte[] noSheet = rezip(plain, "xl/worksheets/sheet1.xml", null);
        List<byte[]> refused = List.of(new byte[0], "not a workbook".getBytes(StandardCharsets.UTF_8), xls.toByteArray(),
                java.util.Arrays.copyOf(plain, plain.length / 2), bomb, doctype, noSheet);
        for (byte[] file : refused) {
            assertThat(PlainSheetReader.read(file)).isNull();
            assertThat(outcome(file, DecisionTables::compile)).isEqualTo(outcome(file, DecisionTables::compileWithPoi));
        }
        assertThat(outcome(xls.toByteArray(), DecisionTables::compile)).contains("No RuleTable");
    }

    private interface Reading {
        DecisionTables.Compiled read(byte[] xlsx) throws IOException;
    }

    /** What reading a table gives: its DRL and sheet, or the error a user would see. */
    private static String outcome(byte[] xlsx, Reading reading) {
        try {
            return reading.read(xlsx).toString();
        } catch (IOException | RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private interface SheetMaker {
        void make(Workbook workbook, Sheet sheet);
    }

    private static byte[] workbook(Workbook workbook, SheetMaker maker) throws IOException {
        try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            maker.make(workbook, workbook.createSheet("决策表"));
            workbook.createSheet("第二张");
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static Cell cell(Workbook workbook) {
        return workbook.getSheetAt(0).createRow(2).createCell(1);
    }

    private static Cell styled(Workbook workbook, Cell cell, String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        cell.setCellStyle(style);
        return cell;
    }

    private static byte[] part(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** The package with one part replaced (or dropped, for null). */
    private static byte[] rezip(byte[] zip, String name, java.util.function.UnaryOperator<byte[]> change) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals(name)) {
                    if (change == null) {
                        continue;
                    }
                    content = change.apply(content);
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(content);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static List<String> plainCalls(byte[] xlsx) {
        Recorder recorder = new Recorder();
        PlainSheetReader.feed(PlainSheetReader.read(xlsx), recorder);
        return recorder.calls;
    }

    private static List<String> droolsCalls(byte[] xlsx) throws IOException {
        Recorder recorder = new Recorder();
        new ExcelParser(recorder).parseWorkbook(WorkbookFactory.create(new ByteArrayInputStream(xlsx)));
        return recorder.calls;
    }

    /** Every call a reader makes on its listener, as text. */
    private static final class Recorder implements DataListener {
        final List<String> calls = new ArrayList<>();

        @Override
        public void startSheet(String name) {
            calls.add("start " + name);
        }

        @Override
        public void finishSheet() {
            calls.add("finish");
        }

        @Override
        public void newRow(int rowNumber, int columns) {
            calls.add("row " + rowNumber + " " + columns);
        }

        @Override
        public void newCell(int row, int column, String value, int mergedColStart) {
            calls.add("cell " + row + "," + column + " [" + value + "] " + mergedColStart);
        }
    }
}
