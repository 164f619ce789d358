package cn.yanxiu.evaluation;

import cn.yanxiu.system.YanxiuSubcommand;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code worker}: joins term-end runs as a remote-partitioning worker. It takes school partitions from the
 * RabbitMQ queue the run's process fills (when that process has {@code YANXIU_BATCH_WORKERS=rabbitmq}) and
 * evaluates them against the shared database until stopped.
 */
@Component
@Command(name = "worker", description = "作为评价工作进程加入期末评价：从 RabbitMQ 队列领取学校分区，用运行保存的规则快照评价并写入共享数据库；Ctrl+C 停止",
        footer = {"%n示例：",
                  "  SPRING_PROFILES_ACTIVE=mysql SPRING_RABBITMQ_HOST=127.0.0.1 java -jar target/yanxiu.jar worker",
                  "  （发起运行的进程须设 YANXIU_BATCH_WORKERS=rabbitmq，才会把分区交给工作进程）"})
class WorkerCommand implements Callable<Integer>, YanxiuSubcommand {

    @Spec
    CommandSpec spec;

    private final String host;
    private final int consumers;
    private final String queue;

    WorkerCommand(@Value("${spring.rabbitmq.host:localhost}") String host, @Value("${yanxiu.batch.worker-threads}") int threads,
                  @Value("${yanxiu.batch.queue}") String queue) {
        this.host = host;
        this.consumers = cn.yanxiu.evaluation.batch.RemotePartitions.consumers(threads);
        this.queue = queue;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        out.println("评价工作进程已就绪：RabbitMQ " + host + "，队列 " + queue + "，同时处理 " + consumers + " 个分区；Ctrl+C 停止");
        out.flush();
        new CountDownLatch(1).await();
        return 0;
    }
}
