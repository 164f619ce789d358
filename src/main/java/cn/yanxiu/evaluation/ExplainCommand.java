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

/** {@code explain}: why a teacher got their grade, from a stored run or file to file. */
@Component
@Command(name = "explain", description = "解释某位教师的等级：得分计算、各项要求、触发的规则及来源、规则集哈希、如何提高一级",
        footer = {"%n示例：", "  java -jar target/yanxiu.jar explain --term 2025-2026-1 --teacher T0000008", "  java -jar target/yanxiu.jar explain --term 2025-2026-1 --teacher T0000008 --json"})
class ExplainCommand implements Callable<Integer>, YanxiuSubcommand {

    @Option(names = "--term", required = true, description = "学期编号")
    String term;

    @Option(names = "--teacher", required = true, description = "教师工号")
    String teacher;

    @Option(names = "--run", description = "运行编号（默认该学期最近一次完成的运行）")
    Long run;

    @Option(names = "--data", description = "文件到文件：先导入该文件夹的表格（临时内存数据库），按 --rules 即时计算")
    Path data;

    @Option(names = "--rules", description = "与 --data 一起用：规则集文件夹")
    Path rules;

    @Option(names = "--json", description = "输出 JSON")
    boolean json;

    @Spec
    CommandSpec spec;

    private final ExplanationService explanations;
    private final DataFolder dataFolder;

    ExplainCommand(ExplanationService explanations, DataFolder dataFolder) {
        this.explanations = explanations;
        this.dataFolder = dataFolder;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Explanation e;
            if (data != null) {
                if (!dataFolder.load(data, err)) {
                    return 1;
                }
                e = explanations.live(rules != null ? rules : Path.of("rules", term.substring(0, Math.min(9, term.length()))), term, teacher);
            } else if (!json) {
                // the stored evidence at once; what would raise the grade evaluates the rules again, so it follows
                e = explanations.fromRun(term, run, teacher, false);
                out.print(ExplanationText.render(e));
                out.flush();
                String raise = explanations.raiseHint(e.runId(), teacher);
                if (raise != null) {
                    out.print(ExplanationText.raiseSection(raise));
                }
                out.flush();
                return 0;
            } else {
                e = explanations.fromRun(term, run, teacher, true);
            }
            out.print(json ? ResultRows.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(e) + "\n" : ExplanationText.render(e));
            out.flush();
            return 0;
        } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
            err.println(e.getMessage());
            err.flush();
            return 1;
        }
    }
}
