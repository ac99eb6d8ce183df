package dev.zonegate.zone;

import dev.zonegate.model.Location;

/** A zone that cannot be read: one sentence, naming the file and, where known, the line. */
public final class ZoneReadException extends Exception {
  private static final long serialVersionUID = 1L;
  private final Location location;
  private final String problem;

  public ZoneReadException(Location location, String problem) {
    super(location + ": " + problem);
    this.location = location;
    this.problem = problem;
  }

  public ZoneReadException(Location location, String problem, Throwable cause) {
    super(location + ": " + problem, cause);
    this.location = location;
    this.problem = problem;
  }

  public Location location() {
    return location;
  }

  /** The problem without the location prefix. */
  public String problem() {
    return problem;
  }
}
