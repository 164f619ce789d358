package cn.yanxiu.web;

import cn.yanxiu.accounts.Accounts;
import cn.yanxiu.system.YanxiuSubcommand;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: keeps the web application running (port from {@code SERVER_PORT}, default 8080) until
 * stopped. On the first start it creates the first administrator and prints a generated password once.
 */
@Component
@Command(name = "serve", description = "启动网页服务（端口取环境变量 SERVER_PORT，默认 8080）；首次启动时创建管理员账号并只显示一次初始密码；Ctrl+C 停止",
        footer = {"%n示例：", "  SERVER_PORT=8080 YANXIU_ADMIN_PASSWORD=请换成自己的密码 java -jar target/yanxiu.jar serve"})
class ServeCommand implements Callable<Integer>, YanxiuSubcommand {

    @Spec
    CommandSpec spec;

    private final String port;
    private final Accounts accounts;
    private final String adminUsername;
    private final String adminPassword;
    private final cn.yanxiu.certificates.Certificates certificates;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final RunTakeover takeover;

    ServeCommand(RunTakeover takeover, @Value("${server.port:8080}") String port, Accounts accounts, @Value("${yanxiu.admin.username:admin}") String adminUsername,
                 @Value("${yanxiu.admin.password:}") String adminPassword, cn.yanxiu.certificates.Certificates certificates,
                 org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.takeover = takeover;
        this.certificates = certificates;
        this.port = port;
        this.accounts = accounts;
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        try {
            certificates.requirePublicVerifyUrl();
        } catch (cn.yanxiu.certificates.Certificates.CertificateRefused e) {
            spec.commandLine().getErr().println("未启动：" + e.getMessage());
            spec.commandLine().getErr().flush();
            return 2;
        }
        Optional<String> generated = accounts.ensureFirstAdmin(adminUsername, adminPassword);
        generated.ifPresent(p -> out.println("已创建首位管理员：用户名 " + adminUsername + "，初始密码 " + p
                + "（只显示这一次；登录后请在右上角修改）"));
        // this command holds the start-up runner open for as long as it serves: say "ready" here, once the first
        // administrator exists, so a load balancer's readiness probe (/actuator/health/readiness) sends traffic
        org.springframework.boot.availability.AvailabilityChangeEvent.publish(events, this,
                org.springframework.boot.availability.ReadinessState.ACCEPTING_TRAFFIC);
        takeover.start();
        out.println("研修网页服务已启动：http://localhost:" + port + "/ （证书核验：/verify/证书编号；接口说明：/api/openapi）Ctrl+C 停止");
        out.flush();
        new CountDownLatch(1).await();
        return 0;
    }
}
