package dev.zonegate.live;

import java.io.PrintStream;

/**
 * Progress of long work (a large transfer, many zones) on standard error, only on a terminal
 * (docs/exit-codes.md): pipes and CI logs stay clean. A run installs a listener; the default prints nothing.
 */
public final class Progress {
  /** Receives progress; called from the thread doing the work. */
  public interface Listener {
    void records(String zone, long count);

    void zone(int index, int total, String zone);

    void done();
  }

  private static final Listener NONE =
      new Listener() {
        @Override
        public void records(String zone, long count) {}

        @Override
        public void zone(int index, int total, String zone) {}

        @Override
        public void done() {}
      };

  private static volatile Listener listener = NONE;

  private Progress() {}

  public static Listener get() {
    return listener;
  }

  public static void set(Listener l) {
    listener = l == null ? NONE : l;
  }

  /**
   * One status line, rewritten in place with {@code \r}, at most every half second and only
   * after the work has taken a second: short runs print nothing at all.
   */
  public static Listener terminal(PrintStream err) {
    return new Listener() {
      private final long start = System.nanoTime();
      private long last;
      private boolean shown;

      @Override
      public void records(String zone, long count) {
        long now = System.nanoTime();
        if (now - start < 1_000_000_000L || now - last < 500_000_000L) {
          return;
        }
        last = now;
        double secs = (now - start) / 1e9;
        show(String.format("zonegate: %s %,d records (%,.0f/s)", zone, count, count / secs));
      }

      @Override
      public void zone(int index, int total, String zone) {
        long now = System.nanoTime();
        if (now - start < 1_000_000_000L) {
          return;
        }
        show("zonegate: zone " + index + "/" + total + " " + zone);
      }

      @Override
      public void done() {
        if (shown) {
          err.print("\r\u001b[K");
          err.flush();
        }
      }

      private void show(String s) {
        shown = true;
        err.print("\r\u001b[K" + s);
        err.flush();
      }
    };
  }
}
