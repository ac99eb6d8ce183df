package dev.zonegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.testing.Bounded;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The YAML rows of the hostile-input catalogue, for the config (exit 2), rule packs (exit 1 from
 * validate, 2 when used) and octoDNS zones (a zone-parse-error, exit 1): one line each, bounded.
 */
class HostileYamlTest {
  @TempDir Path dir;

  static String deep() {
    return "zones:\n  - name: x.\n    file: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
  }

  static String bomb() {
    StringBuilder s = new StringBuilder("a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
    char prev = 'a';
    for (int i = 1; i < 12; i++) {
      char n = (char) ('a' + i);
      s.append(n).append(": &").append(n).append(" [");
      for (int k = 0; k < 9; k++) {
        s.append(k == 0 ? "" : ",").append('*').append(prev);
      }
      s.append("]\n");
      prev = n;
    }
    return s.toString();
  }

  static final String[] DOCS = {deep(), bomb(), "zones: !!java.io.File /etc/passwd\n", "- 1\n- 2\n", "zones: []\nzones: []\n", "\"just a string\"\n"};

  Cli timed(String... args) {
    Cli r = timedAll(args);
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
    return r;
  }

  /** As {@link #timed}, where every problem gets its line ({@code rules validate}): each names the file. */
  Cli timedAll(String... args) {
    Cli r = Bounded.within(() -> Cli.run(args)); // a hang fails; how long it took is not asserted
    assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception:").doesNotContain("root:x");
    assertThat(r.err().strip().lines().count()).isPositive();
    return r;
  }

  @Test
  void configsThatAreHostileExitTwoWithOneLine() throws Exception {
    for (int i = 0; i < DOCS.length; i++) {
      Path f = dir.resolve("c" + i + ".yaml");
      Files.writeString(f, DOCS[i]);
      Cli r = timed("lint", "--repo", dir.toString(), "--config", f.toString());
      assertThat(r.exit()).as(DOCS[i].substring(0, Math.min(40, DOCS[i].length()))).isEqualTo(2);
      assertThat(r.err()).startsWith("zonegate: error: " + f);
    }
  }

  @Test
  void rulePacksThatAreHostileAreInvalidWithOneLine() throws Exception {
    for (int i = 0; i < DOCS.length; i++) {
      Path f = dir.resolve("p" + i + ".yaml");
      Files.writeString(f, DOCS[i]);
      Cli r = timedAll("rules", "validate", f.toString());
      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.err().lines()).allMatch(l -> l.startsWith("zonegate: error: " + f));
      Cli used = timed("diff", "testdata/demo/live.zone", "testdata/demo/live.zone", "--rules", f.toString());
      assertThat(used.exit()).isEqualTo(2);
    }
  }

  @Test
  void octoDnsZonesThatAreHostileAreParseErrors() throws Exception {
    Files.writeString(dir.resolve("old.yaml"), "'':\n  type: NS\n  values: [ns1.example.net., ns2.example.org.]\n");
    for (int i = 0; i < DOCS.length; i++) {
      Files.writeString(dir.resolve("new.yaml"), DOCS[i]);
      Cli r = Bounded.within(() ->
          Cli.run("diff", dir.resolve("old.yaml").toString(), dir.resolve("new.yaml").toString(), "--origin", "example.com"));
      assertThat(r.exit()).as(r.err() + r.out()).isEqualTo(1);
      if (DOCS[i].equals("zones: []\nzones: []\n")) {
        // octoDNS (PyYAML) keeps the last of two equal keys: a zone file with no records, and a warning
        assertThat(r.out()).contains("new.yaml:2: the key 'zones' is given twice (lines 1 and 2)");
        continue;
      }
      assertThat(r.out()).contains("zone-parse-error").contains("new.yaml");
      assertThat(r.err()).doesNotContain("\tat ");
    }
  }
}
