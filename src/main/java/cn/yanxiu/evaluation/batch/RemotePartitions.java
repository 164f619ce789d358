package cn.yanxiu.evaluation.batch;

import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.integration.partition.BeanFactoryStepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * The term-end batch across machines: with {@code yanxiu.batch.workers=rabbitmq} the run's process (the manager)
 * sends each school partition as a message to a RabbitMQ queue and follows the partitions' progress in the job
 * repository; {@code yanxiu worker} processes take the messages one at a time and evaluate them with the rule
 * set compiled from the run's stored snapshot. A worker acknowledges a partition only when it is finished, so a
 * partition of a worker that dies goes back to the queue and another worker resumes it from its last committed
 * chunk. Without the property nothing here connects to a broker.
 */
@Configuration
public class RemotePartitions {

    private final String queue;

    /** {@code queue}: where the partitions wait for a worker (durable, so a broker restart loses none); one per deployment. */
    RemotePartitions(@org.springframework.beans.factory.annotation.Value("${yanxiu.batch.queue}") String queue) {
        this.queue = queue;
    }

    /** The partitions a worker takes at once: as configured, or one per core when that is 0. */
    public static int consumers(int configured) {
        return configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
    }

    @Bean
    DirectChannel partitionRequests() {
        return new DirectChannel();
    }

    @Bean
    Queue partitionQueue() {
        return new Queue(queue, true);
    }

    /** The manager's side: each partition request, as plain text, onto the queue. */
    @Bean
    @ConditionalOnProperty(name = "yanxiu.batch.workers", havingValue = "rabbitmq")
    IntegrationFlow partitionsToWorkers(RabbitTemplate rabbit) {
        return IntegrationFlow.from(partitionRequests())
                .transform(StepExecutionRequest.class, RemotePartitions::text)
                .handle(Amqp.outboundAdapter(rabbit).routingKey(queue))
                .get();
    }

    /** A worker's side: one partition at a time per consumer, acknowledged once evaluated and committed. */
    @Bean
    @ConditionalOnProperty(name = "yanxiu.batch.role", havingValue = "worker")
    IntegrationFlow partitionsFromManager(ConnectionFactory connections, JobExplorer explorer, BeanFactory beans,
                                          @org.springframework.beans.factory.annotation.Value("${yanxiu.batch.worker-threads}") int threads) {
        BeanFactoryStepLocator steps = new BeanFactoryStepLocator();
        steps.setBeanFactory(beans);
        StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
        handler.setJobExplorer(explorer);
        handler.setStepLocator(steps);
        int consumers = consumers(threads);
        return IntegrationFlow.from(Amqp.inboundAdapter(connections, queue)
                        .configureContainer(c -> c.prefetchCount(1).concurrentConsumers(consumers).defaultRequeueRejected(true)))
                .transform(String.class, RemotePartitions::request)
                .handle(StepExecutionRequest.class, (request, headers) -> {
                    org.springframework.batch.core.StepExecution done;
                    try {
                        done = handler.handle(request);
                    } catch (org.springframework.batch.core.step.NoSuchStepException e) {
                        // a partition of a run this database does not hold (another deployment's broker): dropped, not retried
                        System.out.println("分区消息 " + text(request) + " 不属于本数据库的任何运行，已丢弃：" + e.getMessage());
                        return null;
                    }
                    // the worker's console says which partition it took and how it ended
                    System.out.println("分区 " + done.getStepName() + "（运行 #" + done.getJobParameters().getLong("runId") + "）：" + done.getStatus()
                            + "，写入 " + done.getWriteCount() + " 人");
                    return null;
                })
                .get();
    }

    /** "jobExecutionId:stepExecutionId:stepName": no Java serialization crosses the broker. */
    static String text(StepExecutionRequest request) {
        return request.getJobExecutionId() + ":" + request.getStepExecutionId() + ":" + request.getStepName();
    }

    static StepExecutionRequest request(String text) {
        String[] parts = text.split(":", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("无法识别的分区消息：" + text);
        }
        return new StepExecutionRequest(parts[2], Long.valueOf(parts[0]), Long.valueOf(parts[1]));
    }
}
