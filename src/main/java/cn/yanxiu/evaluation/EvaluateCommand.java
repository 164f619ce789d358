package cn.yanxiu.evaluation;

import cn.yanxiu.rules.RuleSetWorkspace;
import cn.yanxiu.system.YanxiuSubcommand;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evaluate}: the term-end batch, on the configured database or file to file. */
@Component
@Command(name = "evaluate", description = "期末批量评价：按规则集评定每位教师的等级，保存为一次不可更改的运行",
        footer = {"%n示例：", "  java -jar target/yanxiu.jar evaluate --term 2025-2026-1", "  java -jar target/yanxiu.jar evaluate --data data-samples --rules rules/2025-2026 --term 2025-2026-1 --out results.jsonl", "  java -jar target/yanxiu.jar evaluate --resume 3"})
class EvaluateCommand implements Callable<Integer>, YanxiuSubcommand {

    @Option(names = "--term", description = "学期编号，如 2025-2026-1")
    String term;

    @Option(names = "--rules", description = "规则集文件夹（默认：学期已启用的规则集（数据库中的）；未启用时 rules/<学年>）")
    Path rules;

    @ArgGroup(exclusive = true)
    Scope scope;

    static class Scope {
        @Option(names = "--school", description = "只评价一所学校")
        String school;

        @Option(names = "--district", description = "只评价一个区县")
        String district;
    }

    @Option(names = "--data", description = "先把该文件夹的表格导入临时内存数据库（文件到文件，不动正式数据库）")
    Path data;

    @Option(names = "--out", description = "结果文件：.jsonl、.csv 或 .xlsx")
    Path out;

    @Option(names = "--resume", description = "继续一次中断的运行")
    Long resume;

    @Option(names = "--abandon", description = "放弃一次中断的运行（保留在历史中，不作为结果）")
    Long abandon;

    @Option(names = "--by", description = "发起人（默认“命令行（系统用户名）”）")
    String by = "命令行（" + System.getProperty("user.name", "?") + "）";

    @Spec
    CommandSpec spec;

    private final EvaluationService evaluation;
    private final EvaluationRuns runs;
    private final ResultExporter exporter;
    private final GradeMix gradeMix;
    private final DataFolder dataFolder;
    private final RuleSetWorkspace workspace;

    EvaluateCommand(EvaluationService evaluation, EvaluationRuns runs, ResultExporter exporter, GradeMix gradeMix, DataFolder dataFolder,
                    RuleSetWorkspace workspace) {
        this.workspace = workspace;
        this.evaluation = evaluation;
        this.runs = runs;
        this.exporter = exporter;
        this.gradeMix = gradeMix;
        this.dataFolder = dataFolder;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (abandon != null) {
            try {
                runs.abandon(abandon);
            } catch (EvaluationRuns.RunRefused e) {
                err.println(e.getMessage());
                return 1;
            }
            out.println("运行 #" + abandon + " 已放弃");
            return 0;
        }
        if (resume == null && term == null) {
            err.println("请用 --term 指定学期（如 --term 2025-2026-1），或用 --resume 继续中断的运行");
            return 2;
        }
        if (data != null && !dataFolder.load(data, err)) {
            return 1;
        }
        EvaluationRuns.Run run;
        try {
            if (resume != null) {
                run = evaluation.resume(resume, err);
            } else {
                String where = scope == null ? "全部" : scope.school != null ? "school:" + scope.school : "district:" + scope.district;
                var activation = rules == null && data == null ? workspace.activation(term) : java.util.Optional.<RuleSetWorkspace.Activation>empty();
                if (activation.isPresent()) {
                    // the rule set the term's administrator activated, as the database keeps it (the pages' edits included)
                    err.println("使用学期 " + term + " 已启用的规则集 " + activation.get().folder() + "（哈希 " + activation.get().hash().substring(0, 16) + "…）");
                    run = evaluation.evaluate(term, workspace.folder(activation.get().folder()), activation.get().hash(), where, by, err);
                } else {
                    Path dir = rules != null ? rules : Path.of("rules", term.length() >= 9 ? term.substring(0, 9) : term);
                    run = evaluation.evaluate(term, dir, where, by, err);
                }
            }
        } catch (EvaluationRuns.RunRefused | IllegalArgumentException | RuleSetWorkspace.RuleEditRefused e) {
            err.println(e.getMessage());
            err.flush();
            return 1;
        }
        out.println("运行 #" + run.id() + " 完成：学期 " + run.termId() + "，教师 " + run.teachers() + " 人，规则集哈希 " + run.ruleSetHash());
        out.println("等级分布：" + run.gradeCounts().replace(";", "，") + (run.ruleErrors() > 0 ? "（规则出错 " + run.ruleErrors() + " 人，见结果）" : ""));
        out.println();
        out.print(gradeMix.table(run.id()));
        if (this.out != null) {
            int n = exporter.export(run.id(), cn.yanxiu.accounts.Scope.PROVINCE, this.out, err);
            out.println("结果已写入 " + this.out + "（" + n + " 行）");
        }
        out.flush();
        return 0;
    }
}
