package dev.zonegate.zone;

import dev.zonegate.model.Location;

/**
 * Where a master file's server takes {@code $INCLUDE} paths from: named's {@code directory}
 * (named.conf), as the repository holds it, and, when given, as the server sees it. named takes a
 * relative path from that directory at every level of nesting, not from the including file's; an
 * absolute path below the server's directory is the same file in the repository's copy of it.
 *
 * @param repoPath the directory in the repository, normalized ({@code ""} for its root)
 * @param serverPath the same directory on the server, absolute, without a trailing slash; null when
 *     not given, and then every absolute path is refused
 */
public record IncludeDirectory(String repoPath, String serverPath) {
  public IncludeDirectory {
    if (repoPath == null || SourceTree.normalize(repoPath) == null || !SourceTree.normalize(repoPath).equals(repoPath)) {
      throw new IllegalArgumentException("not a normalized repository path: " + repoPath);
    }
    if (serverPath != null && (!serverPath.startsWith("/") || serverPath.length() > 1 && serverPath.endsWith("/"))) {
      throw new IllegalArgumentException("not an absolute path without a trailing slash: " + serverPath);
    }
  }

  /**
   * {@code given} as {@link #serverPath} holds it ({@code /etc//bind/} is {@code /etc/bind}), or
   * null when it is not an absolute path.
   */
  public static String serverPath(String given) {
    String normal = given.startsWith("/") ? SourceTree.normalize(given) : null;
    return normal == null ? null : "/" + normal;
  }

  /**
   * The path {@code target} (as written after {@code $INCLUDE}) has from the repository's copy of
   * the directory: a relative one as it is, an absolute one below {@link #serverPath} with that
   * part taken off; null for an absolute path elsewhere.
   */
  String relative(String target, Location where) throws ZoneReadException {
    if (!SourceTree.isAbsolute(target)) {
      return target;
    }
    if (serverPath == null) {
      return null;
    }
    String prefix = serverPath.equals("/") ? "/" : serverPath + "/";
    if (!target.startsWith(prefix)) {
      return null;
    }
    String rest = target.substring(prefix.length());
    if (SourceTree.normalize(rest) == null) {
      throw new ZoneReadException(where, "$INCLUDE " + target + " leaves the server's directory " + serverPath);
    }
    return rest;
  }
}
