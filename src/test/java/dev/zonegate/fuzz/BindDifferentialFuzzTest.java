package dev.zonegate.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.zonegate.zone.BindKnownDifferences;
import dev.zonegate.zone.BindZoneChecks;
import dev.zonegate.zone.MasterFileReader;
import dev.zonegate.zone.MemoryTree;
import dev.zonegate.zone.NamedCheckzone;
import dev.zonegate.zone.ZoneReadException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Mutated master files, read by zonegate and checked by named-checkzone (named's defaults for a
 * primary zone, see {@link NamedCheckzone}) as zone {@code example.com.}: both must accept or both
 * refuse, unless the disagreement is one of docs/fidelity-bind.md's known differences
 * ({@link BindKnownDifferences}). zonegate must also keep the fuzz contract (only its own
 * one-sentence errors, each with a location).
 *
 * <p>Seeds ({@code BindDifferentialFuzzTestInputs/differ/}) replay in every {@code mvn test};
 * without named-checkzone they are skipped with a message (failed with
 * {@code ZONEGATE_REQUIRE_NAMED=1}). In a fuzzing run ({@code JAZZER_FUZZ=1}) an unexplained
 * disagreement is appended to {@code target/bind-fuzz-disagreements.txt} and the campaign goes
 * on, so one run collects them all; in a replay it fails the test.
 */
class BindDifferentialFuzzTest {
  private static final boolean FUZZING = "1".equals(System.getenv("JAZZER_FUZZ"));
  private static final Path LOG = Path.of("target", "bind-fuzz-disagreements.txt");
  private static final Path STATUS = Path.of("target", "bind-fuzz-status.txt");
  private static Path dir;
  private static long executions;
  private static long disagreements;

  @FuzzTest(maxDuration = "60s")
  void differ(byte[] input) throws Throwable {
    NamedCheckzone named = NamedCheckzone.require();
    Contract.inTime("BindDifferentialFuzzTest#differ", "common-types.zone", input, in -> compare(named, in));
  }

  private static synchronized void compare(NamedCheckzone named, byte[] input) throws Exception {
    if (dir == null) {
      dir = Files.createTempDirectory("zonegate-bind-fuzz");
      dir.toFile().deleteOnExit();
    }
    Files.write(dir.resolve("zone.db"), input);
    NamedCheckzone.Verdict v = named.check(dir, "zone.db", "example.com.");
    String error = null;
    try {
      error = BindZoneChecks.loadProblem(
          new MasterFileReader().read(new MemoryTree(Map.of("zone.db", input)), "zone.db", "example.com."));
    } catch (ZoneReadException e) {
      Contract.expected(e);
      error = e.getMessage();
    }
    executions++;
    if (FUZZING && executions % 500 == 0) {
      // The run's record: how many inputs were compared, how many disagreed unexplained.
      Files.createDirectories(LOG.getParent());
      Files.writeString(STATUS, executions + " executions, " + disagreements + " unexplained disagreements\n");
    }
    if (v.accepted() == (error == null)) {
      return;
    }
    if (BindKnownDifferences.explain(v.accepted(), v.messages(), error) != null) {
      return;
    }
    String what =
        (v.accepted() ? "zonegate refuses what named loads: " + error : "zonegate accepts what named refuses: "
                + v.messages().strip().replace('\n', '|'))
            + "\n--- input (" + input.length + " bytes) ---\n"
            + new String(input, StandardCharsets.ISO_8859_1) + "\n---\n";
    if (!FUZZING) {
      throw new AssertionError(what);
    }
    disagreements++;
    Files.createDirectories(LOG.getParent());
    Files.writeString(LOG, "#" + disagreements + " after " + executions + " executions: " + what,
        StandardCharsets.ISO_8859_1, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

}
