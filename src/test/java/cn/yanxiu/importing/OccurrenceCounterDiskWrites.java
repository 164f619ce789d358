package cn.yanxiu.importing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A measurement, not a test: counts N distinct row contents as one long activity file would, and reports the time and
 * the bytes this process wrote to the disk (Linux's {@code /proc/self/io}), to see what the counter's mapped table
 * costs beyond the heap. Run after {@code ./mvnw test-compile}:
 * <pre>java -Xmx1g -cp target/classes:target/test-classes cn.yanxiu.importing.OccurrenceCounterDiskWrites 60000000</pre>
 * 60,000,000 contents grow the table to 2^27 slots (1 GiB), mapped from a temporary file.
 */
public final class OccurrenceCounterDiskWrites {

    private OccurrenceCounterDiskWrites() {
    }

    public static void main(String[] args) throws java.io.IOException {
        long n = Long.parseLong(args[0]);
        OccurrenceCounter counter = new OccurrenceCounter();
        long start = System.nanoTime();
        long sum = 0;
        for (long i = 0; i < n; i++) {
            sum += counter.next("T" + (i % 1_000_000) + "|2025-2026-1|自学|" + i);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String written = Files.readString(Path.of("/proc/self/io")).lines().filter(l -> l.startsWith("write_bytes")).findFirst().orElse("?");
        System.out.printf("%,d contents in %.1f s (%,.0f a second), occurrences summed %d; %s%n", n, seconds, n / seconds, sum, written);
    }
}
