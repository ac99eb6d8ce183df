package dev.zonegate.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.zonegate.zone.BindZoneChecks;
import dev.zonegate.zone.MasterFileReader;
import dev.zonegate.zone.MemoryTree;
import dev.zonegate.zone.NamedCheckzone;
import dev.zonegate.zone.ZoneReadException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
  private static final Agreement AGREEMENT = new Agreement("bind-fuzz");
  private static Path dir;

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
    AGREEMENT.judge(v, error, "--- input (" + input.length + " bytes) ---\n" + new String(input, StandardCharsets.ISO_8859_1));
  }

}
