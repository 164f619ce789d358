package cn.yanxiu.importing;

import cn.yanxiu.system.ScratchSpace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * How many times each row content has come so far in one file. Each distinct content takes one 64-bit slot of an
 * open-addressing table: 52 bits of a hash of the content and a 12-bit count (a rare count beyond 4,095 goes on in a
 * small map). Up to {@link #HEAP_SLOTS} slots the table is on the heap; a larger one lives in a temporary file
 * mapped into memory, so the importer's heap stays flat however long the file is (a 124-million-row activity file
 * needs a 2 GiB table: on the heap it ran a 1 GB importer out of memory at 16.7 million rows).
 * <p>
 * Two different contents that share a hash share a count, which only numbers one of them 2 instead of 1: for one
 * content the numbers still rise row by row, so its key stays unique, and the same file always numbers alike.
 */
final class OccurrenceCounter {

    /** 32 MiB of slots on the heap; beyond that the table is mapped from a temporary file. */
    static final int HEAP_SLOTS = 1 << 22;
    private static final int COUNT_BITS = 12;
    private static final long COUNT_MASK = (1L << COUNT_BITS) - 1;
    private static final long EMPTY = 0;

    private final int heapSlots;
    private Slots slots = new HeapSlots(1 << 12);
    private long size;
    /** Counts past what a slot holds, by the slot's hash. */
    private final Map<Long, Integer> beyondSlot = new HashMap<>();

    OccurrenceCounter() {
        this(HEAP_SLOTS);
    }

    /** {@code heapSlots}: the largest table kept on the heap (tests make it small to reach the mapped one). */
    OccurrenceCounter(int heapSlots) {
        this.heapSlots = heapSlots;
    }

    /** Counts this content once more; returns how many times it has now come, from 1. */
    int next(CharSequence content) {
        if (size * 10 >= slots.capacity() * 7) {
            grow();
        }
        long hash = hash(content);
        long slot = find(slots, hash);
        long value = slots.get(slot);
        if (value == EMPTY) {
            slots.set(slot, hash | 1);
            size++;
            return 1;
        }
        long count = value & COUNT_MASK;
        if (count < COUNT_MASK) {
            slots.set(slot, value + 1);
            return (int) count + 1;
        }
        return beyondSlot.merge(hash, (int) COUNT_MASK + 1, (a, b) -> a + 1);
    }

    long distinct() {
        return size;
    }

    /** Whether the table is still on the heap. */
    boolean onHeap() {
        return slots instanceof HeapSlots;
    }

    /** The slot holding this hash, or the empty one where it goes. */
    private static long find(Slots slots, long hash) {
        long mask = slots.capacity() - 1;
        long slot = mix(hash) & mask;
        long value;
        while ((value = slots.get(slot)) != EMPTY && (value & ~COUNT_MASK) != hash) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** 64-bit FNV-1a over the UTF-16 units, its low bits cleared for the count and never zero. */
    private static long hash(CharSequence content) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < content.length(); i++) {
            h = (h ^ content.charAt(i)) * 0x100000001b3L;
        }
        h &= ~COUNT_MASK;
        return h == EMPTY ? 1L << COUNT_BITS : h;
    }

    /** Spreads the hash's bits over the slot index (FNV's low bits alone cluster). */
    private static long mix(long hash) {
        long h = hash ^ (hash >>> 33);
        h *= 0xff51afd7ed558ccdL;
        return h ^ (h >>> 33);
    }

    private void grow() {
        long capacity = slots.capacity() * 2;
        Slots larger = capacity <= heapSlots ? new HeapSlots((int) capacity) : MappedSlots.create(capacity);
        for (long i = 0; i < slots.capacity(); i++) {
            long value = slots.get(i);
            if (value != EMPTY) {
                larger.set(find(larger, value & ~COUNT_MASK), value);
            }
        }
        slots = larger;
    }

    private interface Slots {
        long capacity();

        long get(long slot);

        void set(long slot, long value);
    }

    private record HeapSlots(long[] values) implements Slots {
        HeapSlots(int capacity) {
            this(new long[capacity]);
        }

        @Override
        public long capacity() {
            return values.length;
        }

        @Override
        public long get(long slot) {
            return values[(int) slot];
        }

        @Override
        public void set(long slot, long value) {
            values[(int) slot] = value;
        }
    }

    /**
     * Slots in a temporary file mapped into memory, in segments of 2^27 slots (a mapping holds at most 2 GiB). The
     * file is deleted as soon as it is mapped: the mapping lives on, and the space returns when it is collected.
     * A new file is all zeros, that is all slots empty, without writing them. The mapping is private (copy on write):
     * the slots written live in memory and never go back to the file. A shared mapping had the system write every
     * page the table touched back to the disk, over and over (2–3 GB/s at 97 million rows of a province's activity
     * file), and the import fell from about 20,000 to 6,000 rows/s.
     */
    private record MappedSlots(LongBuffer[] segments, long capacity) implements Slots {
        private static final int SEGMENT_BITS = 27;
        private static final long SEGMENT_MASK = (1L << SEGMENT_BITS) - 1;

        static MappedSlots create(long capacity) {
            try {
                Path file = ScratchSpace.file("yanxiu-import", ".slots");
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                    int count = (int) ((capacity + SEGMENT_MASK) >>> SEGMENT_BITS);
                    LongBuffer[] segments = new LongBuffer[count];
                    for (int i = 0; i < count; i++) {
                        long slots = Math.min(capacity - ((long) i << SEGMENT_BITS), 1L << SEGMENT_BITS);
                        segments[i] = channel.map(FileChannel.MapMode.PRIVATE, ((long) i << SEGMENT_BITS) * Long.BYTES, slots * Long.BYTES)
                                .asLongBuffer();
                    }
                    return new MappedSlots(segments, capacity);
                } finally {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("无法在临时文件夹中建立导入用的计数表（" + e.getMessage() + "）", e);
            }
        }

        @Override
        public long get(long slot) {
            return segments[(int) (slot >>> SEGMENT_BITS)].get((int) (slot & SEGMENT_MASK));
        }

        @Override
        public void set(long slot, long value) {
            segments[(int) (slot >>> SEGMENT_BITS)].put((int) (slot & SEGMENT_MASK), value);
        }
    }
}
