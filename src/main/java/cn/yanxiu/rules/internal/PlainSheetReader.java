package cn.yanxiu.rules.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.drools.template.parser.DataListener;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the first sheet of a plain decision table straight from its zip and XML, and hands its cells to a Drools
 * listener exactly as Drools' own {@code ExcelParser} does through POI: the same rows, cells, texts and merged-cell
 * starts, in the same order. Opening a workbook with POI costs about a second in a fresh JVM (its and xmlbeans'
 * classes), most of what {@code rules validate} spends before it compiles.
 * <p>
 * "Plain" is what this reader can render exactly like POI: shared or inline strings, booleans, blanks, and numbers in
 * the General format (whole numbers below a billion, fractions as Java prints them). Anything else — a formula, a
 * date or percentage, an error value, escaped characters, the {@code NumericDisabled} keyword, an unusual package,
 * a part too large — is {@linkplain #read not plain}, and the caller opens the workbook with POI as before, so
 * every such table, and every broken or hostile file, is read and refused exactly as it was.
 */
final class PlainSheetReader {

    /** Larger parts go to POI, which has its own zip-bomb checks and errors. */
    static final int MAX_PART_BYTES = 8 << 20;
    /** POI refuses entries that inflate more than 100 times; anything near that goes to POI to decide. */
    private static final int MAX_INFLATION = 50;
    /** Whole numbers up to here print as plain digits in both readers; larger ones are left to POI. */
    private static final double MAX_WHOLE = 1e9;
    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELATIONS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String PACKAGE_RELATIONS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final SAXParserFactory XML = secureFactory();

    /** What the listener receives: the sheet's name, and per row index (to the last) its cells. */
    record Sheet(String name, int lastRow, Map<Integer, List<Cell>> rows) {
    }

    /** One {@code newCell} call: column, text, and the merged range's first column or {@link DataListener#NON_MERGED}. */
    record Cell(int column, String value, int mergedColumnStart) {
    }

    /**
     * The part of the file this reader does not render like POI; the caller then uses POI. Unchecked, as it is thrown
     * from inside the SAX handlers too.
     */
    private static final class NotPlain extends RuntimeException {
        NotPlain(String why) {
            super(why, null, false, false);
        }
    }

    /** A package relationship: its type and its target. */
    private record Relation(String type, String target) {
    }

    private PlainSheetReader() {
    }

    /** The first sheet, or null when the workbook is not plain (read it with POI then). */
    static Sheet read(byte[] xlsx) {
        try {
            return new Package(unzip(xlsx)).firstSheet();
        } catch (IOException | SAXException | RuntimeException e) {
            return null;
        }
    }

    /** Makes the listener's calls as Drools' ExcelParser would for this sheet. */
    static void feed(Sheet sheet, DataListener listener) {
        for (int row = 0; row <= sheet.lastRow(); row++) {
            List<Cell> cells = sheet.rows().get(row);
            // POI: an absent row has no cells (0); a present row without cells reports -1
            listener.newRow(row, cells == null ? 0 : cells.isEmpty() ? -1 : cells.get(cells.size() - 1).column() + 1);
            for (Cell cell : cells == null ? List.<Cell>of() : cells) {
                listener.newCell(row, cell.column(), cell.value(), cell.mergedColumnStart());
            }
        }
        listener.finishSheet();
    }

    private static Map<String, byte[]> unzip(byte[] xlsx) throws IOException {
        if (xlsx.length < 4 || xlsx[0] != 'P' || xlsx[1] != 'K' || xlsx[2] != 3 || xlsx[3] != 4) {
            throw new NotPlain("not a zip package");
        }
        Map<String, byte[]> parts = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            byte[] buffer = new byte[16384];
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                ByteArrayOutputStream part = new ByteArrayOutputStream();
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    part.write(buffer, 0, n);
                    if (part.size() > MAX_PART_BYTES) {
                        throw new NotPlain("part too large: " + entry.getName());
                    }
                }
                zip.closeEntry();
                long packed = Math.max(entry.getCompressedSize(), 1);
                if (part.size() > 65536 && part.size() / packed > MAX_INFLATION) {
                    throw new NotPlain("part inflates too much: " + entry.getName());
                }
                if (parts.put(entry.getName(), part.toByteArray()) != null) {
                    throw new NotPlain("duplicate part: " + entry.getName());
                }
            }
        }
        if (!parts.containsKey("[Content_Types].xml")) {
            throw new NotPlain("no content types");
        }
        return parts;
    }

    /** The package's parts, found through their relationships as POI finds them. */
    private record Package(Map<String, byte[]> parts) {

        Sheet firstSheet() throws IOException, SAXException {
            String workbookPart = target("", relationships("_rels/.rels"), "/officeDocument");
            Map<String, Relation> workbookRelations = relationships(relationsOf(workbookPart));
            WorkbookSheets sheets = parse(workbookPart, new WorkbookSheets());
            if (sheets.firstName == null || sheets.firstId == null) {
                throw new NotPlain("no sheet");
            }
            Relation sheetRelation = workbookRelations.get(sheets.firstId);
            if (sheetRelation == null || !sheetRelation.type().endsWith("/worksheet")) {
                throw new NotPlain("first sheet is not a worksheet");
            }
            String strings = optionalTarget(workbookPart, workbookRelations, "/sharedStrings");
            String styles = optionalTarget(workbookPart, workbookRelations, "/styles");
            List<String> shared = strings == null ? List.of() : parse(strings, new SharedStrings()).strings;
            StyleFormats formats = styles == null ? new StyleFormats() : parse(styles, new StyleFormats());
            SheetCells cells = parse(resolve(workbookPart, sheetRelation.target()), new SheetCells(shared, formats));
            return cells.sheet(sheets.firstName);
        }

        private <H extends Handler> H parse(String part, H handler) throws IOException, SAXException {
            byte[] bytes = parts.get(part);
            if (bytes == null) {
                throw new NotPlain("missing part " + part);
            }
            try {
                SAXParser parser;
                synchronized (XML) {
                    parser = XML.newSAXParser();
                }
                parser.parse(new ByteArrayInputStream(bytes), handler);
            } catch (ParserConfigurationException e) {
                throw new NotPlain("no XML parser");
            }
            return handler;
        }

        /** Relationship id → {type, target}; external targets are not plain. */
        private Map<String, Relation> relationships(String part) throws IOException, SAXException {
            return parse(part, new Relationships()).byId;
        }

        private String target(String from, Map<String, Relation> relations, String typeSuffix) {
            String found = optionalTarget(from, relations, typeSuffix);
            if (found == null) {
                throw new NotPlain("no " + typeSuffix);
            }
            return found;
        }

        private String optionalTarget(String from, Map<String, Relation> relations, String typeSuffix) {
            String found = null;
            for (Relation relation : relations.values()) {
                if (relation.type().endsWith(typeSuffix)) {
                    if (found != null) {
                        throw new NotPlain("two " + typeSuffix);
                    }
                    found = resolve(from, relation.target());
                }
            }
            return found;
        }

        private static String relationsOf(String part) {
            int slash = part.lastIndexOf('/');
            return part.substring(0, slash + 1) + "_rels/" + part.substring(slash + 1) + ".rels";
        }

        /** A relationship's target, relative to the part that holds it, as a zip entry name. */
        private static String resolve(String from, String target) {
            if (target.startsWith("/")) {
                return target.substring(1);
            }
            List<String> path = new ArrayList<>(List.of(from.split("/")));
            if (!path.isEmpty()) {
                path.remove(path.size() - 1);
            }
            for (String step : target.split("/")) {
                if (step.equals("..")) {
                    if (path.isEmpty()) {
                        throw new NotPlain("target outside the package");
                    }
                    path.remove(path.size() - 1);
                } else if (!step.isEmpty() && !step.equals(".")) {
                    path.add(step);
                }
            }
            return String.join("/", path);
        }
    }

    /** A handler that collects element text and refuses documents in other vocabularies. */
    private abstract static class Handler extends DefaultHandler {
        private final StringBuilder text = new StringBuilder();
        private boolean collecting;

        void collect() {
            text.setLength(0);
            collecting = true;
        }

        String collected() {
            collecting = false;
            return text.toString();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (collecting) {
                text.append(ch, start, length);
            }
        }

        /** Every element of these parts is SpreadsheetML's own; anything else is not a plain workbook. */
        static void requireSpreadsheetMl(String uri, String part) {
            if (!MAIN.equals(uri)) {
                throw new NotPlain(part + " in another vocabulary");
            }
        }
    }

    private static final class Relationships extends Handler {
        final Map<String, Relation> byId = new HashMap<>();

        @Override
        public void startElement(String uri, String local, String qName, Attributes attributes) {
            if (!PACKAGE_RELATIONS.equals(uri)) {
                throw new NotPlain("relationships in another vocabulary");
            }
            if (local.equals("Relationship")) {
                String mode = attributes.getValue("TargetMode");
                String id = attributes.getValue("Id");
                String type = attributes.getValue("Type");
                String target = attributes.getValue("Target");
                if (id == null || type == null || target == null || (mode != null && !mode.equals("Internal"))) {
                    throw new NotPlain("unusual relationship");
                }
                byId.put(id, new Relation(type, target));
            }
        }
    }

    private static final class WorkbookSheets extends Handler {
        String firstName;
        String firstId;

        @Override
        public void startElement(String uri, String local, String qName, Attributes attributes) {
            if (local.equals("workbook") && !MAIN.equals(uri)) {
                throw new NotPlain("workbook in another vocabulary");
            }
            if (MAIN.equals(uri) && local.equals("sheet") && firstName == null) {
                firstName = attributes.getValue("name");
                firstId = attributes.getValue(RELATIONS, "id");
            }
        }
    }

    private static final class SharedStrings extends Handler {
        final List<String> strings = new ArrayList<>();
        private RichText item;
        private int depthInPhonetic;

        @Override
        public void startElement(String uri, String local, String qName, Attributes attributes) {
            requireSpreadsheetMl(uri, "shared strings");
            switch (local) {
                case "si" -> item = new RichText();
                case "rPh", "phoneticPr" -> depthInPhonetic++;
                case "r" -> {
                    if (depthInPhonetic == 0 && item != null) {
                        item.startRun();
                    }
                }
                case "t" -> {
                    if (depthInPhonetic == 0) {
                        collect();
                    }
                }
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            switch (local) {
                case "t" -> {
                    if (depthInPhonetic == 0 && item != null) {
                        item.add(collected());
                    }
                }
                case "r" -> {
                    if (depthInPhonetic == 0 && item != null) {
                        item.endRun();
                    }
                }
                case "rPh", "phoneticPr" -> depthInPhonetic--;
                case "si" -> {
                    strings.add(item.text());
                    item = null;
                }
                default -> {
                }
            }
        }
    }

    /**
     * A string item ({@code si}, or a cell's {@code is}) as POI reads it: the texts of its runs when it has runs, else
     * its own text; phonetic readings are not part of it.
     */
    private static final class RichText {
        private final StringBuilder own = new StringBuilder();
        private final StringBuilder runs = new StringBuilder();
        private boolean hasOwn;
        private boolean hasRuns;
        private boolean inRun;
        private boolean runHasText;

        void startRun() {
            inRun = true;
            hasRuns = true;
            runHasText = false;
        }

        void endRun() {
            if (!runHasText) {
                // POI would append the missing text as "null"
                throw new NotPlain("a run without text");
            }
            inRun = false;
        }

        void add(String text) {
            if (inRun) {
                runs.append(text);
                runHasText = true;
            } else {
                own.append(text);
                hasOwn = true;
            }
        }

        String text() {
            return plainText(hasRuns ? runs.toString() : hasOwn ? own.toString() : null);
        }
    }

    /** POI decodes {@code _xHHHH_} escapes in strings; such strings are left to it. */
    private static String plainText(String text) {
        if (text == null || text.contains("_x")) {
            throw new NotPlain("escaped or missing text");
        }
        return text;
    }

    /** The number format of each cell style ({@code cellXfs}), and whether a custom format redefines General. */
    private static final class StyleFormats extends Handler {
        final List<Integer> formatOfStyle = new ArrayList<>();
        boolean generalRedefined;
        private boolean inCellStyles;

        @Override
        public void startElement(String uri, String local, String qName, Attributes attributes) {
            requireSpreadsheetMl(uri, "styles");
            switch (local) {
                case "numFmt" -> generalRedefined |= "0".equals(attributes.getValue("numFmtId"));
                case "cellXfs" -> inCellStyles = true;
                case "xf" -> {
                    if (inCellStyles) {
                        String id = attributes.getValue("numFmtId");
                        formatOfStyle.add(id == null ? 0 : Integer.parseInt(id));
                    }
                }
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            if (local.equals("cellXfs")) {
                inCellStyles = false;
            }
        }

        /** True when cells of this style show numbers in the General format. */
        boolean general(int style) {
            if (formatOfStyle.isEmpty() && style == 0) {
                return !generalRedefined;
            }
            return style >= 0 && style < formatOfStyle.size() && formatOfStyle.get(style) == 0 && !generalRedefined;
        }
    }

    private static final class SheetCells extends Handler {
        private final List<String> shared;
        private final StyleFormats formats;
        private final TreeMap<Integer, TreeMap<Integer, String>> rows = new TreeMap<>();
        private final List<int[]> merged = new ArrayList<>();
        private TreeMap<Integer, String> row;
        private int column;
        private String type;
        private int style;
        private String value;
        private RichText inline;
        private boolean inInlineText;

        SheetCells(List<String> shared, StyleFormats formats) {
            this.shared = shared;
            this.formats = formats;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes attributes) {
            if (!MAIN.equals(uri)) {
                if (local.equals("worksheet")) {
                    throw new NotPlain("sheet in another vocabulary");
                }
                return;
            }
            switch (local) {
                case "row" -> {
                    int index = positive(attributes.getValue("r")) - 1;
                    if (!rows.isEmpty() && index <= rows.lastKey()) {
                        throw new NotPlain("rows out of order");
                    }
                    row = new TreeMap<>();
                    rows.put(index, row);
                }
                case "c" -> {
                    column = columnOf(attributes.getValue("r"));
                    if (row == null || (!row.isEmpty() && column <= row.lastKey())) {
                        throw new NotPlain("cells out of order");
                    }
                    type = attributes.getValue("t") == null ? "n" : attributes.getValue("t");
                    String s = attributes.getValue("s");
                    style = s == null ? 0 : Integer.parseInt(s);
                    value = null;
                    inline = null;
                }
                case "f" -> throw new NotPlain("formula");
                case "v" -> collect();
                case "is" -> inline = new RichText();
                case "r" -> {
                    if (inline != null) {
                        inline.startRun();
                    }
                }
                case "rPh" -> throw new NotPlain("phonetic text in a cell");
                case "t" -> {
                    if (inline != null) {
                        inInlineText = true;
                        collect();
                    }
                }
                case "mergeCell" -> merged.add(range(attributes.getValue("ref")));
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            if (!MAIN.equals(uri)) {
                return;
            }
            switch (local) {
                case "v" -> value = collected();
                case "t" -> {
                    if (inInlineText) {
                        inline.add(collected());
                        inInlineText = false;
                    }
                }
                case "r" -> {
                    if (inline != null) {
                        inline.endRun();
                    }
                }
                case "c" -> row.put(column, text());
                case "row" -> row = null;
                default -> {
                }
            }
        }

        /** The cell's text as ExcelParser makes it through POI's DataFormatter. */
        private String text() {
            switch (type) {
                case "s" -> {
                    int index = value == null ? -1 : Integer.parseInt(value);
                    if (index < 0 || index >= shared.size()) {
                        throw new NotPlain("shared string out of range");
                    }
                    return shared.get(index);
                }
                case "inlineStr" -> {
                    if (inline == null) {
                        throw new NotPlain("inline string without text");
                    }
                    return inline.text();
                }
                case "b" -> {
                    if (!"0".equals(value) && !"1".equals(value)) {
                        throw new NotPlain("unusual boolean");
                    }
                    return "1".equals(value) ? "true" : "false";
                }
                case "n" -> {
                    return value == null ? "" : number(value);
                }
                default -> throw new NotPlain("cell type " + type);
            }
        }

        private String number(String text) {
            if (!formats.general(style)) {
                throw new NotPlain("number not in the General format");
            }
            double number = Double.parseDouble(text);
            if (!Double.isFinite(number)) {
                throw new NotPlain("not a finite number");
            }
            if (number - Math.round(number) != 0) {
                return String.valueOf(number);
            }
            if (Math.abs(number) >= MAX_WHOLE || (number == 0 && text.contains("-"))) {
                throw new NotPlain("whole number printed differently");
            }
            return Long.toString((long) number);
        }

        /** The sheet as the listener sees it: a cell inside a merged range takes the range's first cell's text. */
        Sheet sheet(String name) {
            Map<Integer, List<Cell>> calls = new HashMap<>();
            for (Map.Entry<Integer, TreeMap<Integer, String>> r : rows.entrySet()) {
                List<Cell> cells = new ArrayList<>();
                for (Map.Entry<Integer, String> c : r.getValue().entrySet()) {
                    int[] range = mergedAt(r.getKey(), c.getKey());
                    if (range == null) {
                        cells.add(new Cell(c.getKey(), c.getValue(), DataListener.NON_MERGED));
                    } else {
                        TreeMap<Integer, String> first = rows.get(range[0]);
                        if (first == null || !first.containsKey(range[1])) {
                            throw new NotPlain("merged range without its first cell");
                        }
                        cells.add(new Cell(c.getKey(), first.get(range[1]), range[1]));
                    }
                }
                calls.put(r.getKey(), cells);
            }
            for (List<Cell> cells : calls.values()) {
                for (Cell cell : cells) {
                    // with this keyword Drools formats fractions through POI instead of as Java prints them
                    if (cell.value().toLowerCase(Locale.ROOT).contains("numericdisabled")) {
                        throw new NotPlain("NumericDisabled");
                    }
                }
            }
            return new Sheet(name, rows.isEmpty() ? -1 : rows.lastKey(), calls);
        }

        private int[] mergedAt(int row, int column) {
            for (int[] range : merged) {
                if (row >= range[0] && row <= range[2] && column >= range[1] && column <= range[3]) {
                    return range;
                }
            }
            return null;
        }

        /** "B3:D4" → {first row, first column, last row, last column}, zero-based. */
        private static int[] range(String ref) {
            if (ref == null) {
                throw new NotPlain("merged range without a reference");
            }
            String[] ends = ref.split(":", -1);
            if (ends.length > 2) {
                throw new NotPlain("unusual merged range");
            }
            String last = ends[ends.length - 1];
            int[] range = {rowOf(ends[0]), columnOf(ends[0]), rowOf(last), columnOf(last)};
            if (range[2] < range[0] || range[3] < range[1]) {
                throw new NotPlain("reversed merged range");
            }
            return range;
        }

        private static int columnOf(String ref) {
            if (ref == null) {
                throw new NotPlain("cell without a reference");
            }
            int column = 0;
            int i = 0;
            for (; i < ref.length() && ref.charAt(i) >= 'A' && ref.charAt(i) <= 'Z'; i++) {
                column = column * 26 + (ref.charAt(i) - 'A' + 1);
                if (column > 16384) {
                    throw new NotPlain("column beyond the sheet");
                }
            }
            if (i == 0) {
                throw new NotPlain("cell reference without a column");
            }
            return column - 1;
        }

        private static int rowOf(String ref) {
            int i = 0;
            while (i < ref.length() && ref.charAt(i) >= 'A' && ref.charAt(i) <= 'Z') {
                i++;
            }
            return positive(ref.substring(i)) - 1;
        }

        private static int positive(String digits) {
            if (digits == null || !digits.matches("[1-9]\\d{0,6}") || Integer.parseInt(digits) > 1_048_576) {
                throw new NotPlain("unusual row number");
            }
            return Integer.parseInt(digits);
        }
    }

    private static SAXParserFactory secureFactory() {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            // an .xlsx has no DOCTYPE; one here is refused by the parser, and POI then judges the file
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException(e.getMessage().toLowerCase(Locale.ROOT), e);
        }
    }
}
