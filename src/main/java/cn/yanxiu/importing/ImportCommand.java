package cn.yanxiu.importing;

import cn.yanxiu.system.EmbeddedFileCompaction;
import cn.yanxiu.system.YanxiuSubcommand;
import cn.yanxiu.teacher.CountySummary;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code import FILE|DIR...}: imports spreadsheets whole or not at all, reporting every rejected cell. */
@Component
@Command(name = "import", description = "导入学校、学期、教师、活动记录等表格（XLSX/CSV）；文件夹则导入其中全部表格",
        footer = {"%n示例：", "  java -jar target/yanxiu.jar import data-samples", "  java -jar target/yanxiu.jar import teachers.xlsx activities.csv"})
class ImportCommand implements Callable<Integer>, YanxiuSubcommand {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "表格文件或文件夹")
    List<Path> paths;

    @Spec
    CommandSpec spec;

    private final SpreadsheetImporter importer;
    private final CountySummary summary;
    private final EmbeddedFileCompaction compaction;

    private final cn.yanxiu.audit.AuditLog audit;

    ImportCommand(SpreadsheetImporter importer, CountySummary summary, EmbeddedFileCompaction compaction, cn.yanxiu.audit.AuditLog audit) {
        this.audit = audit;
        this.importer = importer;
        this.summary = summary;
        this.compaction = compaction;
    }

    /** Rows read inside each file, with their rate, on the error stream (a terminal redraws one line; a log gets a line a second). */
    private static SpreadsheetImporter.Listener progress(PrintWriter err) {
        return new SpreadsheetImporter.Listener() {
            private cn.yanxiu.system.Progress line;

            @Override
            public void opening(String file) {
                new cn.yanxiu.system.Progress("导入 " + file, -1, err).begin();
            }

            @Override
            public void starting(String file, long rows) {
                line = new cn.yanxiu.system.Progress("导入 " + file, rows, err);
            }

            @Override
            public void read(long rows) {
                line.update(rows);
            }

            @Override
            public void finished(long rows) {
                line.done(rows);
            }
        };
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<ImportResult> results = importer.importFiles(expand(paths), progress(err));
        audit.record(cn.yanxiu.audit.AuditLog.commandLineUser(), "导入", results.size() + " 个文件",
                results.stream().map(r -> r.file() + (r.imported() ? "：已导入" : "：拒绝")).collect(java.util.stream.Collectors.joining("；")));
        int failed = 0;
        for (ImportResult result : results) {
            if (result.imported()) {
                out.println("✔ " + result.file() + "（" + result.kind() + "）" + result.summary());
            } else {
                failed++;
                err.println("✘ " + result.file() + (result.kind() == null ? "" : "（" + result.kind() + "）")
                        + " 未导入，共 " + result.problemCount() + " 处问题：");
                result.problems().forEach(p -> err.println("  " + p));
                if (result.problemCount() > result.problems().size()) {
                    err.println("  …… 另有 " + (result.problemCount() - result.problems().size()) + " 处问题未列出");
                }
            }
        }
        out.println();
        out.print(summary.describe());
        out.flush();
        err.flush();
        if (failed < results.size()) {
            // the last thing this command does: the database is closed afterwards
            compaction.compactIfAlone().ifPresent(c -> out.printf("数据库文件已整理：%,d MB → %,d MB（%s）%n",
                    c.before() >> 20, c.after() >> 20, c.file()));
        }
        return failed == 0 ? 0 : 1;
    }

    private static List<Path> expand(List<Path> paths) throws java.io.IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> list = Files.list(path)) {
                    list.filter(p -> p.toString().endsWith(".xlsx") || p.toString().endsWith(".csv")).sorted().forEach(files::add);
                }
            } else {
                files.add(path);
            }
        }
        return files;
    }
}
