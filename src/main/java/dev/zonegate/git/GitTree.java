package dev.zonegate.git;

import dev.zonegate.model.Location;
import dev.zonegate.zone.SourceTree;
import dev.zonegate.zone.ZoneReadException;
import java.io.IOException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The files of one commit, read straight from git objects: what was committed is what is checked,
 * whatever the working tree holds, and nothing is checked out. The guarantees match {@link
 * dev.zonegate.zone.DirectoryTree}: only regular files inside the tree, no larger than a limit. A
 * git tree cannot point outside itself, but a symlink blob could name {@code /etc/passwd}; it is
 * refused rather than followed, and a submodule (gitlink) has no content here to read.
 *
 * <p>Borrows the {@link Repository} of the {@link GitRepo} that made it: valid while that is open.
 */
public final class GitTree implements SourceTree {
  private final Repository repo;
  private final ObjectId commit;
  private final ObjectId tree;
  private final long maxBytes;

  GitTree(Repository repo, ObjectId commit, ObjectId tree, long maxBytes) {
    this.repo = repo;
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
    // A fresh reader per call: ObjectReader is not thread-safe, the Repository is.
    try (ObjectReader reader = repo.newObjectReader();
        TreeWalk walk = TreeWalk.forPath(reader, normal, tree)) {
      if (walk == null) {
        throw new ZoneReadException(where, "no such file at " + abbreviated());
      }
      switch (walk.getRawMode(0) & FileMode.TYPE_MASK) {
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
      ObjectLoader loader = reader.open(walk.getObjectId(0), Constants.OBJ_BLOB);
      // The size is in the object header: refuse a huge blob before inflating any of it.
      if (loader.getSize() > maxBytes) {
        throw new ZoneReadException(where, dev.zonegate.zone.Limits.Limit.MAX_FILE_BYTES.exceeded("the file's size", maxBytes));
      }
      // getBytes(limit) also returns blobs above JGit's streaming threshold (50 MiB by default).
      return loader.getBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes));
    } catch (IOException e) {
      // Missing objects (shallow or partial clones), corrupt packs and the like.
      throw new ZoneReadException(
          where,
          "cannot be read from git at " + abbreviated() + " (" + e.getClass().getSimpleName() + ")",
          e);
    }
  }

  /** Listings by directory: a commit never changes, so each directory is walked once. */
  private final java.util.concurrent.ConcurrentHashMap<String, java.util.Optional<java.util.SortedMap<String, Kind>>>
      listings = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The directory's entries as a checkout would hold them. A symbolic link is listed as a file:
   * it may point at one, and reading it is refused, so whatever counts it fails closed.
   */
  @Override
  public java.util.SortedMap<String, Kind> list(String dir) throws ZoneReadException {
    String normal = SourceTree.normalize(dir);
    if (normal == null) {
      throw new ZoneReadException(new Location(dir, 0), "path is outside the repository");
    }
    java.util.Optional<java.util.SortedMap<String, Kind>> cached = listings.get(normal);
    if (cached == null) {
      cached = java.util.Optional.ofNullable(walk(normal));
      listings.putIfAbsent(normal, cached);
    }
    return cached.orElse(null);
  }

  private java.util.SortedMap<String, Kind> walk(String dir) throws ZoneReadException {
    try (ObjectReader reader = repo.newObjectReader()) {
      ObjectId sub = tree;
      if (!dir.isEmpty()) {
        try (TreeWalk at = TreeWalk.forPath(reader, dir, tree)) {
          if (at == null || (at.getRawMode(0) & FileMode.TYPE_MASK) != FileMode.TYPE_TREE) {
            return null;
          }
          sub = at.getObjectId(0);
        }
      }
      java.util.SortedMap<String, Kind> out = new java.util.TreeMap<>(SourceTree.CODE_POINT_ORDER);
      try (TreeWalk walk = new TreeWalk(reader)) {
        walk.addTree(sub);
        walk.setRecursive(false);
        while (walk.next()) {
          Kind kind = switch (walk.getRawMode(0) & FileMode.TYPE_MASK) {
            case FileMode.TYPE_FILE, FileMode.TYPE_SYMLINK -> Kind.FILE;
            case FileMode.TYPE_TREE -> Kind.DIRECTORY;
            default -> Kind.OTHER;
          };
          out.put(walk.getNameString(), kind);
        }
      }
      return java.util.Collections.unmodifiableSortedMap(out);
    } catch (IOException e) {
      throw new ZoneReadException(
          new Location(dir.isEmpty() ? "." : dir, 0),
          "cannot be listed from git at " + abbreviated() + " (" + e.getClass().getSimpleName() + ")",
          e);
    }
  }

  @Override
  public String describe() {
    return "git " + abbreviated();
  }

  private String abbreviated() {
    return commit.abbreviate(7).name();
  }
}
