package dev.zonegate.rules;

/**
 * Who allowed a blocked finding, kept in every report so an override is auditable: a command-line
 * flag, a commit trailer (commit, author, reason) or a merge-request label.
 */
public record Allowance(String kind, String by, String reason) {
  public static Allowance flag(String spec) {
    return new Allowance("flag", "--allow " + spec, null);
  }

  @Override
  public String toString() {
    return by + (reason == null || reason.isEmpty() ? "" : " (" + reason + ")");
  }
}
