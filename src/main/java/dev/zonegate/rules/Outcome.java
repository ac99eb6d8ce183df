package dev.zonegate.rules;

/**
 * What a gate run decides, with the word every report prints and the exit code the judging
 * commands give for it (docs/exit-codes.md). Exit 2, the gate could not decide, is no outcome: it
 * is what happens when there is none.
 */
public enum Outcome {
  PASS("pass", 0),
  BLOCK("block", 1);

  private final String word;
  private final int exitCode;

  Outcome(String word, int exitCode) {
    this.word = word;
    this.exitCode = exitCode;
  }

  /** {@code pass} or {@code block}, as reports print it. */
  public String word() {
    return word;
  }

  public int exitCode() {
    return exitCode;
  }

  public static Outcome of(boolean blocked) {
    return blocked ? BLOCK : PASS;
  }

  @Override
  public String toString() {
    return word;
  }
}
