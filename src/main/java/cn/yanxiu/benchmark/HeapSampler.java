package cn.yanxiu.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Samples the heap every 10 ms on a daemon thread. Keeps two peaks since the last reset: heap in use (which
 * includes garbage not yet collected, so it follows the collector more than the program) and heap live after
 * the latest collection (what the program actually holds: flat when work is streamed).
 */
final class HeapSampler implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private final java.util.List<java.lang.management.MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP && p.getCollectionUsage() != null).toList();
    private volatile long peak;
    private volatile long peakLive;
    private volatile boolean running = true;

    HeapSampler() {
        thread = new Thread(() -> {
            while (running) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                peakLive = Math.max(peakLive, liveAfterCollection());
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
        peakLive = liveAfterCollection();
    }

    long peakLiveMegabytes() {
        return Math.max(peakLive, liveAfterCollection()) / (1024 * 1024);
    }

    private long liveAfterCollection() {
        long live = 0;
        for (var pool : heapPools) {
            live += pool.getCollectionUsage().getUsed();
        }
        return live;
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
