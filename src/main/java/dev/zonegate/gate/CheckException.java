package dev.zonegate.gate;

/** The check cannot decide (no base, no config, unreadable base zone): exit 2, never a pass. */
public final class CheckException extends Exception {
  private static final long serialVersionUID = 1L;

  public CheckException(String message) {
    super(message);
  }
}
