package cn.yanxiu.web;

import cn.yanxiu.system.YanxiuSubcommand;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code serve}: keeps the web server running (port from the environment variable {@code SERVER_PORT}, default 8080) until stopped. */
@Component
@Command(name = "serve", description = "启动网页服务（端口取环境变量 SERVER_PORT，默认 8080；目前提供公开的证书核验页 /verify/编号 与 /api/certificates/编号）；Ctrl+C 停止")
class ServeCommand implements Callable<Integer>, YanxiuSubcommand {

    @Spec
    CommandSpec spec;

    private final String port;

    ServeCommand(@Value("${server.port:8080}") String port) {
        this.port = port;
    }

    @Override
    public Integer call() throws InterruptedException {
        spec.commandLine().getOut().println("研修网页服务已启动：http://localhost:" + port + "/verify/证书编号（Ctrl+C 停止）");
        spec.commandLine().getOut().flush();
        new CountDownLatch(1).await();
        return 0;
    }
}
