package dev.zonegate.zone;

import dev.zonegate.model.Location;
import dev.zonegate.model.Zone;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads zone files named on the command line, each inside its enclosing repository (or its own
 * directory), in the format its name implies unless one is forced.
 */
public final class ZoneFiles {
  private ZoneFiles() {}

  /**
   * Two snapshots of one zone: what is live ({@code before}) and what is proposed. A proposed file
   * that does not parse is not an error here: it is kept as {@code afterError}, for the
   * {@code zone-parse-error} rule to judge.
   */
  public record Pair(
      String origin, Zone before, Zone after, ZoneReadException afterError, ZoneFormat afterFormat, Location afterFile) {}

  public static Zone read(Path file, String origin, ZoneFormat forced) throws ZoneReadException {
    Source s = source(file, forced);
    return ZoneReader.forFormat(s.format).read(s.tree, s.path, origin);
  }

  private record Source(DirectoryTree tree, String path, ZoneFormat format) {}

  private static Source source(Path file, ZoneFormat forced) throws ZoneReadException {
    if (!Files.exists(file)) {
      throw new ZoneReadException(new Location(file.toString(), 0), "no such file");
    }
    try {
      DirectoryTree tree = DirectoryTree.enclosing(file);
      String path = tree.relativize(file);
      return new Source(tree, path, forced != null ? forced : ZoneFormat.fromFileName(path));
    } catch (IOException e) {
      throw new ZoneReadException(
          new Location(file.toString(), 0), "cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * Reads both files as one zone. The origin is {@code origin} when given, else the SOA owner of
   * either file (the proposed first), else the proposed file's own choice ($ORIGIN, file name);
   * both sides are then read with it, so a YAML file without SOA can be compared with a master
   * file that has one. An unreadable {@code before} is an error: without it nothing is judged.
   *
   * <p>The two files are read at once, {@code before} on a second thread; results and errors are
   * those of reading {@code after} first and {@code before} second.
   */
  public static Pair readPair(Path before, Path after, String origin, ZoneFormat forced)
      throws ZoneReadException {
    Source s = source(after, forced);
    Location afterFile = new Location(s.path, 0);
    Background old = Background.read(before, origin, forced);
    Zone a = null;
    ZoneReadException aErr = null;
    try {
      a = read(after, origin, forced);
    } catch (ZoneReadException e) {
      aErr = e;
    }
    Zone b = old.join();
    if (origin != null) {
      return new Pair(origin, b, a, aErr, s.format, afterFile);
    }
    String chosen = a != null && hasSoa(a) ? a.origin() : hasSoa(b) || a == null ? b.origin() : a.origin();
    boolean rereadAfter = a != null && !a.origin().equals(chosen);
    boolean rereadBefore = !b.origin().equals(chosen);
    old = rereadAfter && rereadBefore ? Background.read(before, chosen, forced) : null;
    if (rereadAfter) {
      try {
        a = read(after, chosen, forced);
      } catch (ZoneReadException e) {
        a = null;
        aErr = e;
      }
    }
    if (old != null) {
      b = old.join();
    } else if (rereadBefore) {
      b = read(before, chosen, forced);
    }
    return new Pair(chosen, b, a, aErr, s.format, afterFile);
  }

  /** One read on its own (daemon) thread; {@link #join} gives its zone or throws what it threw. */
  private static final class Background {
    private final java.util.concurrent.FutureTask<Zone> task;

    private Background(java.util.concurrent.FutureTask<Zone> task) {
      this.task = task;
    }

    static Background read(Path file, String origin, ZoneFormat forced) {
      java.util.concurrent.FutureTask<Zone> t = new java.util.concurrent.FutureTask<>(() -> ZoneFiles.read(file, origin, forced));
      Thread th = new Thread(t, "zonegate-read");
      th.setDaemon(true);
      th.start();
      return new Background(t);
    }

    Zone join() throws ZoneReadException {
      boolean interrupted = false;
      try {
        while (true) {
          try {
            return task.get();
          } catch (InterruptedException e) {
            interrupted = true;
          } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof ZoneReadException) {
              throw (ZoneReadException) c;
            }
            if (c instanceof RuntimeException) {
              throw (RuntimeException) c;
            }
            if (c instanceof Error) {
              throw (Error) c;
            }
            throw new IllegalStateException(c);
          }
        }
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private static boolean hasSoa(Zone z) {
    return z.get(z.origin(), "SOA") != null;
  }
}
