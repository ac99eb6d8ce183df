package dev.zonegate.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.zonegate.diff.ZoneDiff;
import dev.zonegate.model.Change;
import dev.zonegate.model.RRset;
import dev.zonegate.model.Zone;
import dev.zonegate.zone.ZoneFiles;
import dev.zonegate.zone.ZoneReadException;
import dev.zonegate.zone.ZoneWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Pairs of master files, OLD and NEW, read the way {@code diff} reads them: NEW as line edits of
 * OLD where it can ({@code MasterFileEdits}), and NEW whole ({@code -Dzonegate.edits=false}). Both
 * must give the same pair: the same origin, the same zones set by set with their locations and
 * notices, the same error for a NEW that does not read, the same changes and fingerprints. Any
 * difference is a finding. The input is OLD, then a line {@code #NEW}, then NEW; the fuzzer's
 * mutations of a pair mostly leave most lines alike, which is what reading as edits needs.
 * Seeds: {@code MasterFileEditsFuzzTestInputs/edits/} (the demo and scenario pairs).
 */
class MasterFileEditsFuzzTest {
  private static final byte[] MARK = "\n#NEW\n".getBytes(StandardCharsets.US_ASCII);
  private static Path dir;

  @FuzzTest(maxDuration = "60s")
  void edits(byte[] input) throws Throwable {
    Contract.inTime("MasterFileEditsFuzzTest#edits", "demo.pair", input, MasterFileEditsFuzzTest::compare);
  }

  /**
   * The same comparison on pairs made by the generator of {@code MasterFileEditsTest} (zones as
   * people keep them, one to four line edits) from the fuzzer's numbers: most are read as edits,
   * where the mutated pairs above mostly are not.
   */
  @FuzzTest(maxDuration = "60s")
  void generated(com.code_intelligence.jazzer.api.FuzzedDataProvider d) throws Throwable {
    String old = dev.zonegate.zone.MasterFileEditsTest.zone(new java.util.SplittableRandom(d.consumeLong()), d.consumeInt(1, 120));
    String other = dev.zonegate.zone.MasterFileEditsTest.zone(new java.util.SplittableRandom(d.consumeLong()), 10);
    String neu = dev.zonegate.zone.MasterFileEditsTest.edit(old, other, new java.util.SplittableRandom(d.consumeLong()));
    byte[] pair = (old + "\n#NEW\n" + neu).getBytes(StandardCharsets.ISO_8859_1);
    Contract.inTime("MasterFileEditsFuzzTest#edits", "demo.pair", pair, MasterFileEditsFuzzTest::compare);
  }

  private static synchronized void compare(byte[] input) {
    int cut = indexOf(input, MARK);
    if (cut < 0) {
      return;
    }
    try {
      if (dir == null) {
        dir = Files.createTempDirectory("zonegate-edits-fuzz");
      }
      Files.write(dir.resolve("old.zone"), Arrays.copyOfRange(input, 0, cut + 1));
      Files.write(dir.resolve("new.zone"), Arrays.copyOfRange(input, cut + MARK.length, input.length));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String origin : new String[] {null, "example.com."}) {
      String whole = read(false, origin);
      String edits = read(true, origin);
      runs++;
      if (runs % 1000 == 0) {
        status();
      }
      if (!whole.equals(edits)) {
        throw new AssertionError("NEW read as edits differs from NEW read whole (origin " + origin + "):\n--- whole\n"
            + whole + "\n--- as edits\n" + edits);
      }
    }
  }

  /** Reads so far (two a pair: with and without an origin), and how many of them read NEW as edits. */
  private static long runs;
  private static long asEdits;

  /** In a fuzzing run, how often NEW was read as edits, in {@code target/master-edits-fuzz-status.txt}. */
  private static void status() {
    if (System.getenv("JAZZER_FUZZ") == null) {
      return;
    }
    try {
      Files.writeString(Path.of("target/master-edits-fuzz-status.txt"),
          runs + " pairs read, " + asEdits + " of them with NEW read as edits, 0 differences\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The pair as {@code diff} reads it, described with everything equality leaves out. */
  private static String read(boolean edits, String origin) {
    String before = System.getProperty("zonegate.edits");
    System.setProperty("zonegate.edits", Boolean.toString(edits));
    try {
      ZoneFiles.Pair p = ZoneFiles.readPair(dir.resolve("old.zone"), dir.resolve("new.zone"), origin, null);
      if (edits && p.after() != null && p.after().editedFrom() == p.before()) {
        asEdits++;
      }
      StringBuilder sb = new StringBuilder("origin ").append(p.origin()).append('\n');
      describe(sb, "before", p.before());
      describe(sb, "after", p.after());
      if (p.afterError() != null) {
        sb.append("error ").append(p.afterError().getMessage()).append('\n');
      }
      if (p.after() != null) {
        for (Change c : ZoneDiff.diff(p.before(), p.after())) {
          sb.append("change ").append(c).append(" @ ").append(c.before() == null ? null : c.before().location())
              .append(" / ").append(c.after() == null ? null : c.after().location()).append('\n');
        }
        sb.append("fingerprint ").append(ZoneWriter.fingerprint(p.after())).append('\n');
        // As diff takes it for NEW read as edits: hashed from OLD's text around the edits.
        sb.append("fingerprint from OLD's text ")
            .append(ZoneWriter.fingerprintEdited(p.after(), ZoneWriter.canonical(p.before()))).append('\n');
      }
      return sb.toString();
    } catch (ZoneReadException e) {
      Contract.expected(e);
      return "refused " + e.getMessage();
    } finally {
      if (before == null) {
        System.clearProperty("zonegate.edits");
      } else {
        System.setProperty("zonegate.edits", before);
      }
    }
  }

  private static void describe(StringBuilder sb, String side, Zone z) {
    if (z == null) {
      sb.append(side).append(" none\n");
      return;
    }
    sb.append(side).append(' ').append(z.origin()).append(' ').append(z.recordCount()).append(" records\n");
    for (RRset s : z.sets()) {
      sb.append("  ").append(s).append(" @ ").append(s.location()).append('\n');
    }
    List<String> notices = new ArrayList<>();
    z.notices().forEach(n -> notices.add(Objects.toString(n)));
    sb.append("  notices ").append(notices).append('\n');
  }

  private static int indexOf(byte[] b, byte[] m) {
    outer:
    for (int i = 0; i + m.length <= b.length; i++) {
      for (int k = 0; k < m.length; k++) {
        if (b[i + k] != m[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
