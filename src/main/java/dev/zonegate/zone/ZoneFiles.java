package dev.zonegate.zone;

import dev.zonegate.model.Location;
import dev.zonegate.model.Zone;
import dev.zonegate.util.Background;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

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
    Source s = source(file.toString(), forced, null);
    return read(s, origin);
  }

  private static Zone read(Source s, String origin) throws ZoneReadException {
    return s.reader().read(s.tree, s.path, origin);
  }

  /**
   * Where a file named on the command line is read from, as what path, in which format; for a
   * master file, with what its server's check-names does.
   */
  private record Source(
      SourceTree tree, DirectoryTree directory, String path, ZoneFormat format, CheckNames checkNames,
      IncludeDirectory includeDirectory) {
    /** {@code directory}: the tree when it is a directory on disk, else null (a pipe or standard input). */
    Source(SourceTree tree, DirectoryTree directory, String path, ZoneFormat format) {
      this(tree, directory, path, format, CheckNames.FAIL, null);
    }

    ZoneReader reader() {
      return ZoneReader.forFormat(format, checkNames, includeDirectory);
    }

    /**
     * With {@code $INCLUDE} paths taken from {@code dir} (null: from the including file's
     * directory), which must be in the file's repository, and absolute ones below {@code server}
     * (null: none) read from it; refused for a file that is not a master file, or that is not read
     * from a directory.
     */
    Source including(Path dir, String server) throws ZoneReadException {
      if (dir == null) {
        if (server != null) {
          throw new ZoneReadException(new Location(path, 0), "--server-directory needs --include-directory: the repository's copy of that directory");
        }
        return this;
      }
      Location where = new Location(path, 0);
      if (format != ZoneFormat.MASTER) {
        throw new ZoneReadException(
            where, "--include-directory is named's directory for $INCLUDE in master files; this file is read as " + format.word());
      }
      if (directory == null) {
        throw new ZoneReadException(where, "--include-directory: this file is not read from a directory, so it includes nothing");
      }
      String rel = SourceTree.normalize(directory.relativize(dir));
      if (rel == null || !Files.isDirectory(dir)) {
        throw new ZoneReadException(
            where, "--include-directory " + dir + " is not a directory inside this file's repository");
      }
      String serverPath = server == null ? null : IncludeDirectory.serverPath(server);
      if (server != null && serverPath == null) {
        throw new ZoneReadException(where, "--server-directory " + server + " is not an absolute path (named's directory as the server sees it)");
      }
      return new Source(tree, directory, path, format, checkNames,
          new IncludeDirectory(rel, serverPath));
    }

    /**
     * With check-names set as given (null: named's default); given for a file that is not a master
     * file, it is refused, never dropped without a word.
     */
    Source checking(CheckNames given) throws ZoneReadException {
      if (given == null) {
        return this;
      }
      if (format != ZoneFormat.MASTER) {
        throw new ZoneReadException(
            new Location(path, 0), "--check-names is named's setting for master files; this file is read as " + format.word());
      }
      return new Source(tree, directory, path, format, given, includeDirectory);
    }
  }

  /** What {@code -} is called in messages and reports. */
  public static final String STDIN = "(standard input)";

  /**
   * {@code arg} as a source: a file inside its repository (or its own directory); {@code -},
   * standard input; a pipe or a device ({@code <(git show main:zones/x.zone)} gives
   * {@code /dev/fd/63}), read once, whole, into memory. A zone read from memory has no directory:
   * an {@code $INCLUDE} in it is refused.
   */
  private static Source source(String arg, ZoneFormat forced, InputStream stdin) throws ZoneReadException {
    if (arg.equals("-")) {
      if (stdin == null) {
        throw new ZoneReadException(new Location(STDIN, 0), "standard input cannot be read here");
      }
      return memory(STDIN, read(stdin, STDIN), forced);
    }
    Path file = Path.of(arg);
    if (!Files.exists(file)) {
      throw new ZoneReadException(new Location(arg, 0), "no such file");
    }
    try {
      if (!Files.isRegularFile(file) && !Files.isDirectory(file)) {
        try (InputStream in = Files.newInputStream(file)) {
          return memory(arg, read(in, arg), forced);
        }
      }
      DirectoryTree tree = DirectoryTree.enclosing(file);
      String path = tree.relativize(file);
      return new Source(tree, tree, path, forced != null ? forced : ZoneFormat.fromFileName(path));
    } catch (IOException e) {
      throw new ZoneReadException(new Location(arg, 0), "cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static Source memory(String path, byte[] bytes, ZoneFormat forced) {
    return new Source(new MemoryTree(Map.of(SourceTree.normalize(path), bytes)), null, path,
        forced != null ? forced : ZoneFormat.fromFileName(path));
  }

  private static byte[] read(InputStream in, String what) throws ZoneReadException {
    long max = Limits.Limit.MAX_FILE_BYTES.get();
    try {
      byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
      if (b.length > max) {
        throw new ZoneReadException(new Location(what, 0), Limits.Limit.MAX_FILE_BYTES.exceeded("the file's size"));
      }
      return b;
    } catch (IOException e) {
      throw new ZoneReadException(new Location(what, 0), "cannot be read (" + e.getClass().getSimpleName() + ")");
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
    return readPair(before.toString(), after.toString(), origin, forced, null, null, null, null);
  }

  /**
   * As {@link #readPair(Path, Path, String, ZoneFormat)}; either file may be {@code -}, read from
   * {@code stdin}; master files read with {@code checkNames} (null: named's default, fail) and
   * their {@code $INCLUDE} paths taken from {@code includeDirectory} (null: from the including
   * file's directory), an absolute one below {@code serverDirectory} (null: none) from it too.
   */
  public static Pair readPair(
      String beforeArg, String afterArg, String origin, ZoneFormat forced, InputStream stdin, CheckNames checkNames,
      Path includeDirectory, String serverDirectory)
      throws ZoneReadException {
    return readPair(beforeArg, afterArg, origin, forced, stdin, checkNames, includeDirectory, serverDirectory, null);
  }

  /**
   * As above; {@code beforeRead} (or null) is given OLD's zone as soon as it is read, when that is
   * well before NEW's (NEW read as its line edits): work on OLD alone can start on the other core.
   */
  public static Pair readPair(
      String beforeArg, String afterArg, String origin, ZoneFormat forced, InputStream stdin, CheckNames checkNames,
      Path includeDirectory, String serverDirectory, Consumer<Zone> beforeRead)
      throws ZoneReadException {
    if (beforeArg.equals("-") && afterArg.equals("-")) {
      throw new ZoneReadException(new Location(STDIN, 0), "OLD and NEW cannot both be standard input");
    }
    Source s = source(afterArg, forced, stdin).checking(checkNames).including(includeDirectory, serverDirectory);
    Source before = source(beforeArg, forced, stdin).checking(checkNames).including(includeDirectory, serverDirectory);
    Location afterFile = new Location(s.path, 0);
    Pair edited = readAsEdits(before, s, origin, afterFile, beforeRead);
    if (edited != null) {
      return edited;
    }
    Background<Zone, ZoneReadException> old = background(before, origin);
    Zone a = null;
    ZoneReadException aErr = null;
    try {
      a = read(s, origin);
    } catch (ZoneReadException e) {
      aErr = e;
    }
    return pair(before, s, origin, old.join(), a, aErr, afterFile);
  }

  /**
   * Two master files few lines apart: OLD read first, on both cores, and NEW as its line edits
   * ({@link MasterFileEdits}), or whole when that does not apply. Null, with nothing read, when the
   * files are not master files, differ in too many lines or in lines that do not read on their
   * own, or OLD does not read (the usual way then reads it leniently).
   */
  private static Pair readAsEdits(
      Source before, Source after, String origin, Location afterFile, Consumer<Zone> beforeRead)
      throws ZoneReadException {
    if (before.format != ZoneFormat.MASTER || after.format != ZoneFormat.MASTER
        || !(before.reader() instanceof MasterFileReader oldReader)
        || !(after.reader() instanceof MasterFileReader newReader)) {
      return null;
    }
    MasterFileReader.Versions v =
        MasterFileReader.readVersions(oldReader, before.tree, before.path, newReader, after.tree, after.path, origin, beforeRead);
    return v == null ? null : pair(before, after, origin, v.base(), v.head(), v.headError(), afterFile);
  }

  /**
   * The pair read: with {@code origin} given, as read; else each side read again with the origin
   * chosen (the proposed SOA's owner, else the live one's, else the proposed file's own) where it
   * chose another.
   */
  private static Pair pair(
      Source before, Source s, String origin, Zone b, Zone a, ZoneReadException aErr, Location afterFile)
      throws ZoneReadException {
    if (origin != null) {
      return new Pair(origin, b, a, aErr, s.format, afterFile);
    }
    String chosen = a != null && hasSoa(a) ? a.origin() : hasSoa(b) || a == null ? b.origin() : a.origin();
    boolean rereadAfter = a != null && !a.origin().equals(chosen);
    boolean rereadBefore = !b.origin().equals(chosen);
    Background<Zone, ZoneReadException> old = rereadAfter && rereadBefore ? background(before, chosen) : null;
    if (rereadAfter) {
      try {
        a = read(s, chosen);
      } catch (ZoneReadException e) {
        a = null;
        aErr = e;
      }
    }
    if (old != null) {
      b = old.join();
    } else if (rereadBefore) {
      b = readBase(before, chosen);
    }
    return new Pair(chosen, b, a, aErr, s.format, afterFile);
  }

  /** OLD read on a thread of its own while this one reads NEW. */
  private static Background<Zone, ZoneReadException> background(Source file, String origin) {
    return Background.start("zonegate-read", () -> readBase(file, origin));
  }

  /** OLD, what the change is judged against: leniently when it does not parse ({@link ZoneReader#readBase}). */
  private static Zone readBase(Source s, String origin) throws ZoneReadException {
    return ZoneReader.readBase(s.reader(), s.tree, s.path, origin);
  }

  private static boolean hasSoa(Zone z) {
    return z.get(z.origin(), "SOA") != null;
  }
}
