package cn.yanxiu.system;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * A progress line for long work: count, rate and time left. On a terminal one line is redrawn in place a few times a
 * second; written to a file or a pipe (a log, another program) it is a plain line at most once a second, without
 * the carriage returns that would garble the log.
 */
public final class Progress {

    private static final long TERMINAL_NANOS = 250_000_000L;
    private static final long LOG_NANOS = 1_000_000_000L;

    private final String label;
    private final long total;
    private final PrintWriter out;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private long lastDrawn;

    public Progress(String label, long total, PrintWriter out) {
        this(label, total, out, System.console() != null);
    }

    /** {@code terminal}: redraw one line in place; otherwise write whole lines. */
    public Progress(String label, long total, PrintWriter out, boolean terminal) {
        this.label = label;
        this.total = total;
        this.out = out;
        this.terminal = terminal;
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
        long now = System.nanoTime();
        if (now - lastDrawn < (terminal ? TERMINAL_NANOS : LOG_NANOS) && done != total) {
            return;
        }
        draw(done, now);
    }

    private void draw(long done, long now) {
        lastDrawn = now;
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        double rate = done / seconds;
        if (total < 0) {
            // the total is not known in advance: the count and the rate only
            out.printf((terminal ? "\r" : "") + "%s %,d，%,.0f 个/秒" + (terminal ? "   " : "%n"), label, done, rate);
            out.flush();
            return;
        }
        long left = rate > 0 ? (long) ((total - done) / rate) : 0;
        out.printf((terminal ? "\r" : "") + "%s %,d / %,d（%.0f%%）%,.0f 个/秒，预计剩余 %s" + (terminal ? "   " : "%n"), label, done, total,
                total == 0 ? 100.0 : 100.0 * done / total, rate, format(Duration.ofSeconds(left)));
        out.flush();
    }

    public void done() {
        done(total);
    }

    /** Finished with {@code count} done (when the total was only estimated, or not known). */
    public synchronized void done(long count) {
        draw(count, System.nanoTime());
        double seconds = (System.nanoTime() - started) / 1e9;
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
