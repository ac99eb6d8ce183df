package dev.zonegate.model;

/** Where something was read: a repository-relative path and a 1-based line, or 0 when unknown. */
public record Location(String path, int line) {
  public Location {
    if (path == null) {
      throw new IllegalArgumentException("path");
    }
  }

  @Override
  public String toString() {
    return line > 0 ? path + ":" + line : path;
  }
}
