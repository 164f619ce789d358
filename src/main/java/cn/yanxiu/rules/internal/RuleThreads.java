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
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs each teacher's session on a rule thread of the calling thread, so the caller can stop waiting: a
 * session the engine cannot halt (a join that multiplies without firing) fails the run with a message
 * instead of holding a batch thread forever, and its thread is stopped so it cannot go on eating the heap.
 */
final class RuleThreads {

    private static final AtomicLong NUMBER = new AtomicLong();
    private static final ThreadLocal<RuleThread> OWN = ThreadLocal.withInitial(RuleThread::new);

    /** One single-thread executor and the thread it runs on. */
    private static final class RuleThread {
        final AtomicReference<Thread> thread = new AtomicReference<>();
        final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "yanxiu-rules-" + NUMBER.incrementAndGet());
            t.setDaemon(true);
            thread.set(t);
            return t;
        });
    }

    private RuleThreads() {
    }

    /** The task's result, or {@link RuleRunStuck} with {@code stuckMessage} when it has not ended in time. */
    static <T> T run(Callable<T> task, long waitMillis, String stuckMessage) {
        RuleThread own = OWN.get();
        Future<T> future = own.executor.submit(task);
        try {
            return future.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            own.executor.shutdownNow();
            OWN.remove();
            stop(own.thread.get());
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

    /**
     * A thread stuck inside one engine step ignores interrupts and halt, and would keep allocating until the
     * heap is gone. Java 17 still lets us stop it; the run that used its rule base fails anyway, so no state it
     * may leave half-changed is used again.
     */
    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Thread stuck) {
        if (stuck == null || !stuck.isAlive()) {
            return;
        }
        try {
            stuck.stop();
        } catch (UnsupportedOperationException e) {
            // a later JDK without Thread.stop: the thread stays a daemon and the run has failed with its message
        }
    }
}
