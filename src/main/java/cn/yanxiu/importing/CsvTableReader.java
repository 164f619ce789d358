package cn.yanxiu.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads CSV as Excel writes it: UTF-8 with or without BOM, GBK (GB18030) when Chinese Excel saves
 * "CSV (逗号分隔)", or UTF-16 with its byte-order mark. Quoted fields may hold commas, quotes and line
 * breaks; a quote left open is refused with the row and column where it opened.
 */
final class CsvTableReader implements TableReader {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private final ImportLimits limits;

    CsvTableReader(ImportLimits limits) {
        this.limits = limits;
    }

    @Override
    public void read(Path file, Consumer<TableRow> rows) {
        Charset charset = detectCharset(file);
        try (InputStream in = Files.newInputStream(file);
             Reader reader = new BufferedReader(new InputStreamReader(skipBom(in, charset), charset), 1 << 16)) {
            parse(reader, rows);
        } catch (IOException e) {
            throw new ImportRejected("无法读取文件: " + e.getMessage(), e);
        }
    }

    static Charset detectCharset(Path file) {
        Charset utf16 = utf16ByBom(file);
        if (utf16 != null) {
            return utf16;
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        byte[] buffer = new byte[1 << 16];
        ByteBuffer pending = ByteBuffer.allocate(buffer.length + 8);
        CharBuffer out = CharBuffer.allocate(buffer.length + 8);
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == 0) {
                        throw new ImportRejected(looksLikeUtf16(buffer, n)
                                ? "文件是没有 BOM 的 UTF-16 文本，无法确定字节顺序：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”"
                                : "不是文本表格（含二进制内容），请另存为 CSV 或 XLSX");
                    }
                }
                pending.put(buffer, 0, n).flip();
                out.clear();
                if (utf8.decode(pending, out, false).isError()) {
                    return GB18030;
                }
                pending.compact();
            }
            pending.flip();
            out.clear();
            if (utf8.decode(pending, out, true).isError() || utf8.flush(out).isError()) {
                return GB18030;
            }
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return GB18030;
        } catch (IOException e) {
            throw new ImportRejected("无法读取文件: " + e.getMessage(), e);
        }
    }

    /** UTF-16 announced by its byte-order mark (Excel's "Unicode text"); the decoder itself consumes the mark. */
    private static Charset utf16ByBom(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(2);
            boolean bom = head.length == 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF);
            return bom ? StandardCharsets.UTF_16 : null;
        } catch (IOException e) {
            throw new ImportRejected("无法读取文件: " + e.getMessage(), e);
        }
    }

    /** In UTF-16 text the zero bytes (of commas, digits, letters) fall almost all on one side of each byte pair. */
    private static boolean looksLikeUtf16(byte[] buffer, int n) {
        int even = 0;
        int odd = 0;
        int pairs = Math.min(n / 2, 512);
        for (int i = 0; i < pairs; i++) {
            even += buffer[2 * i] == 0 ? 1 : 0;
            odd += buffer[2 * i + 1] == 0 ? 1 : 0;
        }
        return pairs > 0 && Math.max(even, odd) * 10 >= pairs && Math.min(even, odd) * 8 <= Math.max(even, odd);
    }

    private static InputStream skipBom(InputStream in, Charset charset) throws IOException {
        if (!charset.equals(StandardCharsets.UTF_8)) {
            return in;
        }
        java.io.PushbackInputStream pushback = new java.io.PushbackInputStream(in, 3);
        byte[] head = new byte[3];
        int n = pushback.readNBytes(head, 0, 3);
        boolean bom = n == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        if (!bom && n > 0) {
            pushback.unread(head, 0, n);
        }
        return pushback;
    }

    private void parse(Reader reader, Consumer<TableRow> rows) throws IOException {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int quoteRow = 0;
        int quoteColumn = 0;
        int line = 1;
        int rowStart = 1;
        int c;
        while ((c = reader.read()) != -1) {
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    reader.mark(1);
                    int next = reader.read();
                    if (next == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            reader.reset();
                        }
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.isEmpty()) {
                quoted = true;
                quoteRow = line;
                quoteColumn = cells.size();
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r') {
                    reader.mark(1);
                    if (reader.read() != '\n') {
                        reader.reset();
                    }
                }
                cells.add(cell.toString());
                cell.setLength(0);
                emit(rows, rowStart, cells);
                cells = new ArrayList<>();
                line++;
                rowStart = line;
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            // an unterminated quote would swallow every row after it into one cell: refuse, naming where it opened
            throw new ImportRejected("第 " + quoteRow + " 行 " + org.apache.poi.ss.util.CellReference.convertNumToColString(quoteColumn)
                    + " 列的引号没有闭合：其后的所有行都会被读进这一格。请补上引号，整个文件未导入");
        }
        if (!cell.isEmpty() || !cells.isEmpty()) {
            cells.add(cell.toString());
            emit(rows, rowStart, cells);
        }
    }

    private void emit(Consumer<TableRow> rows, int number, List<String> cells) {
        if (number > limits.maxRows()) {
            throw new ImportRejected("行数超过上限 " + limits.maxRows());
        }
        rows.accept(new TableRow(number, cells));
    }
}
