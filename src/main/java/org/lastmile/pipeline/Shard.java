package org.lastmile.pipeline;

import java.util.Optional;

/**
 * One share of a build split across machines: shard {@code index} (1-based) of {@code count}. Every shard computes
 * the same partition of the site from its index (front matter only), so the shards never need to talk to each other.
 */
public record Shard(int index, int count) {
    /** More shards than this is a typo, not a plan: a site has far fewer machines than papers. */
    public static final int MAX = 1000;

    public Shard {
        if (count < 1 || count > MAX || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count);
        }
    }

    /** {@code "2/3"} as a shard, or why it is not one (a usage message: what is wrong — what to write). */
    public static Shard parse(String text) {
        String t = text == null ? "" : text.strip();
        String how = " — write I/N with 1 ≤ I ≤ N ≤ " + MAX + ", e.g. --shard 2/3 for the second of three shards";
        int slash = t.indexOf('/');
        if (slash < 0 || t.indexOf('/', slash + 1) >= 0) throw new IllegalArgumentException("--shard " + text + ": not I/N" + how);
        Optional<Integer> i = number(t.substring(0, slash));
        Optional<Integer> n = number(t.substring(slash + 1));
        if (i.isEmpty() || n.isEmpty()) throw new IllegalArgumentException("--shard " + text + ": not I/N" + how);
        if (n.get() < 1 || n.get() > MAX) throw new IllegalArgumentException("--shard " + text + ": N must be from 1 to " + MAX + how);
        if (i.get() < 1 || i.get() > n.get()) {
            throw new IllegalArgumentException("--shard " + text + ": there is no shard " + i.get() + " of " + n.get() + how);
        }
        return new Shard(i.get(), n.get());
    }

    private static Optional<Integer> number(String s) {
        if (s.isEmpty() || s.length() > 6 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) return Optional.empty();
        return Optional.of(Integer.parseInt(s));
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
