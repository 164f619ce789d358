package cn.yanxiu.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writes small real spreadsheets for tests: XLSX through POI, CSV in any encoding. */
public final class TestTables {

    private TestTables() {
    }

    public static Path xlsx(Path file, List<List<Object>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Sheet1");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<Object> cells = rows.get(r);
                for (int c = 0; c < cells.size(); c++) {
                    Object v = cells.get(c);
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            workbook.write(out);
        }
        return file;
    }

    public static Path csv(Path file, Charset charset, boolean bom, String... lines) throws IOException {
        byte[] body = (String.join("\r\n", lines) + "\r\n").getBytes(charset);
        byte[] content = body;
        if (bom) {
            content = new byte[body.length + 3];
            content[0] = (byte) 0xEF;
            content[1] = (byte) 0xBB;
            content[2] = (byte) 0xBF;
            System.arraycopy(body, 0, content, 3, body.length);
        }
        Files.write(file, content);
        return file;
    }
}
