package dev.zonegate.zone;

import dev.zonegate.model.Location;
import dev.zonegate.model.Zone;
import dev.zonegate.util.Background;
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
   * file that has one. A {@code before} that does not parse is read leniently, with warnings; one
   * of which nothing at all can be read is an error: without it nothing is judged.
   *
   * <p>The two files are read at once, {@code before} on a second thread; results and errors are
   * those of reading {@code after} first and {@code before} second.
   */
  public static Pair readPair(Path before, Path after, String origin, ZoneFormat forced)
      throws ZoneReadException {
    Source s = source(after, forced);
    Location afterFile = new Location(s.path, 0);
    Background<Zone, ZoneReadException> old = background(before, origin, forced);
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
    old = rereadAfter && rereadBefore ? background(before, chosen, forced) : null;
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
      b = readBase(before, chosen, forced);
    }
    return new Pair(chosen, b, a, aErr, s.format, afterFile);
  }

  /** OLD read on a thread of its own while this one reads NEW. */
  private static Background<Zone, ZoneReadException> background(Path file, String origin, ZoneFormat forced) {
    return Background.start("zonegate-read", () -> readBase(file, origin, forced));
  }

  /** OLD, what the change is judged against: leniently when it does not parse ({@link ZoneReader#readBase}). */
  private static Zone readBase(Path file, String origin, ZoneFormat forced) throws ZoneReadException {
    Source s = source(file, forced);
    return ZoneReader.readBase(ZoneReader.forFormat(s.format), s.tree, s.path, origin);
  }

  private static boolean hasSoa(Zone z) {
    return z.get(z.origin(), "SOA") != null;
  }
}
