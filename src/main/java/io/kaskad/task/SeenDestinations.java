package io.kaskad.task;

/**
 * The destinations a file has had so far, with the row each first appeared on, for reporting
 * duplicates. A million destinations as strings would take a few hundred MB; this keeps a 64-bit
 * FNV-1a hash of each in open-addressing arrays (about 24 bytes a row). Two different destinations
 * sharing a hash is a chance of about one in 10^7 for a million rows.
 */
final class SeenDestinations {

    private long[] hashes = new long[1 << 12];
    private int[] rows = new int[1 << 12];
    private int size;

    /** Remembers {@code destination} on {@code row}; answers the earlier row it appeared on, or 0 when it is new. */
    int firstRowOf(String destination, int row) {
        if (size * 2 >= hashes.length) {
            grow();
        }
        long hash = hash(destination);
        int slot = slot(hash, hashes.length);
        while (rows[slot] != 0) {
            if (hashes[slot] == hash) {
                return rows[slot];
            }
            slot = (slot + 1) & (hashes.length - 1);
        }
        hashes[slot] = hash;
        rows[slot] = row;
        size++;
        return 0;
    }

    private void grow() {
        long[] oldHashes = hashes;
        int[] oldRows = rows;
        hashes = new long[oldHashes.length * 2];
        rows = new int[oldRows.length * 2];
        for (int i = 0; i < oldHashes.length; i++) {
            if (oldRows[i] != 0) {
                int slot = slot(oldHashes[i], hashes.length);
                while (rows[slot] != 0) {
                    slot = (slot + 1) & (hashes.length - 1);
                }
                hashes[slot] = oldHashes[i];
                rows[slot] = oldRows[i];
            }
        }
    }

    private static int slot(long hash, int capacity) {
        return (int) (hash ^ (hash >>> 32)) & (capacity - 1);
    }

    static long hash(String value) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < value.length(); i++) {
            hash ^= value.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
