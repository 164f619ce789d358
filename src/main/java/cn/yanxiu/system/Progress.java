package cn.yanxiu.system;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * A progress line for long work: count, rate and time left. On a terminal one line is redrawn in place a few times a
 * second; written to a file or a pipe (a log, another program) it is a plain line at most once a second, without
 * the carriage returns that would garble the log. The rate and the time left are measured over the last few seconds
 * of counts, from the first count on: the seconds before it (a run's rules warming up, a file being opened) and the
 * slow first items of cold code would otherwise show a rate far too low and hours left for work of a minute. The
 * closing line gives the whole work's time and average rate.
 */
public final class Progress {

    private static final long TERMINAL_NANOS = 250_000_000L;
    private static final long LOG_NANOS = 1_000_000_000L;
    /** The rate is the counts of about this long before now. */
    private static final long RATE_WINDOW_NANOS = 10_000_000_000L;

    private final String label;
    private final long total;
    private final PrintWriter out;
    private final boolean terminal;
    private final LongSupplier clock;
    private final long started;
    /** The counts drawn, {time, done}, the oldest the last one at least a window before the newest. */
    private final ArrayDeque<long[]> drawnCounts = new ArrayDeque<>();

    public Progress(String label, long total, PrintWriter out) {
        this(label, total, out, System.console() != null);
    }

    /** {@code terminal}: redraw one line in place; otherwise write whole lines. */
    public Progress(String label, long total, PrintWriter out, boolean terminal) {
        this(label, total, out, terminal, System::nanoTime);
    }

    /** {@code clock}: nanoseconds, as {@link System#nanoTime()} (tests give their own). */
    Progress(String label, long total, PrintWriter out, boolean terminal, LongSupplier clock) {
        this.label = label;
        this.total = total;
        this.out = out;
        this.terminal = terminal;
        this.clock = clock;
        this.started = clock.getAsLong();
    }

    /**
     * The label alone on a line of its own, as the work begins: before its first count there may be seconds of silence (a
     * province's file counted before it is read, a run's first teachers while its rules warm up). A whole line on a
     * terminal too, so that work which then ends without a count (a file refused) leaves no line half written.
     */
    public synchronized void begin() {
        out.printf("%s …%n", label);
        out.flush();
    }

    public synchronized void update(long done) {
        long now = clock.getAsLong();
        if (!drawnCounts.isEmpty() && now - drawnCounts.peekLast()[0] < (terminal ? TERMINAL_NANOS : LOG_NANOS) && done != total) {
            return;
        }
        draw(done, now);
    }

    private void draw(long done, long now) {
        Double rate = recentRate(done, now);
        String count = total < 0 ? String.format("%,d", done)
                : String.format("%,d / %,d（%.0f%%）", done, total, total == 0 ? 100.0 : 100.0 * done / total);
        // a total not known in advance: the rate without the time left
        String pace = rate == null ? "" : total < 0 ? String.format("，%,.0f 个/秒", rate)
                : String.format("%,.0f 个/秒，预计剩余 %s", rate, rate > 0 ? format(Duration.ofSeconds((long) ((total - done) / rate))) : "未知");
        out.printf((terminal ? "\r" : "") + "%s %s%s" + (terminal ? "   " : "%n"), label, count, pace);
        out.flush();
    }

    /** Counts a second over the window before {@code now}; null at the first count drawn, which starts the measure. */
    private Double recentRate(long done, long now) {
        drawnCounts.addLast(new long[] {now, done});
        while (drawnCounts.size() > 2 && now - secondOldest()[0] >= RATE_WINDOW_NANOS) {
            drawnCounts.removeFirst();
        }
        // the first count drawn is the oldest too: no time has passed to measure
        long[] from = drawnCounts.peekFirst();
        if (now <= from[0]) {
            return null;
        }
        return (done - from[1]) / ((now - from[0]) / 1e9);
    }

    private long[] secondOldest() {
        var it = drawnCounts.iterator();
        it.next();
        return it.next();
    }

    public void done() {
        done(total);
    }

    /** Finished with {@code count} done (when the total was only estimated, or not known). */
    public synchronized void done(long count) {
        long now = clock.getAsLong();
        if (drawnCounts.isEmpty() || drawnCounts.peekLast()[1] != count) {
            // the last count once, not twice when the work's own last update drew it already
            draw(count, now);
        }
        double seconds = (now - started) / 1e9;
        if (terminal) {
            out.printf("%n");
        }
        out.printf("%s完成：%,d 个，用时 %.1f 秒（%,.0f 个/秒）%n", label, count, seconds, count / Math.max(1e-3, seconds));
        out.flush();
    }

    private static String format(Duration d) {
        return d.toHours() > 0 ? String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart())
                : String.format("%d:%02d", d.toMinutesPart(), d.toSecondsPart());
    }
}
