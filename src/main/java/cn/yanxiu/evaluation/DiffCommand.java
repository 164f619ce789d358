package cn.yanxiu.evaluation;

import cn.yanxiu.system.YanxiuSubcommand;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code diff}: grade changes between two rule sets on the same data, or between two runs. */
@Component
@Command(name = "diff", description = "比较两个规则集（同一数据）或两次运行：哪些教师等级变化、按学校与变化统计、相关政策",
        footer = {"%n示例：", "  java -jar target/yanxiu.jar diff --run 1 --against-run 2", "  java -jar target/yanxiu.jar diff --term 2025-2026-1 --rules rules/2025-2026 --against rules/2026-2027"})
class DiffCommand implements Callable<Integer>, YanxiuSubcommand {

    @Option(names = "--term", description = "学期编号（比较规则集时必填）")
    String term;

    @Option(names = "--rules", description = "规则集 A")
    Path rules;

    @Option(names = "--against", description = "规则集 B")
    Path against;

    @Option(names = "--run", description = "运行 A")
    Long run;

    @Option(names = "--against-run", description = "运行 B")
    Long againstRun;

    @Option(names = "--data", description = "文件到文件：先导入该文件夹的表格（临时内存数据库）")
    Path data;

    @Spec
    CommandSpec spec;

    private final DiffService diffs;
    private final DataFolder dataFolder;

    DiffCommand(DiffService diffs, DataFolder dataFolder) {
        this.diffs = diffs;
        this.dataFolder = dataFolder;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            GradeDiff diff;
            if (run != null && againstRun != null) {
                diff = diffs.runs(run, againstRun);
            } else if (term != null && rules != null && against != null) {
                if (data != null && !dataFolder.load(data, err)) {
                    return 1;
                }
                diff = diffs.ruleSets(term, rules, against, cn.yanxiu.accounts.Scope.PROVINCE, err);
            } else {
                err.println("用法：diff --term T --rules A --against B [--data DIR]，或 diff --run N --against-run M");
                return 2;
            }
            out.print(diff.render());
            out.flush();
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.flush();
            return 1;
        }
    }
}
