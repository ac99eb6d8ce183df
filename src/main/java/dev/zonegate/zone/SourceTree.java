package dev.zonegate.zone;

import dev.zonegate.model.Location;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.SortedMap;

/**
 * Files a zone may be read from: a repository working tree, or later a git tree at a commit. Paths
 * are relative to the tree's root with {@code /} separators. Nothing outside the tree can be read:
 * that is what keeps a hostile {@code $INCLUDE /etc/passwd} out of a report.
 */
public interface SourceTree {
  /** The bytes of the file, or an error naming the path when it is missing or not allowed. */
  byte[] read(String path) throws ZoneReadException;

  /** A label for the tree in messages, such as its directory. */
  String describe();

  /** True when {@code path} names a file this tree would read; a deleted zone file is not there. */
  default boolean exists(String path) {
    try {
      read(path);
      return true;
    } catch (ZoneReadException e) {
      return false;
    }
  }

  /** What a directory entry is, as a listing sees it. */
  enum Kind {
    /** A regular file, or what may be one (a symbolic link to a file). */
    FILE,
    DIRECTORY,
    /** Anything else: a device, a socket, a submodule, a link to nothing. */
    OTHER
  }

  /** Strings by code point, as Python compares them (not by UTF-16 unit, as {@link String#compareTo}). */
  Comparator<String> CODE_POINT_ORDER = OctoDnsPy::compareCodePoints;

  /**
   * The entries of the directory {@code dir} ({@code ""} is the root), by name in code point
   * order, or null when the tree has no directory there (a missing path, or a file). Throws when
   * the directory cannot be listed: a tree that cannot list fails the caller closed.
   */
  default SortedMap<String, Kind> list(String dir) throws ZoneReadException {
    throw new ZoneReadException(
        new Location(dir.isEmpty() ? "." : dir, 0), describe() + " cannot list directories");
  }

  /**
   * Resolves {@code target} as written in {@code $INCLUDE} inside {@code from}: relative to the
   * including file's directory, never absolute, never above the root.
   */
  static String resolveInclude(String from, String target, Location where)
      throws ZoneReadException {
    return resolveInclude(from, null, target, where);
  }

  /**
   * As {@link #resolveInclude(String, String, Location)}, from the server's {@code directory}
   * when it is not null ({@link IncludeDirectory}): named takes a relative {@code $INCLUDE} path
   * from its working directory ({@code directory} in named.conf), at every level, not from the
   * including file's; and an absolute one below the server's directory is read from the
   * repository's copy of it.
   */
  static String resolveInclude(String from, IncludeDirectory directory, String target, Location where)
      throws ZoneReadException {
    return normalized(joined(from, directory, target, where), where);
  }

  private static String normalized(String joined, Location where) throws ZoneReadException {
    String normal = normalize(joined);
    if (normal == null) {
      throw new ZoneReadException(where, "$INCLUDE path escapes the repository");
    }
    return normal;
  }

  /**
   * As {@link #resolveInclude(String, IncludeDirectory, String, Location)}, and the file must be
   * reachable the way the system reaches it: named and octoDNS open the path as written, and the
   * system walks {@code d/../f} through {@code d}, so without a directory {@code d} there is no
   * such file for them, though the path names {@code f}.
   */
  static String resolveInclude(SourceTree tree, String from, IncludeDirectory directory, String target, Location where)
      throws ZoneReadException {
    String joined = joined(from, directory, target, where);
    String normal = normalized(joined, where);
    StringBuilder walked = new StringBuilder();
    for (String p : joined.replace('\\', '/').split("/")) {
      if (p.equals("..")) {
        String dir = normalize(walked.toString());
        if (dir != null && tree.list(dir) == null) {
          throw new ZoneReadException(where, target + ": no such file (the directory " + dir + " it passes through is not there)");
        }
      }
      walked.append(p).append('/');
    }
    return normal;
  }

  /** A path that names the file from the root of a system: {@code /x}, {@code \\x}, {@code C:x}. */
  static boolean isAbsolute(String path) {
    return path.startsWith("/") || path.startsWith("\\") || path.matches("^[A-Za-z]:.*");
  }

  /** The include's path from the tree's root, as the system is given it, before {@code ..} is collapsed. */
  private static String joined(String from, IncludeDirectory directory, String target, Location where)
      throws ZoneReadException {
    if (target.isEmpty()) {
      throw new ZoneReadException(where, "$INCLUDE names no file");
    }
    String rel = directory == null ? (isAbsolute(target) ? null : target) : directory.relative(target, where);
    if (rel == null) {
      throw new ZoneReadException(
          where,
          "$INCLUDE of an absolute path is not allowed; name a file inside the repository"
              + (directory != null && directory.serverPath() != null
                  ? " or below the server's directory " + directory.serverPath()
                  : ""));
    }
    if (directory != null) {
      return directory.repoPath().isEmpty() ? rel : directory.repoPath() + "/" + rel;
    }
    int slash = from.lastIndexOf('/');
    return (slash < 0 ? "" : from.substring(0, slash + 1)) + rel;
  }

  /** Collapses {@code .} and {@code ..}; null when the path climbs above the root. */
  static String normalize(String path) {
    ArrayDeque<String> parts = new ArrayDeque<>();
    for (String p : path.replace('\\', '/').split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.removeLast();
      } else {
        parts.addLast(p);
      }
    }
    return String.join("/", parts);
  }
}
