package cn.yanxiu.importing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/** Streams the rows of a spreadsheet file, whatever its format, so a large file never sits in memory. */
interface TableReader {

    void read(Path file, Consumer<TableRow> rows);

    static TableReader forFile(Path file, ImportLimits limits) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(file)) {
            throw new ImportRejected("文件不存在或不可读");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (java.io.IOException e) {
            throw new ImportRejected("无法读取文件: " + e.getMessage(), e);
        }
        if (size == 0) {
            throw new ImportRejected("文件为空");
        }
        if (size > limits.maxFileBytes()) {
            throw new ImportRejected("文件过大: " + size + " 字节，上限 " + limits.maxFileBytes() + " 字节");
        }
        if (name.endsWith(".csv")) {
            return new CsvTableReader(limits);
        }
        if (name.endsWith(".xlsx")) {
            return new XlsxTableReader(limits);
        }
        throw new ImportRejected("不支持的文件类型，只接受 .xlsx 和 .csv");
    }
}
