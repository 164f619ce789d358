package cn.yanxiu.audit;

import cn.yanxiu.system.Times;
import cn.yanxiu.system.YanxiuSubcommand;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code audit verify} and {@code audit list}: the audit log on the command line. */
@Component
@Command(name = "audit", description = "审计日志：verify 校验哈希链（发现被删除或改动的记录），list 列出记录",
        footer = {"%n示例：", "  java -jar target/yanxiu.jar audit verify", "  java -jar target/yanxiu.jar audit list --action 撤销证书"},
        subcommands = {AuditCommand.Verify.class, AuditCommand.ListEvents.class})
class AuditCommand implements YanxiuSubcommand {

    @Command(name = "verify", description = "从第一条记录起逐条校验哈希链；完整时退出码 0，有记录被删除或改动时指出第几条并以 1 退出",
        footer = {"%n示例：", "  java -jar target/yanxiu.jar audit verify"})
    static class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        private final AuditLog audit;

        Verify(AuditLog audit) {
            this.audit = audit;
        }

        @Override
        public Integer call() {
            AuditLog.Verification v = audit.verify();
            PrintWriter out = spec.commandLine().getOut();
            if (v.intact()) {
                out.println("审计日志完整：" + v.rows() + " 条记录，哈希链无断裂");
                out.flush();
                return 0;
            }
            spec.commandLine().getErr().println("审计日志被改动：" + v.problem());
            spec.commandLine().getErr().flush();
            return 1;
        }
    }

    @Command(name = "list", description = "列出审计日志（最新在前）",
        footer = {"%n示例：", "  java -jar target/yanxiu.jar audit list --actor admin --limit 50"})
    static class ListEvents implements Callable<Integer> {
        @Option(names = "--actor", description = "操作人（包含此文字）")
        String actor;

        @Option(names = "--action", description = "操作，如 登录失败、修改规则、撤销证书")
        String action;

        @Option(names = "--limit", defaultValue = "100", description = "最多列出几条（默认 100）")
        int limit;

        @Spec
        CommandSpec spec;

        private final AuditLog audit;

        ListEvents(AuditLog audit) {
            this.audit = audit;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (AuditLog.Event e : audit.find(actor, action, null, null, limit)) {
                out.println("#" + e.id() + "  " + Times.second(e.at()) + "  " + e.actor() + "  " + (e.address() == null ? "" : e.address()) + "  " + e.action()
                        + (e.target() == null ? "" : "  " + e.target()) + (e.detail() == null ? "" : "  " + e.detail()));
            }
            out.flush();
            return 0;
        }
    }
}
