package dev.zonegate.zone;

import dev.zonegate.model.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A directory on disk. Every read is checked after symlinks are resolved: the real file must lie
 * inside the real root and be a regular file (not a device, FIFO or directory), and no larger than
 * the limit, so {@code /dev/zero} or a link to {@code /proc/self/environ} is refused before a byte
 * is read.
 */
public final class DirectoryTree implements SourceTree {

  private final Path root;
  private final Path realRoot;
  private final long maxBytes;

  public DirectoryTree(Path root) throws IOException {
    this(root, Limits.Limit.MAX_FILE_BYTES.get());
  }

  public DirectoryTree(Path root, long maxBytes) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    this.realRoot = this.root.toRealPath();
    this.maxBytes = maxBytes;
  }

  /**
   * The tree a file given on the command line belongs to: the enclosing git work tree when there is
   * one (includes may then reach sibling directories of the repository), else the file's directory.
   */
  public static DirectoryTree enclosing(Path file) throws IOException {
    Path abs = file.toAbsolutePath().normalize();
    Path dir = abs.getParent();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
        return new DirectoryTree(p);
      }
    }
    return new DirectoryTree(dir);
  }

  /** The path of {@code file} relative to this tree's root, with {@code /} separators. */
  public String relativize(Path file) {
    return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }

  @Override
  public byte[] read(String path) throws ZoneReadException {
    Location where = new Location(path, 0);
    String normal = SourceTree.normalize(path);
    if (normal == null || normal.isEmpty()) {
      throw new ZoneReadException(where, "path is outside the repository");
    }
    Path file = root.resolve(normal);
    Path real;
    try {
      real = file.toRealPath();
    } catch (NoSuchFileException e) {
      throw new ZoneReadException(where, "no such file");
    } catch (IOException e) {
      throw new ZoneReadException(where, "cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    if (!real.startsWith(realRoot)) {
      throw new ZoneReadException(where, "resolves to a file outside the repository");
    }
    if (Files.isDirectory(real)) {
      throw new ZoneReadException(where, "is a directory, not a zone file");
    }
    if (!Files.isRegularFile(real)) {
      throw new ZoneReadException(where, "is not a regular file");
    }
    try (InputStream in = Files.newInputStream(real)) {
      byte[] bytes = readUpTo(in, Files.size(real), maxBytes);
      if (bytes.length > maxBytes) {
        throw new ZoneReadException(where, Limits.Limit.MAX_FILE_BYTES.exceeded("the file's size", maxBytes));
      }
      return bytes;
    } catch (IOException e) {
      throw new ZoneReadException(where, "cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * What {@code in.readNBytes(max + 1)} reads (more than {@code max} bytes says the file is too
   * big), read into one array of the {@code size} the file says it has rather than grown chunk by
   * chunk, which for a large zone allocated and copied twice its size. A file that turns out
   * shorter is cut to what it holds; one that grew while read is read on to the limit.
   */
  static byte[] readUpTo(InputStream in, long size, long max) throws IOException {
    int cap = (int) Math.min(Integer.MAX_VALUE - 8, max + 1);
    byte[] b = new byte[(int) Math.max(0, Math.min(size, cap))];
    int n = in.readNBytes(b, 0, b.length);
    if (n < b.length) {
      return Arrays.copyOf(b, n);
    }
    int next = n == cap ? -1 : in.read();
    if (next < 0) {
      return b; // the size it said (or the limit reached): the common case, no copy
    }
    byte[] rest = in.readNBytes(cap - n - 1);
    byte[] all = Arrays.copyOf(b, n + 1 + rest.length);
    all[n] = (byte) next;
    System.arraycopy(rest, 0, all, n + 1, rest.length);
    return all;
  }

  /**
   * The directory's entries, symbolic links followed as octoDNS's {@code isfile} follows them: a
   * link to a regular file is a file (reading it still refuses one that leads out of the tree).
   * A directory outside the tree, through a link, is refused.
   */
  /** Listings by directory, each taken once per run: a zone's files are looked up in them many times. */
  private final ConcurrentHashMap<String, Optional<SortedMap<String, Kind>>>
      listings = new ConcurrentHashMap<>();

  @Override
  public SortedMap<String, Kind> list(String dir) throws ZoneReadException {
    String key = SourceTree.normalize(dir);
    Optional<SortedMap<String, Kind>> cached = key == null ? null : listings.get(key);
    if (cached == null) {
      cached = Optional.ofNullable(walk(dir));
      listings.putIfAbsent(key, cached);
    }
    return cached.orElse(null);
  }

  private SortedMap<String, Kind> walk(String dir) throws ZoneReadException {
    Location where = new Location(dir.isEmpty() ? "." : dir, 0);
    String normal = SourceTree.normalize(dir);
    if (normal == null) {
      throw new ZoneReadException(where, "path is outside the repository");
    }
    Path d = normal.isEmpty() ? root : root.resolve(normal);
    if (!Files.isDirectory(d)) {
      return null;
    }
    try {
      if (!d.toRealPath().startsWith(realRoot)) {
        throw new ZoneReadException(where, "resolves to a directory outside the repository");
      }
      SortedMap<String, Kind> out = new TreeMap<>(SourceTree.CODE_POINT_ORDER);
      try (Stream<Path> entries = Files.list(d)) {
        for (Path p : (Iterable<Path>) entries::iterator) {
          Kind kind = Files.isRegularFile(p) ? Kind.FILE : Files.isDirectory(p) ? Kind.DIRECTORY : Kind.OTHER;
          out.put(p.getFileName().toString(), kind);
        }
      }
      return Collections.unmodifiableSortedMap(out);
    } catch (IOException | UncheckedIOException e) {
      throw new ZoneReadException(where, "cannot be listed (" + e.getClass().getSimpleName() + ")");
    }
  }

  @Override
  public String describe() {
    return root.toString();
  }
}
