package cn.yanxiu.evaluation.batch;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Starts the term-end job for a run, or restarts it. A run whose process was killed leaves its job
 * execution marked as started; restarting first records it as failed (it is: nobody runs it), so Spring
 * Batch resumes each partition from its last committed chunk. The same holds for a job or step left UNKNOWN
 * when its database connections dropped mid-run.
 */
@Component
public class TermEvaluationLauncher {

    private final JobLauncher launcher;
    private final JobRepository repository;
    private final Job job;

    TermEvaluationLauncher(JobLauncher launcher, JobRepository repository, Job termEvaluationJob) {
        this.launcher = launcher;
        this.repository = repository;
        this.job = termEvaluationJob;
    }

    /** How the job ended: completed, or not with what made it fail (the partitions' own failures first, then the job's). */
    public record Outcome(boolean completed, List<Throwable> failures) {
    }

    /** Runs (or resumes) the job of a run to its end in this thread. */
    public Outcome run(long runId, String termId, String scope) throws Exception {
        JobParameters parameters = new JobParametersBuilder()
                .addLong("runId", runId)
                .addString("term", termId, false)
                .addString("scope", scope, false)
                .toJobParameters();
        JobExecution last = repository.getLastJobExecution(job.getName(), parameters);
        if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
            // every partition wrote its teachers; only the run's own end was not recorded (the process died or the
            // database went away right after the job): Spring Batch would refuse the job, the run just ends
            return new Outcome(true, List.of());
        }
        // a step can be left STARTED under a job that ended FAILED: a partition whose thread could not open its first
        // transaction when the database connections dropped; Spring Batch refuses to restart while any step looks running
        if (last != null && (unfinished(last.getStatus()) || last.getStepExecutions().stream().anyMatch(s -> unfinished(s.getStatus())))) {
            markFailed(last);
        }
        JobExecution execution = launcher.run(job, parameters);
        List<Throwable> failures = new ArrayList<>();
        // the partitioned step fails only with "Partition handler returned an unsuccessful step": the partition says why
        execution.getStepExecutions().stream().filter(s -> !s.getStepName().equals(TermEvaluationJobConfiguration.PARTITIONED_STEP))
                .forEach(s -> failures.addAll(s.getFailureExceptions()));
        failures.addAll(execution.getAllFailureExceptions().stream().filter(f -> !failures.contains(f)).toList());
        return new Outcome(execution.getStatus() == BatchStatus.COMPLETED, failures);
    }

    /** Still running as the repository has it, or UNKNOWN: nobody runs it now, so it is restarted as failed. */
    private static boolean unfinished(BatchStatus status) {
        return status.isRunning() || status == BatchStatus.UNKNOWN;
    }

    private void markFailed(JobExecution execution) {
        LocalDateTime now = LocalDateTime.now();
        for (StepExecution step : execution.getStepExecutions()) {
            // UNKNOWN: the database went away during a chunk's commit or while the step recorded its end; the step
            // restarts from the last restart point stored, and a chunk committed after it is not written twice
            // (see ResultItemWriter)
            if (unfinished(step.getStatus())) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(ExitStatus.FAILED.addExitDescription("进程中断"));
                step.setEndTime(now);
                repository.update(step);
            }
        }
        execution.setStatus(BatchStatus.FAILED);
        execution.setExitStatus(ExitStatus.FAILED.addExitDescription("进程中断"));
        execution.setEndTime(now);
        repository.update(execution);
    }
}
