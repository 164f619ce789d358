package cn.yanxiu.evaluation;

import cn.yanxiu.importing.ImportResult;
import cn.yanxiu.importing.SpreadsheetImporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** File-to-file work ({@code --data DIR}): loads a folder of spreadsheets into the throwaway in-memory database. */
@Component
public class DataFolder {

    private final SpreadsheetImporter importer;

    DataFolder(SpreadsheetImporter importer) {
        this.importer = importer;
    }

    /** Imports every spreadsheet of the folder; false (with every problem printed) when any file was refused. */
    public boolean load(Path dir, PrintWriter err) throws IOException {
        if (!Files.isDirectory(dir)) {
            err.println("数据文件夹不存在：" + dir);
            return false;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".csv") || p.toString().endsWith(".xlsx")).sorted().toList();
        }
        boolean ok = true;
        for (ImportResult result : importer.importFiles(files)) {
            if (!result.imported()) {
                ok = false;
                err.println("✘ " + result.file() + " 未导入：");
                result.problems().forEach(p -> err.println("  " + p));
            }
        }
        err.flush();
        return ok;
    }
}
