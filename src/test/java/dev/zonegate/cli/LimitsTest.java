package dev.zonegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every safety limit is an error that names it and how to raise it, and --limit raises it. */
class LimitsTest {
  @TempDir Path dir;

  Cli diff(String body, String... extra) throws Exception {
    Files.createDirectories(dir.resolve(".git"));
    Files.writeString(dir.resolve("old.zone"), "$ORIGIN example.com.\n$TTL 300\nwww A 93.184.215.14\n");
    Files.writeString(dir.resolve("new.zone"), "$ORIGIN example.com.\n$TTL 300\nwww A 93.184.215.14\n" + body);
    String[] args = new String[5 + extra.length];
    System.arraycopy(new String[] {"diff", dir.resolve("old.zone").toString(), dir.resolve("new.zone").toString(), "--origin", "example.com"}, 0, args, 0, 5);
    System.arraycopy(extra, 0, args, 5, extra.length);
    return Cli.run(args);
  }

  @Test
  void generateIsBoundedAndTheLimitCanBeRaised() throws Exception {
    String gen = "$GENERATE 1-50 h$ A 93.184.215.$\n";
    Cli low = diff(gen, "--limit", "maxGenerated=10");
    assertThat(low.exit()).isEqualTo(1);
    assertThat(low.out()).contains("exceeds the limit maxGenerated of 10; raise it with --limit maxGenerated=N");
    assertThat(diff(gen, "--limit=maxGenerated=50").exit()).isZero();
  }

  @Test
  void fileSizeIsBounded() throws Exception {
    Cli r = diff("x TXT \"" + "a".repeat(200) + "\"\n", "--limit", "maxFileBytes=100");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("exceeds the limit maxFileBytes of 100");
  }

  @Test
  void includeDepthIsBounded() throws Exception {
    Files.writeString(dir.resolve("a.inc"), "$INCLUDE b.inc\n");
    Files.writeString(dir.resolve("b.inc"), "x A 93.184.215.9\n");
    Cli r = diff("$INCLUDE a.inc\n", "--limit", "maxIncludeDepth=2");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("raise it with --limit maxIncludeDepth=N");
    assertThat(diff("$INCLUDE a.inc\n", "--limit", "maxIncludeDepth=3").exit()).isZero();
  }

  @Test
  void expressionSizeIsBounded() throws Exception {
    Path pack = dir.resolve("p.yaml");
    Files.writeString(pack, "- id: big\n  type: expression\n  params:\n    when: '" + "true && ".repeat(20) + "true'\n    message: m\n");
    Cli r = Cli.run("rules", "validate", pack.toString(), "--limit", "maxExpressionChars=50");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("exceeds the limit maxExpressionChars of 50");
    assertThat(Cli.run("rules", "validate", pack.toString()).exit()).isZero();
  }

  @Test
  void anUnknownLimitIsAUsageError() throws Exception {
    Cli r = diff("", "--limit", "maxBananas=3");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("zonegate: error: --limit takes NAME=N with NAME one of maxFileBytes, maxRecords");
    assertThat(diff("", "--limit", "maxGenerated=lots").exit()).isEqualTo(2);
  }

  @Test
  void recordsPerZoneAreBounded() throws Exception {
    Cli r = diff("a A 93.184.215.1\nb A 93.184.215.2\nc A 93.184.215.3\n", "--limit", "maxRecords=3");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("exceeds the limit maxRecords of 3");
  }
}
