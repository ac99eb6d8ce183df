package dev.zonegate.config;

import dev.zonegate.model.Location;

/**
 * A repository config that cannot be used: one sentence, {@code path:line: problem}, naming the
 * zone or key concerned inside the problem. Checked, so every caller decides how to stop (exit 2).
 */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  public ConfigException(Location where, String problem) {
    super(where + ": " + problem);
  }
}
