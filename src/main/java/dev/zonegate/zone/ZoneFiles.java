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

  /** Two snapshots of one zone: what is live (old) and what is proposed (new). */
  public record Pair(Zone before, Zone after) {}

  public static Zone read(Path file, String origin, ZoneFormat forced) throws ZoneReadException {
    if (!Files.exists(file)) {
      throw new ZoneReadException(new Location(file.toString(), 0), "no such file");
    }
    DirectoryTree tree;
    try {
      tree = DirectoryTree.enclosing(file);
    } catch (IOException e) {
      throw new ZoneReadException(new Location(file.toString(), 0), "cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    String path = tree.relativize(file);
    ZoneFormat format = forced != null ? forced : ZoneFormat.fromFileName(path);
    return ZoneReader.forFormat(format).read(tree, path, origin);
  }

  /**
   * Reads both files as one zone. The origin is {@code origin} when given, else the SOA owner of
   * either file (new first), else the new file's name; both sides are then read with it, so a
   * YAML file without SOA can be compared with a master file that has one.
   */
  public static Pair readPair(Path before, Path after, String origin, ZoneFormat forced)
      throws ZoneReadException {
    if (origin != null) {
      return new Pair(read(before, origin, forced), read(after, origin, forced));
    }
    Zone a = read(after, null, forced);
    Zone b = read(before, null, forced);
    String chosen = hasSoa(a) ? a.origin() : hasSoa(b) ? b.origin() : a.origin();
    if (!a.origin().equals(chosen)) {
      a = read(after, chosen, forced);
    }
    if (!b.origin().equals(chosen)) {
      b = read(before, chosen, forced);
    }
    return new Pair(b, a);
  }

  private static boolean hasSoa(Zone z) {
    return z.get(z.origin(), "SOA") != null;
  }
}
