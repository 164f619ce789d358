package cn.yanxiu.exports;

import cn.yanxiu.credits.CreditSummaryExporter;
import cn.yanxiu.evaluation.EvaluationRuns;
import cn.yanxiu.evaluation.ResultExporter;
import cn.yanxiu.system.YanxiuSubcommand;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code export results|county|credits}: the sheets schools and the county file, from stored runs and the ledger. */
@Component
@Command(name = "export", description = "导出：results 运行结果表，county 县域汇总（C3），credits 学分认定汇总表（C2）",
        footer = {"%n示例：", "  java -jar target/yanxiu.jar export results --run 1 --out results.xlsx"},
        subcommands = {ExportCommand.Results.class, ExportCommand.County.class, ExportCommand.Credits.class})
class ExportCommand implements YanxiuSubcommand {

    abstract static class Export implements Callable<Integer> {
        @Option(names = "--out", required = true, description = "输出文件")
        Path out;

        @Spec
        CommandSpec spec;

        @org.springframework.beans.factory.annotation.Autowired
        cn.yanxiu.audit.AuditLog audit;

        @Override
        public Integer call() throws Exception {
            try {
                String written = write();
                // exports carry teachers' personal data: who wrote which file is on record
                audit.record(cn.yanxiu.audit.AuditLog.commandLineUser(), "导出", spec.name() + " → " + out.toAbsolutePath(), written);
                spec.commandLine().getOut().println(written);
                spec.commandLine().getOut().flush();
                return 0;
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("未导出：" + e.getMessage());
                return 2;
            } catch (java.io.IOException e) {
                spec.commandLine().getErr().println("未导出：无法写入 " + out + "（" + e + "）");
                return 2;
            }
        }

        abstract String write() throws Exception;

        void requireXlsx() {
            if (!out.toString().toLowerCase().endsWith(".xlsx")) {
                throw new IllegalArgumentException("此表只能导出为 .xlsx：" + out);
            }
        }
    }

    @Command(name = "results", description = "一次运行的结果表（.xlsx、.csv 或 .jsonl，格式同 evaluate --out）",
        footer = {"%n示例：", "  java -jar target/yanxiu.jar export results --run 1 --out results.xlsx"})
    static class Results extends Export {
        @Option(names = "--run", required = true, description = "运行编号")
        long run;

        private final ResultExporter exporter;
        private final EvaluationRuns runs;

        Results(ResultExporter exporter, EvaluationRuns runs) {
            this.exporter = exporter;
            this.runs = runs;
        }

        @Override
        String write() throws Exception {
            EvaluationRuns.Run r = runs.find(run).orElseThrow(() -> new IllegalArgumentException("没有运行 #" + run));
            if (!r.completed()) {
                throw new IllegalArgumentException("运行 #" + run + " 状态为 " + r.status() + "，未完成的运行没有结果");
            }
            String name = out.toString().toLowerCase();
            if (!name.endsWith(".xlsx") && !name.endsWith(".csv") && !name.endsWith(".jsonl")) {
                throw new IllegalArgumentException("结果表只能导出为 .xlsx、.csv 或 .jsonl：" + out);
            }
            return "运行 #" + run + " 结果：" + exporter.export(run, cn.yanxiu.accounts.Scope.PROVINCE, out, spec.commandLine().getErr()) + " 位教师 → " + out;
        }
    }

    @Command(name = "county", description = "县域汇总（C3）：各校开展的研修活动、各项政策达标率、等级分布",
        footer = {"%n示例：", "  java -jar target/yanxiu.jar export county --run 1 --out county.xlsx"})
    static class County extends Export {
        @Option(names = "--run", required = true, description = "运行编号")
        long run;

        private final CountyReportExporter exporter;

        County(CountyReportExporter exporter) {
            this.exporter = exporter;
        }

        @Override
        String write() throws Exception {
            requireXlsx();
            return "县域汇总：" + exporter.write(run, out) + " 所学校 → " + out;
        }
    }

    @Command(name = "credits", description = "学分认定汇总表（C2），同 credits export",
        footer = {"%n示例：", "  java -jar target/yanxiu.jar export credits --term 2025-2026-1 --out credits.xlsx"})
    static class Credits extends Export {
        @Option(names = "--term", required = true, description = "学期编号")
        String term;

        @Option(names = "--school", description = "只导出该学校")
        String school;

        private final CreditSummaryExporter exporter;

        Credits(CreditSummaryExporter exporter) {
            this.exporter = exporter;
        }

        @Override
        String write() throws Exception {
            requireXlsx();
            return "学分认定汇总表：" + exporter.write(term, school, out) + " 位教师 → " + out;
        }
    }
}
