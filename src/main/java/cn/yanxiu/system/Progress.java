package cn.yanxiu.system;

import java.io.PrintWriter;
import java.time.Duration;

/** A progress line for long work: count, rate and time left, redrawn at most a few times a second. */
public final class Progress {

    private final String label;
    private final long total;
    private final PrintWriter out;
    private final long started = System.nanoTime();
    private long lastDrawn;

    public Progress(String label, long total, PrintWriter out) {
        this.label = label;
        this.total = total;
        this.out = out;
    }

    public synchronized void update(long done) {
        long now = System.nanoTime();
        if (now - lastDrawn < 250_000_000L && done < total) {
            return;
        }
        lastDrawn = now;
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        double rate = done / seconds;
        long left = rate > 0 ? (long) ((total - done) / rate) : 0;
        out.printf("\r%s %,d / %,d（%.0f%%）%,.0f 个/秒，预计剩余 %s   ", label, done, total,
                total == 0 ? 100.0 : 100.0 * done / total, rate, format(Duration.ofSeconds(left)));
        out.flush();
    }

    public void done() {
        double seconds = (System.nanoTime() - started) / 1e9;
        update(total);
        out.printf("%n%s完成：%,d 个，用时 %.1f 秒%n", label, total, seconds);
        out.flush();
    }

    private static String format(Duration d) {
        return d.toHours() > 0 ? String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart())
                : String.format("%d:%02d", d.toMinutesPart(), d.toSecondsPart());
    }
}
