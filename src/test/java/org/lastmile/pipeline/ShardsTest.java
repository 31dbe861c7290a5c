package org.lastmile.pipeline;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How papers are shared out among the shards of a split build: every shard's work within one paper of an equal
 * share (so no machine waits long for another), and adding a paper moves few others to another shard (so each
 * machine's build cache keeps serving its PDFs).
 */
class ShardsTest {
    private static long[] costs(Random r, int n) {
        long[] c = new long[n];
        for (int i = 0; i < n; i++) c[i] = 1 + r.nextInt(3) * 25L + r.nextInt(5) * 25L;   // papers with 0–6 PDFs
        return c;
    }

    @Test
    void everyShardIsWithinOnePaperOfAnEqualShare() {
        Random r = new Random(9);
        for (int shards : new int[]{2, 3, 4, 7}) {
            for (int papers : new int[]{shards, 10, 60, 500}) {
                long[] cost = costs(r, papers);
                long first = 40;
                int[] cut = Shards.cut(first, cost, shards);
                long[] load = new long[shards + 1];
                load[1] = first;
                long max = 0;
                for (int i = 0; i < papers; i++) {
                    load[cut[i]] += cost[i];
                    max = Math.max(max, cost[i]);
                    if (i > 0) assertTrue(cut[i] >= cut[i - 1], "shards are runs of papers in slug order");
                }
                long share = (first + Arrays.stream(cost).sum()) / shards;
                for (int s = 1; s <= shards; s++) {
                    assertTrue(Math.abs(load[s] - share) <= max, papers + " papers, " + shards + " shards: shard " + s
                            + " has " + load[s] + ", an equal share is " + share + ", one paper at most " + max);
                }
            }
        }
    }

    @Test
    void addingOnePaperMovesOnlyPapersNextToACut() {
        Random r = new Random(4);
        long[] cost = costs(r, 300);
        int[] before = Shards.cut(100, cost, 4);
        long[] more = new long[301];
        System.arraycopy(cost, 0, more, 0, 150);
        more[150] = 151;                                             // a new paper in the middle, by its slug
        System.arraycopy(cost, 150, more, 151, 150);
        int[] after = Shards.cut(100, more, 4);
        int moved = 0;
        for (int i = 0; i < 300; i++) if (before[i] != after[i < 150 ? i : i + 1]) moved++;
        assertTrue(moved <= 3 * 2, moved + " of 300 papers changed shard");
    }

    @Test
    void aSiteWithMoreShardsThanWorkStillHasAShardForEveryPaper() {
        int[] cut = Shards.cut(0, new long[]{0, 0}, 5);
        assertEquals(2, cut.length);
        for (int s : cut) assertTrue(s >= 1 && s <= 5);
        assertEquals(3, Shards.cut(1000, new long[]{1}, 3)[0], "a paper goes to a shard left idle, not to the one busy with the site-wide pages");
    }
}
