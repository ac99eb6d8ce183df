package dev.zonegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.testing.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** zonegate as a drop-in check for an octoDNS repository (testdata/octodns-repo). */
class OctoDnsModeTest {
  @TempDir Path tmp;
  GitFixture git;
  String base;
  String config;

  @BeforeEach
  void repo() throws Exception {
    git = GitFixture.init(tmp.resolve("repo")).copy(Path.of("testdata/octodns-repo"));
    base = git.commit("octoDNS zones as deployed");
    config = git.dir().resolve("config/production.yaml").toString();
  }

  Cli check(String... extra) {
    String[] args = new String[5 + extra.length];
    System.arraycopy(new String[] {"check", "--repo", git.dir().toString(), "--octodns-config", config}, 0, args, 0, 5);
    System.arraycopy(extra, 0, args, 5, extra.length);
    return Cli.run(Map.of(), "", args);
  }

  String yaml() throws Exception {
    return Files.readString(git.dir().resolve("config/example.com.yaml"));
  }

  @Test
  void theRepositoryLintsClean() {
    Cli r = Cli.run("lint", "--repo", git.dir().toString(), "--octodns-config", config);
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).startsWith("zonegate: pass (2 zones");
  }

  @Test
  void aBenignEditPassesAndOnlyItsZoneIsJudged() throws Exception {
    git.write("config/example.com.yaml", yaml().replace("      - 93.184.215.22\n", "      - 93.184.215.23\n"));
    git.commit("swap one api address");
    Cli r = check("--base", base);
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("example.com.: 0 adds, 0 deletes, 1 update").doesNotContain("example.org.:");
  }

  @Test
  void emptyingTheApiPoolBlocks() throws Exception {
    String y = yaml();
    int start = y.indexOf("api:\n");
    int end = y.indexOf("\n", y.indexOf("type: AAAA", start));
    git.write("config/example.com.yaml", y.substring(0, start) + y.substring(y.indexOf("\n", end + 1) + 1));
    git.commit("drop api");
    Cli r = check("--base", base);
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out()).contains("api.example.com.");
  }

  @Test
  void keysOutOfOrderAreAParseErrorAsOctoDnsWouldRefuseThem() throws Exception {
    git.write("config/example.com.yaml", yaml() + "aaa:\n  type: A\n  value: 93.184.215.99\n");
    git.commit("unsorted");
    Cli r = check("--base", base);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("zone-parse-error").contains("keys out of order: 'aaa'");
  }
}
