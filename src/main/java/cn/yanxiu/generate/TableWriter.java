package cn.yanxiu.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Writes a generated table row by row (UTF-8 CSV, streaming XLSX, or a database), so any size fits in memory. */
public interface TableWriter extends AutoCloseable {

    void row(Object... cells) throws IOException;

    @Override
    void close() throws IOException;

    static TableWriter open(Path file, List<String> headers) throws IOException {
        TableWriter writer = file.toString().endsWith(".xlsx") ? new Xlsx(file) : new Csv(file);
        writer.row(headers.toArray());
        return writer;
    }

    final class Csv implements TableWriter {
        private final BufferedWriter out;

        Csv(Path file) throws IOException {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        }

        @Override
        public void row(Object... cells) throws IOException {
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                String text = cells[i] == null ? "" : cells[i].toString();
                if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0) {
                    text = '"' + text.replace("\"", "\"\"") + '"';
                }
                out.write(text);
            }
            out.write('\n');
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    final class Xlsx implements TableWriter {
        private final Path file;
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        private final Sheet sheet = workbook.createSheet("Sheet1");
        private int next;

        Xlsx(Path file) {
            this.file = file;
        }

        @Override
        public void row(Object... cells) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < cells.length; i++) {
                Object value = cells[i];
                if (value instanceof Number n) {
                    row.createCell(i).setCellValue(n.doubleValue());
                } else if (value != null) {
                    row.createCell(i).setCellValue(value.toString());
                }
            }
        }

        @Override
        public void close() throws IOException {
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            } finally {
                workbook.close();
            }
        }
    }
}
