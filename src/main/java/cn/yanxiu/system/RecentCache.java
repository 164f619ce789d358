package cn.yanxiu.system;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What was worked out recently, kept for a while: at most {@code capacity} entries (the least recently used go
 * first), each for at most {@code fresh}. Per instance; everything in it can be worked out again, so several
 * instances need not share it.
 */
public final class RecentCache<K, V> {

    private record Entry<V>(V value, long madeAtNanos) {
    }

    private final long freshNanos;
    private final Map<K, Entry<V>> entries;

    public RecentCache(int capacity, Duration fresh) {
        this.freshNanos = fresh.toNanos();
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The kept value, or {@code make}'s (kept for next time); {@code make} runs outside the lock, so two callers may both make it. */
    public V get(K key, Function<K, V> make) {
        synchronized (entries) {
            Entry<V> kept = entries.get(key);
            if (kept != null && System.nanoTime() - kept.madeAtNanos() < freshNanos) {
                return kept.value();
            }
        }
        V value = make.apply(key);
        if (value != null) {
            synchronized (entries) {
                entries.put(key, new Entry<>(value, System.nanoTime()));
            }
        }
        return value;
    }
}
