package cn.yanxiu.rules.internal;

import cn.yanxiu.rules.RuleRunStuck;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs each teacher's session on a rule thread of the calling thread, so the caller can stop waiting: a
 * session the engine cannot halt (a join that multiplies without firing) leaves its thread behind and fails
 * the run with a message, instead of holding a batch thread forever.
 */
final class RuleThreads {

    private static final AtomicLong NUMBER = new AtomicLong();
    private static final ThreadLocal<ExecutorService> OWN = ThreadLocal.withInitial(RuleThreads::newThread);

    private RuleThreads() {
    }

    private static ExecutorService newThread() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "yanxiu-rules-" + NUMBER.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The task's result, or {@link RuleRunStuck} with {@code stuckMessage} when it has not ended in time. */
    static <T> T run(Callable<T> task, long waitMillis, String stuckMessage) {
        ExecutorService executor = OWN.get();
        Future<T> future = executor.submit(task);
        try {
            return future.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            executor.shutdownNow();
            OWN.remove();
            throw new RuleRunStuck(stuckMessage);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("评价线程被中断", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }
}
