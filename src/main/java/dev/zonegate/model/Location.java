package dev.zonegate.model;

/**
 * Where something was read: a repository-relative path and a 1-based line (0 when unknown), or,
 * for what has no file of its own, a logical address: a Terraform resource such as {@code
 * module.dns.aws_route53_record.db["us-east-1"]}, which reports show as it is (SARIF as a
 * logical location).
 *
 * @param logical true when {@code path} is a resource address, not a file
 */
public record Location(String path, int line, boolean logical) {
  public Location {
    if (path == null) {
      throw new IllegalArgumentException("path");
    }
  }

  public Location(String path, int line) {
    this(path, line, false);
  }

  /**
   * The line the compact record stores ({@link ZoneAssembler}, {@link RRset}) keep for a logical
   * location, so that a resource address survives them as one.
   */
  public static final int LOGICAL_LINE = -1;

  /** A location from its compact form: {@code line} {@link #LOGICAL_LINE} is a resource address. */
  public static Location of(String path, int line) {
    return line == LOGICAL_LINE ? address(path) : new Location(path, line);
  }

  /** This location's line in compact form (see {@link #of}). */
  public int compactLine() {
    return logical ? LOGICAL_LINE : line;
  }

  /** A resource address as a location. */
  public static Location address(String address) {
    return new Location(address, 0, true);
  }

  @Override
  public String toString() {
    return line > 0 ? path + ":" + line : path;
  }
}
