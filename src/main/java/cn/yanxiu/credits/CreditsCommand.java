package cn.yanxiu.credits;

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

/** {@code credits propose|approve|return|register|show|export}: the credit ledger and its approval chain (C1, C2). */
@Component
@Command(name = "credits", description = "学分认定：提出（propose）、教研组认定/教导处复审（approve）、退回（return）、登记（register）、查看（show）、汇总表（export）",
        footer = {"%n示例：", "  java -jar target/yanxiu.jar credits propose --run 1 --by 教务处", "  java -jar target/yanxiu.jar credits approve --step group --term 2025-2026-1 --school S000101 --by 教研组长"},
        subcommands = {CreditsCommand.Propose.class, CreditsCommand.Approve.class, CreditsCommand.Return.class, CreditsCommand.Register.class,
            CreditsCommand.Show.class, CreditsCommand.Export.class})
class CreditsCommand implements YanxiuSubcommand {

    /** The entries a bulk step acts on. */
    static class Filter {
        @Option(names = "--term", required = true, description = "学期编号")
        String term;

        @Option(names = "--school", description = "只处理该学校")
        String school;

        @Option(names = "--group", description = "只处理该教研组（编号，如 S0101:语文组）")
        String group;

        @Option(names = "--teacher", description = "只处理该教师（工号）")
        String teacher;

        CreditFilter toFilter() {
            return new CreditFilter(term, school, group, teacher);
        }
    }

    /** Runs a ledger action and turns a refusal into a clear message and exit code 2. */
    abstract static class Action implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try {
                act(spec.commandLine().getOut());
                return 0;
            } catch (CreditLedger.CreditRefused | IllegalArgumentException e) {
                spec.commandLine().getErr().println("未执行：" + e.getMessage());
                return 2;
            } finally {
                spec.commandLine().getOut().flush();
            }
        }

        abstract void act(PrintWriter out) throws Exception;
    }

    @Command(name = "propose", description = "按一次完成的运行提出学分（不合格者无学时）；结果与已有记录不同时为更正，须说明原因",
        footer = {"%n示例：", "  java -jar target/yanxiu.jar credits propose --run 1 --by 教务处"})
    static class Propose extends Action {
        @Option(names = "--run", required = true, description = "运行编号")
        long run;

        @Option(names = "--by", required = true, description = "操作人")
        String by;

        @Option(names = "--reason", description = "更正原因（已有记录的教师结果不同时必填）")
        String reason;

        private final CreditLedger ledger;

        Propose(CreditLedger ledger) {
            this.ledger = ledger;
        }

        @Override
        void act(PrintWriter out) {
            CreditLedger.Proposal p = ledger.propose(run, by, reason);
            out.printf("运行 #%d（学期 %s）：新提出 %d 条，更正 %d 条，结果未变 %d 人，无认定学时 %d 人，规则出错未提出 %d 人%n",
                    p.runId(), p.termId(), p.proposed(), p.corrected(), p.unchanged(), p.withoutHours(), p.ruleErrors());
        }
    }

    /** A step of the chain over the entries of a filter: who did it, with an optional comment. */
    abstract static class StepAction extends Action {
        @ArgGroup(exclusive = false, multiplicity = "1")
        Filter filter;

        @Option(names = "--by", required = true, description = "审核或登记人")
        String by;

        @Option(names = "--comment", description = "意见或备注")
        String comment;

        private final CreditLedger ledger;

        StepAction(CreditLedger ledger) {
            this.ledger = ledger;
        }

        abstract CreditStep step();

        @Override
        void act(PrintWriter out) {
            CreditStep s = step();
            CreditLedger.StepResult r = ledger.approve(s, filter.toFilter(), by, comment);
            boolean register = s == CreditStep.REGISTER;
            if (r.done() == 0 && r.waitingEarlier() > 0) {
                // nothing was at this step, but entries wait for an earlier one: the steps were run out of order
                throw new CreditLedger.CreditRefused(s.label() + "：" + filter.toFilter().describe() + " 没有等待这一步的记录；" + r.waitingEarlier() + " 条"
                        + (register ? "未经两级审核，不予登记" : "尚未完成前一步审核") + "，请先完成前一步");
            }
            out.printf("%s：%s %s %d 条%s%n", s.label(), filter.toFilter().describe(), register ? "登记" : "通过", r.done(), r.waitingEarlier() == 0 ? ""
                    : "；另有 " + r.waitingEarlier() + " 条" + (register ? "未经两级审核，不予登记" : "尚未完成前一步审核"));
        }
    }

    @Command(name = "approve", description = "审核通过：--step group 教研组认定，--step office 教导处复审；可按学校、教研组批量，附一条意见",
        footer = {"%n示例：", "  java -jar target/yanxiu.jar credits approve --step group --term 2025-2026-1 --school S000101 --by 教研组长 --comment 同意", "  java -jar target/yanxiu.jar credits approve --step office --term 2025-2026-1 --school S000101 --by 教导主任"})
    static class Approve extends StepAction {
        @Option(names = "--step", required = true, description = "group（教研组认定）或 office（教导处复审）")
        String step;

        Approve(CreditLedger ledger) {
            super(ledger);
        }

        @Override
        CreditStep step() {
            return switch (step.toLowerCase()) {
                case "group" -> CreditStep.GROUP;
                case "office" -> CreditStep.OFFICE;
                default -> throw new IllegalArgumentException("--step 只能是 group（教研组认定）或 office（教导处复审），收到“" + step + "”");
            };
        }
    }

    @Command(name = "return", description = "退回尚未登记的学分记录，须说明原因；改正记录后重新评价并 propose 即为更正",
        footer = {"%n示例：", "  java -jar target/yanxiu.jar credits return --term 2025-2026-1 --teacher T0000008 --by 教研组长 --reason 学时记录有误"})
    static class Return extends Action {
        @ArgGroup(exclusive = false, multiplicity = "1")
        Filter filter;

        @Option(names = "--by", required = true, description = "操作人")
        String by;

        @Option(names = "--reason", required = true, description = "退回原因")
        String reason;

        private final CreditLedger ledger;

        Return(CreditLedger ledger) {
            this.ledger = ledger;
        }

        @Override
        void act(PrintWriter out) {
            out.printf("退回：%s 共 %d 条%n", filter.toFilter().describe(), ledger.sendBack(filter.toFilter(), by, reason));
        }
    }

    @Command(name = "register", description = "学分登记：只登记已经教研组认定并经教导处复审的记录",
        footer = {"%n示例：", "  java -jar target/yanxiu.jar credits register --term 2025-2026-1 --school S000101 --by 教务处"})
    static class Register extends StepAction {
        Register(CreditLedger ledger) {
            super(ledger);
        }

        @Override
        CreditStep step() {
            return CreditStep.REGISTER;
        }
    }

    @Command(name = "show", description = "某位教师的学分记录：每学期的学时、学分、状态与每一步审核",
        footer = {"%n示例：", "  java -jar target/yanxiu.jar credits show --teacher T0000008"})
    static class Show extends Action {
        @Option(names = "--teacher", required = true, description = "教师工号")
        String teacher;

        private final CreditLedger ledger;

        Show(CreditLedger ledger) {
            this.ledger = ledger;
        }

        @Override
        void act(PrintWriter out) {
            var entries = ledger.entries(teacher);
            if (entries.isEmpty()) {
                out.println("教师 " + teacher + " 没有学分记录");
                return;
            }
            java.math.BigDecimal registeredHours = java.math.BigDecimal.ZERO;
            java.math.BigDecimal registeredCredits = java.math.BigDecimal.ZERO;
            for (var e : entries) {
                out.printf("#%d  学期 %s  运行 #%d  %s  学时 %s  学分 %s  %s%s%n", e.id(), e.termId(), e.runId(), e.grade() == null ? "" : e.grade(),
                        e.hours().stripTrailingZeros().toPlainString(), e.credits().stripTrailingZeros().toPlainString(), e.status().label(),
                        e.correctsId() == null ? "" : "（更正 #" + e.correctsId() + "：" + e.reason() + "）");
                out.printf("      提出：%s %s%n", e.proposedBy(), cn.yanxiu.system.Times.second(e.proposedAt()));
                for (var s : e.steps()) {
                    out.printf("      %s：%s %s %s%s%n", s.step().label(), "RETURNED".equals(s.decision()) ? "退回" : "通过", s.actor(),
                            cn.yanxiu.system.Times.second(s.actedAt()),
                            s.comment() == null ? "" : "（" + s.comment() + "）");
                }
                if (e.status() == CreditStatus.REGISTERED) {
                    registeredHours = registeredHours.add(e.hours());
                    registeredCredits = registeredCredits.add(e.credits());
                }
            }
            out.printf("已登记合计：学时 %s，学分 %s%n", registeredHours.stripTrailingZeros().toPlainString(), registeredCredits.stripTrailingZeros().toPlainString());
            ledger.progress(teacher).forEach(line -> out.println("进度 " + line));
        }
    }

    @Command(name = "export", description = "学分认定汇总表（XLSX）：学校、教师、各类学时、认定学时、学分、等级、审核记录",
        footer = {"%n示例：", "  java -jar target/yanxiu.jar credits export --term 2025-2026-1 --out 学分认定汇总表.xlsx"})
    static class Export extends Action {
        @Option(names = "--term", required = true, description = "学期编号")
        String term;

        @Option(names = "--school", description = "只导出该学校")
        String school;

        @Option(names = "--out", required = true, description = "输出文件（.xlsx）")
        Path out;

        private final CreditSummaryExporter exporter;

        Export(CreditSummaryExporter exporter) {
            this.exporter = exporter;
        }

        @Override
        void act(PrintWriter writer) throws Exception {
            if (!out.toString().endsWith(".xlsx")) {
                throw new IllegalArgumentException("学分认定汇总表只能导出为 .xlsx：" + out);
            }
            int n = exporter.write(term, school, out);
            writer.printf("学分认定汇总表：%d 位教师 → %s%n", n, out);
        }
    }
}
