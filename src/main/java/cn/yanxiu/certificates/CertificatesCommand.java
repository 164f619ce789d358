package cn.yanxiu.certificates;

import cn.yanxiu.system.YanxiuSubcommand;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code certificates --run N --out DIR}, {@code certificates verify SERIAL}, {@code certificates revoke SERIAL}. */
@Component
@Command(name = "certificates", description = "证书：为已登记且合格/优秀的教师发证（PDF，按学校另打 ZIP）；verify 核验；revoke 撤销",
        footer = {"%n示例：", "  java -jar target/yanxiu.jar certificates --run 1 --out certificates --by 县教育局"},
        subcommands = {CertificatesCommand.Verify.class, CertificatesCommand.Revoke.class})
class CertificatesCommand implements Callable<Integer>, YanxiuSubcommand {

    @Option(names = "--run", description = "运行编号")
    Long run;

    @Option(names = "--out", description = "输出文件夹")
    Path out;

    @Option(names = "--by", defaultValue = "管理员", description = "发证人（默认 ${DEFAULT-VALUE}）")
    String by;

    @Spec
    CommandSpec spec;

    private final Certificates certificates;

    CertificatesCommand(Certificates certificates) {
        this.certificates = certificates;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (run == null || out == null) {
            err.println("发证需要 --run 与 --out；核验用 certificates verify 编号");
            return 2;
        }
        try {
            Certificates.Issued issued = certificates.issue(run, by, out, err);
            PrintWriter o = spec.commandLine().getOut();
            o.printf("运行 #%d：证书 %d 份（新签发 %d 份）→ %s；按学校打包 %d 个 ZIP%s%n", run, issued.certificates(), issued.newlyIssued(), out,
                    issued.zips().size(), issued.revoked() == 0 ? "" : "；已撤销的 " + issued.revoked() + " 份不再生成");
            o.flush();
            return 0;
        } catch (Certificates.CertificateRefused e) {
            err.println("未发证：" + e.getMessage());
            return 2;
        }
    }

    @Command(name = "verify", description = "核验证书编号：真实有效、已撤销或不是真实证书，并显示依据",
        footer = {"%n示例：", "  java -jar target/yanxiu.jar certificates verify YX-2025-2026-1-ABCDEFGHJK-ABCDE"})
    static class Verify implements Callable<Integer> {
        @Parameters(paramLabel = "SERIAL", description = "证书编号")
        String serial;

        @Spec
        CommandSpec spec;

        private final Certificates certificates;

        Verify(Certificates certificates) {
            this.certificates = certificates;
        }

        @Override
        public Integer call() {
            Certificates.Verification v = certificates.verify(serial);
            PrintWriter out = spec.commandLine().getOut();
            out.println(v.serial() + "：" + v.message());
            if (v.status() != Certificates.Verification.Status.NOT_GENUINE) {
                out.printf("  %s，%s，学期 %s，等级 %s，认定学时 %s，学分 %s%n", v.teacherName(), v.schoolName(), v.termId(), v.grade(),
                        v.hours().stripTrailingZeros().toPlainString(), v.credits().stripTrailingZeros().toPlainString());
                out.println("  规则集哈希：" + v.ruleSetHash());
                v.approvals().forEach(a -> out.println("  " + a.step() + "：已通过 " + cn.yanxiu.system.Times.second(a.at())));
                if (v.issuer() != null && !v.issuer().isBlank()) {
                    out.println("  发证单位：" + v.issuer());
                }
                out.println("  发证：" + cn.yanxiu.system.Times.second(v.issuedAt()));
            }
            out.flush();
            return v.status() == Certificates.Verification.Status.GENUINE ? 0 : 1;
        }
    }

    @Command(name = "revoke", description = "撤销证书（如学分更正后），须说明原因；核验时显示撤销记录",
        footer = {"%n示例：", "  java -jar target/yanxiu.jar certificates revoke YX-2025-2026-1-ABCDEFGHJK-ABCDE --by 县教育局 --reason 学分更正"})
    static class Revoke implements Callable<Integer> {
        @Parameters(paramLabel = "SERIAL", description = "证书编号")
        String serial;

        @Option(names = "--by", required = true, description = "操作人")
        String by;

        @Option(names = "--reason", required = true, description = "撤销原因")
        String reason;

        @Spec
        CommandSpec spec;

        private final Certificates certificates;

        Revoke(Certificates certificates) {
            this.certificates = certificates;
        }

        @Override
        public Integer call() {
            try {
                certificates.revoke(serial, by, reason);
                spec.commandLine().getOut().println("证书 " + serial + " 已撤销");
                spec.commandLine().getOut().flush();
                return 0;
            } catch (Certificates.CertificateRefused e) {
                spec.commandLine().getErr().println("未撤销：" + e.getMessage());
                return 2;
            }
        }
    }
}
