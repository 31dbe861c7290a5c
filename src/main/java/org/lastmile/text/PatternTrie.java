package org.lastmile.text;

import java.util.Arrays;

/**
 * Liang's hyphenation patterns as a trie over characters. Children are found through one open-addressing table
 * keyed by (node, character), so a lookup allocates nothing and a language of 40,000 patterns stays a few flat
 * arrays rather than a hundred thousand small maps. Immutable once built; {@link Builder} is not thread-safe.
 */
final class PatternTrie {
    private static final long EMPTY = -1L;

    private final long[] keys;
    private final int[] children;
    private final int mask;
    /** Inter-letter values of the pattern ending at each node (length = letters + 1), or null. */
    private final byte[][] values;

    private PatternTrie(long[] keys, int[] children, byte[][] values) {
        this.keys = keys;
        this.children = children;
        this.mask = keys.length - 1;
        this.values = values;
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29)) & mask;
    }

    private int child(int node, char c) {
        long key = ((long) node << 16) | c;
        for (int s = slot(key, mask); ; s = (s + 1) & mask) {
            long k = keys[s];
            if (k == key) return children[s];
            if (k == EMPTY) return -1;
        }
    }

    /**
     * Applies every pattern to {@code w} (the word in lower case framed by '.' at both ends) and returns the
     * maximum value found for each of the {@code w.length + 1} positions between its characters.
     */
    int[] apply(char[] w) {
        int[] out = new int[w.length + 1];
        for (int i = 0; i < w.length; i++) {
            int node = 0;
            for (int j = i; j < w.length; j++) {
                node = child(node, w[j]);
                if (node < 0) break;
                byte[] v = values[node];
                if (v != null) {
                    for (int k = 0; k < v.length; k++) {
                        if (v[k] > out[i + k]) out[i + k] = v[k];
                    }
                }
            }
        }
        return out;
    }

    /** Collects patterns, then freezes them into a {@link PatternTrie}. */
    static final class Builder {
        private long[] keys = newKeys(1024);
        private int[] children = new int[1024];
        private int size;
        private int nodes = 1;
        private byte[][] values = new byte[256][];

        private static long[] newKeys(int n) {
            long[] k = new long[n];
            Arrays.fill(k, EMPTY);
            return k;
        }

        /** Adds one pattern given as its letters and its {@code letters.length() + 1} inter-letter values. */
        void add(String letters, byte[] vals) {
            int node = 0;
            for (int i = 0; i < letters.length(); i++) {
                node = childOrAdd(node, letters.charAt(i));
            }
            if (node >= values.length) values = Arrays.copyOf(values, Math.max(node + 1, values.length * 2));
            byte[] old = values[node];
            if (old != null) {
                // The same letters twice (a site file that repeats a pattern): keep the higher value at each place.
                for (int k = 0; k < vals.length; k++) vals[k] = (byte) Math.max(vals[k], old[k]);
            }
            values[node] = vals;
        }

        private int childOrAdd(int node, char c) {
            long key = ((long) node << 16) | c;
            int mask = keys.length - 1;
            int s = slot(key, mask);
            while (keys[s] != EMPTY) {
                if (keys[s] == key) return children[s];
                s = (s + 1) & mask;
            }
            int created = nodes++;
            keys[s] = key;
            children[s] = created;
            if (++size * 2 > keys.length) grow();
            return created;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldChildren = children;
            keys = newKeys(oldKeys.length * 2);
            children = new int[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] == EMPTY) continue;
                int s = slot(oldKeys[i], mask);
                while (keys[s] != EMPTY) s = (s + 1) & mask;
                keys[s] = oldKeys[i];
                children[s] = oldChildren[i];
            }
        }

        PatternTrie build() {
            return new PatternTrie(keys, children, Arrays.copyOf(values, Math.max(nodes, 1)));
        }
    }
}
