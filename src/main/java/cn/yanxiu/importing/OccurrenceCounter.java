package cn.yanxiu.importing;

/**
 * How many times each row content has come so far in one file, kept as a 64-bit hash of the content and a count
 * in two arrays: about 24 bytes a row at most, where a map of the content strings took over 150 and ran a 1 GB
 * importer out of memory at 6.9 million rows of one file. Two different contents that share a hash share a count,
 * which only numbers one of them 2 instead of 1: its key stays unique, and the same file always numbers alike.
 */
final class OccurrenceCounter {

    private static final long EMPTY = 0;
    private long[] hashes = new long[1 << 12];
    private int[] counts = new int[1 << 12];
    private int size;

    /** Counts this content once more; returns how many times it has now come, from 1. */
    int next(CharSequence content) {
        long hash = hash(content);
        if (size * 2 >= hashes.length) {
            grow();
        }
        int mask = hashes.length - 1;
        int slot = (int) (hash ^ (hash >>> 32)) & mask;
        while (hashes[slot] != EMPTY && hashes[slot] != hash) {
            slot = (slot + 1) & mask;
        }
        if (hashes[slot] == EMPTY) {
            hashes[slot] = hash;
            size++;
        }
        return ++counts[slot];
    }

    private static long hash(CharSequence content) {
        long h = 0xcbf29ce484222325L; // 64-bit FNV-1a over the UTF-16 units
        for (int i = 0; i < content.length(); i++) {
            h = (h ^ content.charAt(i)) * 0x100000001b3L;
        }
        return h == EMPTY ? 1 : h;
    }

    private void grow() {
        long[] oldHashes = hashes;
        int[] oldCounts = counts;
        hashes = new long[oldHashes.length * 2];
        counts = new int[oldCounts.length * 2];
        int mask = hashes.length - 1;
        for (int i = 0; i < oldHashes.length; i++) {
            if (oldHashes[i] != EMPTY) {
                int slot = (int) (oldHashes[i] ^ (oldHashes[i] >>> 32)) & mask;
                while (hashes[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                hashes[slot] = oldHashes[i];
                counts[slot] = oldCounts[i];
            }
        }
    }

    int distinct() {
        return size;
    }
}
