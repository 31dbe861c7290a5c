package org.lastmile.pipeline;

/**
 * Where a build says how far it got, for a progress bar: the stage it is in, how many items that stage has (0 when
 * it cannot tell) and each item done. Called from worker threads, so implementations are thread-safe.
 */
public interface Progress {
    /** A build nobody watches. */
    Progress NONE = new Progress() {
        @Override
        public void stage(String name, int total) {
        }

        @Override
        public void done(int n) {
        }
    };

    void stage(String name, int total);

    void done(int n);
}
