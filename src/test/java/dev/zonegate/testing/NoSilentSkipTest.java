package dev.zonegate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every skip goes through {@link Require}, which says what is missing and fails where CI requires
 * it. This scans src/test/java for any other way to skip (JUnit's assumptions and abort, disabling
 * annotations and conditions) so a silent skip cannot creep back. Each needle is built from two
 * halves so this file does not match itself.
 */
class NoSilentSkipTest {
  static final Path TESTS = Path.of("src/test/java");
  static final Path HELPER = TESTS.resolve("dev/zonegate/testing/Require.java");

  static final List<String> NEEDLES = List.of(
      "Assumptions" + ".", "assume" + "True", "assume" + "False", "assume" + "That", "assuming" + "That",
      "abort" + "(", "org.junit" + ".Assume", "@Dis" + "abled", "@En" + "abledIf", "@En" + "abledOn", "@En" + "abledFor",
      "@Dis" + "abledIf", "@Dis" + "abledOn", "@Dis" + "abledFor", "ConditionEvaluationResult" + ".disabled",
      "new TestAborted" + "Exception");

  static List<String> hits(Path file) throws IOException {
    List<String> found = new ArrayList<>();
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      for (String needle : NEEDLES) {
        if (lines.get(i).contains(needle)) {
          found.add(TESTS.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
        }
      }
    }
    return found;
  }

  @Test
  void everySkipGoesThroughRequire() throws IOException {
    List<String> found = new ArrayList<>();
    int scanned = 0;
    try (Stream<Path> s = Files.walk(TESTS)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        scanned++;
        if (!f.equals(HELPER)) {
          found.addAll(hits(f));
        }
      }
    }
    assertThat(scanned).as("test sources scanned").isGreaterThan(100);
    assertThat(found)
        .as("skips outside dev.zonegate.testing.Require: use Require.require(present, \"what is missing and how to get"
            + " it\", \"ZONEGATE_REQUIRE_...\") instead, so the skip says why and CI can require it")
        .isEmpty();
  }

  /** Each variable that makes a missing tool fail rather than skip is set by CI, which must run everything. */
  @Test
  void everyRequireVariableIsExportedByCi() throws IOException {
    Set<String> named = new TreeSet<>();
    Pattern variable = Pattern.compile("ZONEGATE_REQUIRE_[A-Z0-9_]+");
    try (Stream<Path> s = Files.walk(TESTS)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
        variable.matcher(Files.readString(f)).results().forEach(m -> named.add(m.group()));
      }
    }
    assertThat(named).contains(Require.CORPUS_ENV, "ZONEGATE_REQUIRE_NAMED");
    List<String> ci = Files.readAllLines(Path.of(".ci/run"));
    assertThat(named).allSatisfy(v -> assertThat(ci).as(".ci/run").contains("export " + v + "=1"));
  }

  @Test
  void theScanFindsWhatItLooksFor() throws IOException {
    // The helper itself skips, so a scan that finds nothing there is broken, not clean.
    assertThat(hits(HELPER)).anyMatch(h -> h.contains("Assumptions" + ".abort"))
        .anyMatch(h -> h.contains("ConditionEvaluationResult" + ".disabled"));
  }
}
