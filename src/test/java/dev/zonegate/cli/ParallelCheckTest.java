package dev.zonegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.testing.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fifty zones read on several threads give the very bytes of a one-thread run. */
class ParallelCheckTest {
  @TempDir Path tmp;

  @Test
  void fiftyZonesInParallelGiveTheSameReportBytes() throws Exception {
    GitFixture git = GitFixture.init(tmp.resolve("repo"));
    StringBuilder cfg = new StringBuilder("zones:\n");
    for (int z = 0; z < 50; z++) {
      StringBuilder zone = new StringBuilder("$ORIGIN z" + z + ".example.\n$TTL 300\n@ NS ns1.example.net.\n@ NS ns2.example.org.\n");
      for (int i = 0; i < 40; i++) {
        zone.append("h").append(i).append(" A 93.184.").append(z).append('.').append(i + 1).append('\n');
      }
      git.write("zones/z" + z + ".zone", zone.toString());
      cfg.append("  - name: z").append(z).append(".example.\n    file: zones/z").append(z).append(".zone\n");
    }
    git.write("zonegate.yaml", cfg.toString());
    String base = git.commit("fifty zones");
    for (int z = 0; z < 50; z += 3) {
      Path f = git.dir().resolve("zones/z" + z + ".zone");
      String text = Files.readString(f).replace("h1 A", "h1 AAAA").replace("93.184." + z + ".2\n", "2606:2800::" + z + "\n");
      Files.writeString(f, text.replace("h3 A 93.184." + z + ".4\n", "") + "new A 93.184.200." + (z + 1) + "\n");
    }
    git.commit("change every third zone");
    Path one = tmp.resolve("one");
    Path many = tmp.resolve("many");
    String[] args = {"check", "--repo", git.dir().toString(), "--base", base, "--format", "json", "--format", "markdown", "--format", "sarif", "--out"};
    System.setProperty("zonegate.threads", "1");
    Cli a;
    try {
      a = Cli.run(concat(args, one.toString()));
    } finally {
      System.clearProperty("zonegate.threads");
    }
    System.setProperty("zonegate.threads", "4");
    Cli b;
    try {
      b = Cli.run(concat(args, many.toString()));
    } finally {
      System.clearProperty("zonegate.threads");
    }
    assertThat(a.exit()).as(a.err()).isEqualTo(b.exit());
    for (String f : new String[] {"zonegate-report.json", "zonegate-report.md", "zonegate-report.sarif"}) {
      assertThat(Files.readAllBytes(many.resolve(f))).as(f).isEqualTo(Files.readAllBytes(one.resolve(f)));
    }
    assertThat(Files.readString(one.resolve("zonegate-report.json"))).contains("z48.example.");
  }

  static String[] concat(String[] a, String last) {
    String[] out = Arrays.copyOf(a, a.length + 1);
    out[a.length] = last;
    return out;
  }
}
