package cn.yanxiu.web;

import cn.yanxiu.evaluation.EvaluationRuns;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * While {@code serve} runs: a term-end run whose process went silent (its instance was killed or lost) is taken
 * up by this instance from where its results stop — exactly one instance takes it, the run's stored rule
 * snapshot is used, and the results already written stay.
 */
@Component
class RunTakeover {

    private static final Logger LOG = LoggerFactory.getLogger(RunTakeover.class);

    private final EvaluationRuns runs;
    private final TermEndRuns termEndRuns;
    private ScheduledExecutorService watch;

    RunTakeover(EvaluationRuns runs, TermEndRuns termEndRuns) {
        this.runs = runs;
        this.termEndRuns = termEndRuns;
    }

    /** Starts watching, every heartbeat interval. */
    synchronized void start() {
        if (watch != null) {
            return;
        }
        watch = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "yanxiu-run-takeover");
            t.setDaemon(true);
            return t;
        });
        long every = runs.heartbeatInterval().toMillis();
        watch.scheduleWithFixedDelay(this::takeUpSilentRuns, every, every, TimeUnit.MILLISECONDS);
    }

    void takeUpSilentRuns() {
        try {
            for (EvaluationRuns.Run run : runs.silent()) {
                try {
                    termEndRuns.resume(run.id());
                    LOG.warn("运行 #{}（学期 {}）的进程已无心跳，本实例接手继续", run.id(), run.termId());
                } catch (EvaluationRuns.RunRefused e) {
                    LOG.info("运行 #{} 未接手：{}", run.id(), e.getMessage());
                }
            }
        } catch (Exception e) {
            // the database away for a moment: try again at the next beat
            LOG.warn("检查无心跳的运行失败：{}", e.toString());
        }
    }
}
