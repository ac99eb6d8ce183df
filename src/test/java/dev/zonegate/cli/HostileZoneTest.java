package dev.zonegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.testing.Bounded;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-input catalogue for zone files (issue: hardening). A proposed zone is what anyone
 * can put in a merge request: each case must end in one clear line with the file (and line), a
 * {@code zone-parse-error} finding and exit 1, no stack trace, in bounded time, and nothing from
 * outside the repository in any output.
 */
class HostileZoneTest {
  @TempDir Path repo;
  @TempDir Path outside;

  static final String HEAD = "$ORIGIN example.com.\n$TTL 300\n@ NS ns1.example.net.\n@ NS ns2.example.org.\n";
  static final String SECRET = "OUTSIDE-SECRET-7d1f";

  @BeforeEach
  void tree() throws IOException {
    Files.createDirectories(repo.resolve(".git"));
    Files.writeString(repo.resolve("old.zone"), HEAD + "www A 93.184.215.14\n");
    Files.writeString(outside.resolve("secret.inc"), "leak TXT \"" + SECRET + "\"\n");
  }

  Cli judge(String newBody) throws IOException {
    Files.writeString(repo.resolve("new.zone"), newBody, StandardCharsets.ISO_8859_1);
    return judgeFile();
  }

  Cli judgeFile() {
    // Bounded: a hang fails (Bounded.HANG); how long it took is not asserted.
    Cli r = Bounded.within(() ->
        Cli.run("diff", repo.resolve("old.zone").toString(), repo.resolve("new.zone").toString(), "--origin", "example.com"));
    assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception:");
    assertThat(r.out() + r.err()).doesNotContain(SECRET).doesNotContain("root:x:0:0");
    return r;
  }

  /** The gate blocks on a parse error naming new.zone and, where given, the line. */
  static void blocksWith(Cli r, String where, String says) {
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out()).contains("block   zone-parse-error").contains("(" + where).contains(says);
  }

  @Test
  void includeOfAnAbsolutePath() throws Exception {
    blocksWith(judge(HEAD + "$INCLUDE /etc/passwd\n"), "new.zone:5", "absolute path");
  }

  @Test
  void includeClimbingOut() throws Exception {
    blocksWith(judge(HEAD + "$INCLUDE ../../../../etc/passwd\n"), "new.zone:5", "escapes the repository");
  }

  @Test
  void includeThroughASymlinkOut() throws Exception {
    Files.createSymbolicLink(repo.resolve("link.inc"), outside.resolve("secret.inc"));
    blocksWith(judge(HEAD + "$INCLUDE link.inc\n"), "new.zone:5", "outside the repository");
  }

  @Test
  void includeOfADeviceAndOfProc() throws Exception {
    Files.createSymbolicLink(repo.resolve("zero.inc"), Path.of("/dev/zero"));
    blocksWith(judge(HEAD + "$INCLUDE zero.inc\n"), "new.zone:5", "");
    blocksWith(judge(HEAD + "$INCLUDE /dev/zero\n"), "new.zone:5", "absolute path");
    blocksWith(judge(HEAD + "$INCLUDE /proc/self/environ\n"), "new.zone:5", "absolute path");
  }

  @Test
  void includeOfItselfACycleOfThreeAndNineLevels() throws Exception {
    blocksWith(judge(HEAD + "$INCLUDE new.zone\n"), "new.zone", "cycle");
    Files.writeString(repo.resolve("b.inc"), "$INCLUDE c.inc\n");
    Files.writeString(repo.resolve("c.inc"), "$INCLUDE new.zone\n");
    blocksWith(judge(HEAD + "$INCLUDE b.inc\n"), "", "cycle: new.zone -> b.inc -> c.inc -> new.zone");
    for (int i = 1; i <= 9; i++) {
      Files.writeString(repo.resolve("d" + i + ".inc"), "$INCLUDE d" + (i + 1) + ".inc\n");
    }
    Files.writeString(repo.resolve("d10.inc"), "x A 93.184.215.1\n");
    blocksWith(judge(HEAD + "$INCLUDE d1.inc\n"), "", "deeper than 8");
  }

  @Test
  void generateOverAHundredMillionNames() throws Exception {
    blocksWith(judge(HEAD + "$GENERATE 1-100000000 h$ A 93.184.215.1\n"), "new.zone:5", "$GENERATE would create 100000000 records");
  }

  /**
   * named reads nested parentheses, 5000 deep too, as one record (named-checkzone loads it), so
   * zonegate reads the change in bounded time rather than refusing a zone named would load.
   */
  @Test
  void parenthesesThousandsDeep() throws Exception {
    Cli r = judge(HEAD + "www A " + "(".repeat(5000) + "93.184.215.1" + ")".repeat(5000) + "\n");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("+[93.184.215.1]");
  }

  @Test
  void aParenthesisNeverClosed() throws Exception {
    blocksWith(judge(HEAD + "www A 93.184.215.14\ntxt TXT \"hello\" (\n"), "new.zone:6", "not closed");
  }

  @Test
  void aThreeMegabyteTxtString() throws Exception {
    blocksWith(judge(HEAD + "big TXT \"" + "a".repeat(3 * 1024 * 1024) + "\"\n"), "new.zone:5", "");
  }

  @Test
  void aHundredMegabyteFile() throws Exception {
    Path f = repo.resolve("new.zone");
    try (OutputStream o = Files.newOutputStream(f)) {
      o.write(HEAD.getBytes(StandardCharsets.US_ASCII));
      byte[] line = "; padding padding padding padding padding padding padding padding padding padding\n".getBytes(StandardCharsets.US_ASCII);
      for (long n = 0; n < 100L * 1024 * 1024; n += line.length) {
        o.write(line);
      }
    }
    blocksWith(judgeFile(), "new.zone", "limit");
  }

  @Test
  void randomBinaryNulBytesAndInvalidUtf8() throws Exception {
    byte[] junk = new byte[64 * 1024];
    new Random(1).nextBytes(junk);
    Files.write(repo.resolve("new.zone"), junk);
    blocksWith(judgeFile(), "new.zone", "");
    blocksWith(judge(HEAD + "www A 93.184.215.1\u0000\n"), "new.zone", "");
    Files.write(repo.resolve("new.zone"), (HEAD + "www TXT \"caf\u00c3\u0028\"\n").getBytes(StandardCharsets.ISO_8859_1));
    Cli r = judgeFile();
    assertThat(r.exit()).isIn(0, 1);
  }

  @Test
  void namesAndLabelsTooLong() throws Exception {
    blocksWith(judge(HEAD + "a".repeat(64) + " A 93.184.215.1\n"), "new.zone:5", "");
    String name = ("b".repeat(60) + ".").repeat(5);
    blocksWith(judge(HEAD + name + " A 93.184.215.1\n"), "new.zone:5", "");
  }

  @Test
  void ttlsOutOfRange() throws Exception {
    blocksWith(judge(HEAD + "www -1 A 93.184.215.1\n"), "new.zone:5", "");
    blocksWith(judge(HEAD + "www 4294967296 A 93.184.215.1\n"), "new.zone:5", "");
  }

  @Test
  void aTtlAboveTheTopBitIsReadAsNamedServesItZeroWithANotice() throws Exception {
    // named loads it as 0 with a warning (RFC 2181 §8); the diff shows what named will serve.
    Cli r = judge(HEAD + "www 3000000000 A 93.184.215.14\n");
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(0);
    assertThat(r.out()).contains("~ update www.example.com. A ttl 300->0")
        .contains("warn    ttl-guard www.example.com. A")
        .contains("warning: new.zone:5: TTL 3000000000 is above 2147483647, the largest RFC 2181 §8 allows; named loads it as 0");
    r = judge(HEAD.replace("$TTL 300", "$TTL 2147483648") + "www A 93.184.215.14\n");
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(0);
    assertThat(r.out()).contains("~ update www.example.com. A ttl 300->0").contains("new.zone:2: TTL 2147483648 is above");
  }

  @Test
  void anEmptyQuotedOwner() throws Exception {
    blocksWith(judge(HEAD + "\"\" A 93.184.215.1\n"), "new.zone:5", "");
  }

  @Test
  void unknownTypesRfc3597AcceptedOthersRefused() throws Exception {
    assertThat(judge(HEAD + "www A 93.184.215.14\nx TYPE65280 \\# 2 abcd\n").exit()).isZero();
    blocksWith(judge(HEAD + "x BOGUS 1\n"), "new.zone:5", "Invalid type");
  }

  @Test
  void outOfZoneNames() throws Exception {
    // Left out as named leaves it out, and blocked as a record the change adds outside the zone.
    Cli r = judge(HEAD + "evil.example.net. A 93.184.215.1\n");
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out()).contains("block   out-of-zone-data evil.example.net. A  (new.zone:5)")
        .contains("is outside the zone example.com.: named ignores it");
    assertThat(r.err()).contains("new.zone:5: 1 record is outside the zone example.com.");
  }

  @Test
  void anEmptyFileIsAZoneGoingEmpty() throws Exception {
    Cli r = judge("");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("zone-emptied");
  }

  @Test
  void aDirectoryOrAFifoWhereAFileIsExpected() throws Exception {
    Files.createDirectories(repo.resolve("dir.inc"));
    blocksWith(judge(HEAD + "$INCLUDE dir.inc\n"), "new.zone:5", "directory");
    Path fifo = repo.resolve("fifo.inc");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).as("mkfifo").isZero();
    blocksWith(judge(HEAD + "$INCLUDE fifo.inc\n"), "new.zone:5", "not a regular file");
  }

  @Test
  void aProposedFileThatIsASymlinkOutOfTheRepository() throws Exception {
    Files.writeString(outside.resolve("x.zone"), HEAD + "www TXT \"" + SECRET + "\"\n");
    Files.deleteIfExists(repo.resolve("new.zone"));
    Files.createSymbolicLink(repo.resolve("new.zone"), outside.resolve("x.zone"));
    blocksWith(judgeFile(), "new.zone", "outside the repository");
  }

  @Test
  void byteOrderMarkAndCrlfReadAsPlainText() throws Exception {
    Cli plain = judge(HEAD + "www A 93.184.215.14\nnew A 93.184.215.2\n");
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] crlf = (HEAD + "www A 93.184.215.14\nnew A 93.184.215.2\n").replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] both = new byte[bom.length + crlf.length];
    System.arraycopy(bom, 0, both, 0, bom.length);
    System.arraycopy(crlf, 0, both, bom.length, crlf.length);
    Files.write(repo.resolve("new.zone"), both);
    Cli r = judgeFile();
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo(plain.out());
  }
}
