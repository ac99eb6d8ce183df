package dev.zonegate.git;

import dev.zonegate.git.Backend.Entry;
import dev.zonegate.model.Location;
import dev.zonegate.zone.Limits;
import dev.zonegate.zone.SourceTree;
import dev.zonegate.zone.ZoneReadException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.util.RawParseUtils;

/**
 * The files of one commit, read straight from git objects: what was committed is what is checked,
 * whatever the working tree holds, and nothing is checked out. The guarantees match {@link
 * dev.zonegate.zone.DirectoryTree}: only regular files inside the tree, no larger than a limit. A
 * git tree cannot point outside itself, but a symlink blob could name {@code /etc/passwd}; it is
 * refused rather than followed, and a submodule (gitlink) has no content here to read.
 *
 * <p>Borrows the reader of the {@link GitRepo} that made it: valid while that is open.
 */
public final class GitTree implements SourceTree {
  private final Backend git;
  private final ObjectId commit;
  private final ObjectId tree;
  private final long maxBytes;

  GitTree(Backend git, ObjectId commit, ObjectId tree, long maxBytes) {
    this.git = git;
    this.commit = commit.copy();
    this.tree = tree.copy();
    this.maxBytes = maxBytes;
  }

  /** The commit whose tree this is. */
  public ObjectId commit() {
    return commit;
  }

  @Override
  public byte[] read(String path) throws ZoneReadException {
    Location where = new Location(path, 0);
    String normal = SourceTree.normalize(path);
    if (normal == null || normal.isEmpty()) {
      throw new ZoneReadException(where, "path is outside the repository");
    }
    try {
      Entry entry = entry(normal);
      if (entry == null) {
        throw new ZoneReadException(where, "no such file at " + abbreviated());
      }
      switch (entry.mode() & FileMode.TYPE_MASK) {
        case FileMode.TYPE_FILE:
          break;
        case FileMode.TYPE_TREE:
          throw new ZoneReadException(where, "is a directory, not a zone file");
        case FileMode.TYPE_SYMLINK:
          throw new ZoneReadException(
              where, "is a symbolic link; zonegate reads only regular files from git");
        case FileMode.TYPE_GITLINK:
          throw new ZoneReadException(
              where, "is a submodule; zonegate reads only regular files from git");
        default:
          throw new ZoneReadException(where, "is not a regular file");
      }
      // The size is in the object header: a huge blob is refused before any of it is inflated.
      byte[] bytes = git.bytes(entry.id(), maxBytes);
      if (bytes == null) {
        throw new ZoneReadException(where, Limits.Limit.MAX_FILE_BYTES.exceeded("the file's size", maxBytes));
      }
      return bytes;
    } catch (IOException e) {
      // Missing objects (shallow or partial clones), corrupt packs and the like.
      throw new ZoneReadException(
          where,
          "cannot be read from git at " + abbreviated() + " (" + e.getClass().getSimpleName() + ")",
          e);
    }
  }

  /**
   * Whether {@link #read} would find a regular file within the size limit, from the tree entry and
   * the object's header: a large repository's check asks this of every configured zone, and
   * inflating each file to answer would read the whole repository.
   */
  @Override
  public boolean exists(String path) {
    String normal = SourceTree.normalize(path);
    if (normal == null || normal.isEmpty()) {
      return false;
    }
    try {
      Entry entry = entry(normal);
      return entry != null
          && (entry.mode() & FileMode.TYPE_MASK) == FileMode.TYPE_FILE
          && git.size(entry.id()) <= maxBytes;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Each directory's entries by raw name, read once from its tree object: a lookup is then a map
   * hit per path segment, where JGit's {@code TreeWalk.forPath} parses every tree on the way again (a
   * directory of a thousand zones read a thousand times). Names are kept as their bytes (one char
   * per byte), so a path matches exactly the entries {@code forPath} would match.
   */
  private final ConcurrentHashMap<String, Optional<Map<String, Entry>>>
      directories = new ConcurrentHashMap<>();

  private Entry entry(String normal) throws IOException {
    int slash = normal.lastIndexOf('/');
    Map<String, Entry> dir = entries(slash < 0 ? "" : normal.substring(0, slash));
    return dir == null ? null : dir.get(rawName(normal.substring(slash + 1)));
  }

  private static String rawName(String name) {
    return new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  /** The entries of directory {@code dir} ("" for the root), or null when the commit has no such directory. */
  private Map<String, Entry> entries(String dir) throws IOException {
    Optional<Map<String, Entry>> cached = directories.get(dir);
    if (cached != null) {
      return cached.orElse(null);
    }
    ObjectId id = null;
    if (dir.isEmpty()) {
      id = tree;
    } else {
      Entry e = entry(dir);
      if (e != null && (e.mode() & FileMode.TYPE_MASK) == FileMode.TYPE_TREE) {
        id = e.id();
      }
    }
    Map<String, Entry> out = id == null ? null : git.entries(id);
    directories.putIfAbsent(dir, Optional.ofNullable(out));
    return out;
  }

  /**
   * The directory's entries as a checkout would hold them, from the same per-directory entries
   * {@link #read} uses. A symbolic link is listed as a file: it may point at one, and reading it
   * is refused, so whatever counts it fails closed.
   */
  @Override
  public SortedMap<String, Kind> list(String dir) throws ZoneReadException {
    String normal = SourceTree.normalize(dir);
    if (normal == null) {
      throw new ZoneReadException(new Location(dir, 0), "path is outside the repository");
    }
    Map<String, Entry> entries;
    try {
      entries = entries(normal);
    } catch (IOException e) {
      throw new ZoneReadException(
          new Location(normal.isEmpty() ? "." : normal, 0),
          "cannot be listed from git at " + abbreviated() + " (" + e.getClass().getSimpleName() + ")",
          e);
    }
    if (entries == null) {
      return null;
    }
    SortedMap<String, Kind> out = new TreeMap<>(SourceTree.CODE_POINT_ORDER);
    entries.forEach((raw, e) -> {
      Kind kind = switch (e.mode() & FileMode.TYPE_MASK) {
        case FileMode.TYPE_FILE, FileMode.TYPE_SYMLINK -> Kind.FILE;
        case FileMode.TYPE_TREE -> Kind.DIRECTORY;
        default -> Kind.OTHER;
      };
      // Decoded as TreeWalk#getNameString decodes a name.
      out.put(RawParseUtils.decode(raw.getBytes(StandardCharsets.ISO_8859_1)), kind);
    });
    return Collections.unmodifiableSortedMap(out);
  }

  @Override
  public String describe() {
    return "git " + abbreviated();
  }

  private String abbreviated() {
    return commit.abbreviate(7).name();
  }
}
