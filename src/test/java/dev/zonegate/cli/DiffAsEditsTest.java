package dev.zonegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code diff} of two master files reads NEW as line edits of OLD when it can (see
 * MasterFileEdits), and {@code check} a master-file zone's head as line edits of its base: every
 * report must be the same bytes, and the exit code the same, as reading NEW (head) whole gives
 * ({@code -Dzonegate.edits=false}), on every master-file scenario, the demo, and a repository.
 */
class DiffAsEditsTest {
  private static Cli run(boolean edits, String... args) {
    return run(edits, Map.of(), args);
  }

  private static Cli run(boolean edits, Map<String, String> env, String... args) {
    String before = System.getProperty("zonegate.edits");
    System.setProperty("zonegate.edits", Boolean.toString(edits));
    try {
      return Cli.run(env, "", args);
    } finally {
      if (before == null) {
        System.clearProperty("zonegate.edits");
      } else {
        System.setProperty("zonegate.edits", before);
      }
    }
  }

  /**
   * A repository whose zone file changes as zone files do between commits: the serial of an SOA
   * over several lines, records changed, added and removed, a comment; then a change that must be
   * read whole (a directive added); then a head that does not read at all.
   */
  @Test
  void checkGivesTheSameReportsAsReadingHeadWhole(@TempDir Path tmp) throws Exception {
    dev.zonegate.testing.GitFixture git = dev.zonegate.testing.GitFixture.init(tmp.resolve("repo"));
    git.write("zonegate.yaml", "zones:\n  - name: example.com.\n    file: zones/example.com.zone\n");
    git.write("zones/example.com.zone", zone(1, 0)).commit("base");
    List<String> heads = List.of(zone(2, 1), zone(3, 2) + "$TTL 60\nlate A 192.0.2.99\n", zone(4, 3) + "bad A 192.0.2.300\n");
    for (int k = 0; k < heads.size(); k++) {
      String base = git.git("rev-parse", "HEAD").trim();
      git.write("zones/example.com.zone", heads.get(k)).commit("head");
      // The timings say which way head was read: as edits, or whole after all.
      String timed = run(true, Map.of("ZONEGATE_TIMINGS", "1"), "check", "--repo", git.dir().toString(), "--base", base,
          "--live", "none").err();
      assertThat(timed).contains("edits ");
      if (k == 0) {
        assertThat(timed).doesNotContain("whole ");
      } else {
        assertThat(timed).contains("whole ");
      }
      for (String format : List.of("text", "json")) {
        String[] args = {"check", "--repo", git.dir().toString(), "--base", base, "--live", "none", "--format", format};
        Cli whole = run(false, args);
        Cli edits = run(true, args);
        assertThat(edits.exit()).as(format).isEqualTo(whole.exit());
        assertThat(edits.out()).as(format).isEqualTo(whole.out());
        assertThat(edits.err()).as(format).isEqualTo(whole.err());
      }
    }
  }

  /** A zone of 2,000 hosts, serial {@code serial}, every 97th host's address moved by {@code round}. */
  private static String zone(int serial, int round) {
    StringBuilder sb = new StringBuilder("; example.com, round " + round + "\n$ORIGIN example.com.\n$TTL 3600\n");
    sb.append("@ SOA ns1.example.net. hostmaster (\n    ").append(2026120500 + serial).append(" ; serial\n    7200 900 1209600 300 )\n");
    sb.append("@ NS ns1.example.net.\n@ NS ns2.example.org.\n");
    for (int i = 0; i < 2000; i++) {
      if (round > 0 && i % 131 == round) {
        continue; // removed
      }
      sb.append("h").append(i).append(" A 93.184.").append(i / 250).append('.').append((i + (i % 97 == 0 ? round : 0)) % 250 + 1).append('\n');
      if (round > 0 && i % 149 == round) {
        sb.append("n").append(i).append('-').append(round).append(" CNAME h").append(i).append('\n'); // added
      }
    }
    return sb.toString();
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
