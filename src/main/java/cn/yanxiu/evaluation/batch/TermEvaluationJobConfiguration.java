package cn.yanxiu.evaluation.batch;

import cn.yanxiu.evaluation.ResultRows;
import cn.yanxiu.rules.TeacherCase;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.item.ItemProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The term-end job: partitions the run's schools, evaluates each partition's teachers on its own thread
 * (a fresh rule session per teacher, one shared KieBase), and writes each chunk of results in one
 * transaction together with Spring Batch's restart state.
 */
@Configuration
public class TermEvaluationJobConfiguration {

    static final String JOB = "termEvaluation";
    /** The step that partitions the run's schools; each partition runs as a step of its own. */
    static final String PARTITIONED_STEP = "evaluateTerm";
    /** Teachers evaluated and written per transaction (the benchmark's I/O floor writes the same). */
    public static final int CHUNK = 200;

    @Bean
    Job termEvaluationJob(JobRepository repository, Step evaluateTerm) {
        return new JobBuilder(JOB, repository).start(evaluateTerm).build();
    }

    /**
     * The partitions run on this process's threads, or, with {@code yanxiu.batch.workers=rabbitmq}, on the
     * {@code yanxiu worker} processes (see {@link RemotePartitions}) while this one follows them in the job repository.
     */
    @Bean
    Step evaluateTerm(JobRepository repository, Step evaluateTeachers, SchoolPartitioner schoolPartitioner, TaskExecutor evaluationExecutor,
                      @Value("${yanxiu.batch.workers}") String workers, org.springframework.batch.core.explore.JobExplorer explorer,
                      @org.springframework.beans.factory.annotation.Qualifier("partitionRequests") org.springframework.messaging.MessageChannel partitionRequests)
            throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        var partitioned = new StepBuilder(PARTITIONED_STEP, repository).partitioner("evaluateTeachers", schoolPartitioner);
        if (!"rabbitmq".equals(workers)) {
            return partitioned.step(evaluateTeachers).gridSize(threads).taskExecutor(evaluationExecutor).build();
        }
        var remote = new org.springframework.batch.integration.partition.MessageChannelPartitionHandler();
        remote.setStepName("evaluateTeachers");
        remote.setGridSize(threads);
        var requests = new org.springframework.integration.core.MessagingTemplate();
        requests.setDefaultChannel(partitionRequests);
        remote.setMessagingOperations(requests);
        remote.setJobExplorer(explorer);
        remote.setPollInterval(500);
        remote.afterPropertiesSet();
        return partitioned.partitionHandler(remote).build();
    }

    @Bean
    TaskExecutor evaluationExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        int threads = Runtime.getRuntime().availableProcessors();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setThreadNamePrefix("yanxiu-eval-");
        executor.initialize();
        return executor;
    }

    @Bean
    @StepScope
    SchoolPartitioner schoolPartitioner(JdbcTemplate jdbc, @Value("#{jobParameters['scope']}") String scope,
                                        @Value("${yanxiu.batch.partition-teachers}") int partitionTeachers) {
        return new SchoolPartitioner(jdbc, scope, partitionTeachers);
    }

    @Bean
    Step evaluateTeachers(JobRepository repository, PlatformTransactionManager transactions, TeacherCaseItemReader teacherReader,
                          ItemProcessor<TeacherCase, ResultRows.Row> evaluator, ResultItemWriter resultWriter, RunningRuleSets running) {
        return new StepBuilder("evaluateTeachers", repository)
                .<TeacherCase, ResultRows.Row>chunk(CHUNK, transactions)
                .reader(teacherReader)
                .processor(evaluator)
                .writer(resultWriter)
                // on a worker process the run's rule set is compiled from its snapshot before the partition's first teacher
                .listener(new org.springframework.batch.core.StepExecutionListener() {
                    @Override
                    public void beforeStep(org.springframework.batch.core.StepExecution step) {
                        running.ensure(step.getJobParameters().getLong("runId"));
                    }
                })
                .build();
    }

    @Bean
    @StepScope
    TeacherCaseItemReader teacherReader(JdbcTemplate jdbc, RunningRuleSets running, @Value("#{jobParameters['runId']}") Long runId,
                                        @Value("#{stepExecutionContext['schools']}") String schools) {
        return new TeacherCaseItemReader(jdbc, running.scope(runId), SchoolPartitioner.schools(schools));
    }

    @Bean
    @StepScope
    ItemProcessor<TeacherCase, ResultRows.Row> evaluator(RunningRuleSets running, @Value("#{jobParameters['runId']}") Long runId) {
        var ruleSet = running.get(runId);
        return teacherCase -> ResultRows.of(teacherCase, ruleSet.evaluate(teacherCase));
    }

    @Bean
    @StepScope
    ResultItemWriter resultWriter(JdbcTemplate jdbc, RunningRuleSets running, @Value("#{jobParameters['runId']}") Long runId) {
        return new ResultItemWriter(jdbc, running, runId);
    }
}
