package cn.yanxiu.rules.internal;

import cn.yanxiu.rules.RuleRunStuck;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The last resort of a session's time limit. {@code halt()} stops the engine only between firings; a session
 * stuck inside one engine step (a join that multiplies without firing) ignores it and interrupts alike, and
 * would hold its batch thread and keep filling the heap. When the hard limit passes with the session still
 * running, the guard stops the thread where it is (Java 17 still allows it) and the caller gets
 * {@link RuleRunStuck}, which fails the run with a message; nothing that thread left half-changed is used
 * again. The session runs on the caller's own thread, so the common case costs one timer entry, not a
 * thread hand-off.
 */
final class StuckSessionGuard {

    private final Thread thread = Thread.currentThread();
    private boolean running = true;
    private boolean stopped;

    private StuckSessionGuard() {
    }

    /** Runs {@code session} on this thread; {@link RuleRunStuck} with {@code stuckMessage} if it had to be stopped. */
    static <T> T run(ScheduledExecutorService timer, long hardLimitMillis, Callable<T> session, java.util.function.Supplier<String> stuckMessage) {
        StuckSessionGuard guard = new StuckSessionGuard();
        ScheduledFuture<?> alarm = timer.schedule(guard::stopIfStillRunning, hardLimitMillis, TimeUnit.MILLISECONDS);
        try {
            return session.call();
        } catch (ThreadDeath death) {
            if (guard.wasStopped()) {
                throw new RuleRunStuck(stuckMessage.get());
            }
            throw death;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            guard.finish();
            alarm.cancel(false);
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private synchronized void stopIfStillRunning() {
        if (running) {
            stopped = true;
            try {
                thread.stop();
            } catch (UnsupportedOperationException e) {
                // a JDK without Thread.stop: the session keeps its thread; the time-limit message still names the rule
            }
        }
    }

    private synchronized void finish() {
        running = false;
    }

    private synchronized boolean wasStopped() {
        return stopped;
    }
}
