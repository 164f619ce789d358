package cn.yanxiu.evaluation;

import cn.yanxiu.system.Times;
import cn.yanxiu.system.YanxiuSubcommand;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code publish}: makes a finished run its term's official result (credits are proposed only from it). */
@Component
@Command(name = "publish", description = "发布正式结果：把一次完成的运行定为该学期的正式评价结果（学分只按正式结果提出）；不带 --run 时列出该学期的发布记录",
        footer = {"%n示例：", "  java -jar target/yanxiu.jar publish --run 1 --by 教务处",
                  "  java -jar target/yanxiu.jar publish --run 3 --by 教务处 --reason 更正三名教师的听课记录后重新评价",
                  "  java -jar target/yanxiu.jar publish --term 2025-2026-1"})
class PublishCommand implements Callable<Integer>, YanxiuSubcommand {

    @Option(names = "--run", description = "要发布的运行编号")
    Long run;

    @Option(names = "--by", description = "发布人")
    String by;

    @Option(names = "--reason", description = "原因：替换已发布的正式结果、或学期已登记学分后发布（更正）时必填")
    String reason;

    @Option(names = "--term", description = "学期编号：列出该学期的发布记录")
    String term;

    @Spec
    CommandSpec spec;

    private final RunPublications publications;

    PublishCommand(RunPublications publications) {
        this.publications = publications;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (run == null && term == null) {
            err.println("用法：publish --run N --by 姓名 [--reason 原因]，或 publish --term 学期 列出发布记录");
            err.flush();
            return 2;
        }
        try {
            if (run != null) {
                RunPublications.Publication p = publications.publish(run, by, reason);
                out.println("学期 " + p.termId() + " 的正式结果：运行 #" + p.runId() + (p.replacesRunId() == null ? "" : "（替换运行 #" + p.replacesRunId() + "）")
                        + "，" + p.publishedBy() + " 于 " + Times.second(p.publishedAt()) + " 发布" + (p.reason() == null ? "" : "，原因：" + p.reason()));
            } else {
                var history = publications.history(term);
                if (history.isEmpty()) {
                    out.println("学期 " + term + " 还没有发布正式结果");
                }
                for (RunPublications.Publication p : history) {
                    out.println("运行 #" + p.runId() + "  " + Times.second(p.publishedAt()) + "  " + p.publishedBy()
                            + (p.replacesRunId() == null ? "" : "  替换 #" + p.replacesRunId()) + (p.reason() == null ? "" : "  原因：" + p.reason()));
                }
                out.println(publications.locked(term) ? "学期已有学分登记（已锁定）：再发布其他运行须写明更正原因" : "学期尚未登记学分");
            }
            out.flush();
            return 0;
        } catch (RunPublications.PublicationRefused e) {
            err.println(e.getMessage());
            err.flush();
            return 2;
        }
    }
}
