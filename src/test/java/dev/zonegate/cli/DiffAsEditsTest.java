package dev.zonegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code diff} of two master files reads NEW as line edits of OLD when it can (see
 * MasterFileEdits): every report must be the same bytes, and the exit code the same, as reading
 * NEW whole gives ({@code -Dzonegate.edits=false}), on every master-file scenario and on the demo.
 */
class DiffAsEditsTest {
  private static Cli run(boolean edits, String... args) {
    String before = System.getProperty("zonegate.edits");
    System.setProperty("zonegate.edits", Boolean.toString(edits));
    try {
      return Cli.run(args);
    } finally {
      if (before == null) {
        System.clearProperty("zonegate.edits");
      } else {
        System.setProperty("zonegate.edits", before);
      }
    }
  }

  @Test
  void everyMasterFileScenarioGivesTheSameReportsAsReadingNewWhole(@TempDir Path tmp) throws IOException {
    List<Path> cases;
    try (Stream<Path> dirs = Files.list(Path.of("testdata/scenarios"))) {
      cases = dirs.filter(d -> Files.exists(d.resolve("old.zone")) && Files.exists(d.resolve("new.zone"))).sorted().toList();
    }
    assertThat(cases).hasSizeGreaterThan(50);
    cases = new java.util.ArrayList<>(cases);
    cases.add(Path.of("testdata/demo"));
    for (Path d : cases) {
      String old = Files.exists(d.resolve("old.zone")) ? d.resolve("old.zone").toString() : d.resolve("live.zone").toString();
      String neu = Files.exists(d.resolve("new.zone")) ? d.resolve("new.zone").toString() : d.resolve("proposed.zone").toString();
      for (String format : List.of("text", "json", "sarif")) {
        Cli whole = run(false, "diff", old, neu, "--format", format);
        Cli edits = run(true, "diff", old, neu, "--format", format);
        assertThat(edits.exit()).as("%s %s", d, format).isEqualTo(whole.exit());
        assertThat(edits.out()).as("%s %s", d, format).isEqualTo(whole.out());
        assertThat(edits.err()).as("%s %s", d, format).isEqualTo(whole.err());
      }
      // Both ways round: the proposed file as the old one.
      Cli whole = run(false, "diff", neu, old, "--format", "json");
      Cli edits = run(true, "diff", neu, old, "--format", "json");
      assertThat(edits.out()).as("%s reversed", d).isEqualTo(whole.out());
      assertThat(edits.exit()).as("%s reversed", d).isEqualTo(whole.exit());
    }
  }
}
