package cn.yanxiu.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Samples used heap every 10 ms on a daemon thread and keeps the peak since the last reset. */
final class HeapSampler implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private volatile long peak;
    private volatile boolean running = true;

    HeapSampler() {
        thread = new Thread(() -> {
            while (running) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "yanxiu-heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Collects garbage, then starts a new peak from what is live now. */
    void reset() {
        System.gc();
        peak = memory.getHeapMemoryUsage().getUsed();
    }

    long peakMegabytes() {
        return Math.max(peak, memory.getHeapMemoryUsage().getUsed()) / (1024 * 1024);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
