package cn.yanxiu.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a generated county goes, table by table: files in a folder (the {@code generate} command) or straight
 * into a database (the benchmark). Tables are named as the sample files are: schools, terms, teachers,
 * leaves, scores, ethics, prior-hours and activities-TERM; headers are the importer's Chinese headers.
 */
public interface CountyTables {

    TableWriter open(String table, List<String> headers) throws IOException;

    /** Spreadsheet files in a folder; the roster is XLSX up to 100,000 teachers and CSV beyond. */
    static Folder folder(Path out, int teachers) throws IOException {
        Files.createDirectories(out);
        return new Folder(out, teachers <= 100_000);
    }

    final class Folder implements CountyTables {
        private final Path out;
        private final boolean rosterAsXlsx;
        private final List<Path> written = new ArrayList<>();

        private Folder(Path out, boolean rosterAsXlsx) {
            this.out = out;
            this.rosterAsXlsx = rosterAsXlsx;
        }

        @Override
        public TableWriter open(String table, List<String> headers) throws IOException {
            boolean xlsx = table.equals("schools") || table.equals("teachers") && rosterAsXlsx;
            Path file = out.resolve(table + (xlsx ? ".xlsx" : ".csv"));
            written.add(file);
            return TableWriter.open(file, headers);
        }

        public List<Path> written() {
            return written;
        }
    }
}
