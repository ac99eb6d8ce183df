package dev.zonegate.fuzz;

import dev.zonegate.zone.BindKnownDifferences;
import dev.zonegate.zone.NamedCheckzone;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The record of a fuzz target held to a deploying tool (named-checkzone, octoDNS): how many inputs
 * were compared, and each disagreement that the documented known differences (docs/fidelity-*.md)
 * do not explain. In a replay ({@code mvn test}) such a disagreement fails the test; in a fuzzing
 * run ({@code JAZZER_FUZZ=1}) it is appended to {@code target/NAME-disagreements.txt} and the
 * campaign goes on, the counts kept in {@code target/NAME-status.txt}.
 */
final class Agreement {
  private static final boolean FUZZING = "1".equals(System.getenv("JAZZER_FUZZ"));
  private final Path log;
  private final Path status;
  private long executions;
  private long disagreements;
  private long uncompared;
  private long loaded;

  Agreement(String name) {
    this.log = Path.of("target", name + "-disagreements.txt");
    this.status = Path.of("target", name + "-status.txt");
  }

  /**
   * Counts one input held to named-checkzone: named's verdict and zonegate's error (null: it
   * accepted), explained by {@link BindKnownDifferences} where they differ as documented;
   * {@code input} shows the input in the record of a disagreement.
   */
  void judge(NamedCheckzone.Verdict v, String error, String input) throws IOException {
    boolean agree = v.accepted() == (error == null) || BindKnownDifferences.explain(v.accepted(), v.messages(), error) != null;
    judge(agree ? null
        : v.accepted() ? "zonegate refuses what named loads: " + error
        : "zonegate accepts what named refuses: " + v.messages().strip().replace('\n', '|'), input);
  }

  /** Notes that both sides loaded the input just judged (their records were compared). */
  synchronized void loaded() {
    loaded++;
  }

  /** Counts one input the tool gave no answer for in time: not compared. */
  synchronized void uncompared() {
    executions++;
    uncompared++;
  }

  /**
   * Counts one input: {@code unexplained} says how the two sides differ beyond the known
   * differences, null when they agree (or differ only as documented).
   */
  synchronized void judge(String unexplained, String input) throws IOException {
    executions++;
    if (FUZZING && executions % 500 == 0) {
      Files.createDirectories(status.getParent());
      Files.writeString(status, executions + " executions, " + disagreements + " unexplained disagreements, "
          + uncompared + " not compared (the tool gave no answer in time), " + loaded + " loaded by both\n");
    }
    if (unexplained == null) {
      return;
    }
    String what = unexplained + "\n" + input + "\n---\n";
    if (!FUZZING) {
      throw new AssertionError(what);
    }
    disagreements++;
    Files.createDirectories(log.getParent());
    Files.writeString(log, "#" + disagreements + " after " + executions + " executions: " + what,
        StandardCharsets.ISO_8859_1, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
