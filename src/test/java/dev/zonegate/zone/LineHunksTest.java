package dev.zonegate.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The hunks of two files must say exactly how the second is the first with some lines replaced:
 * every line outside them the same bytes, in order, at the lines and offsets they give, and the
 * old file's line count right. Generated files and edits, with and without a last newline.
 */
class LineHunksTest {
  /** The new file rebuilt from the old one and the hunks; asserts each hunk's lines and bytes agree. */
  private static String apply(String a, String b, LineHunks.Found found) {
    byte[] ab = a.getBytes(StandardCharsets.ISO_8859_1);
    byte[] bb = b.getBytes(StandardCharsets.ISO_8859_1);
    StringBuilder out = new StringBuilder();
    int p = 0;
    int line = 1;
    int shift = 0;
    for (LineHunks.Hunk h : found.hunks()) {
      assertThat(h.oldStart()).isGreaterThanOrEqualTo(p);
      assertThat(LineHunks.newlines(ab, p, h.oldStart())).isEqualTo(h.oldFrom() - line);
      assertThat(h.newFrom()).isEqualTo(h.oldFrom() + shift);
      assertThat(LineHunks.newlines(ab, h.oldStart(), h.oldEnd()))
          .isBetween(h.oldTo() - h.oldFrom() - 1, h.oldTo() - h.oldFrom());
      assertThat(LineHunks.newlines(bb, h.newStart(), h.newEnd()))
          .isBetween(h.newTo() - h.newFrom() - 1, h.newTo() - h.newFrom());
      out.append(a, p, h.oldStart()).append(b, h.newStart(), h.newEnd());
      p = h.oldEnd();
      line = h.oldTo();
      shift += (h.newTo() - h.newFrom()) - (h.oldTo() - h.oldFrom());
    }
    out.append(a, p, a.length());
    int lines = a.isEmpty() ? 0 : a.split("\n", -1).length - (a.endsWith("\n") ? 1 : 0);
    assertThat(found.oldLines()).isEqualTo(lines);
    return out.toString();
  }

  private static LineHunks.Found of(String a, String b) {
    return LineHunks.of(a.getBytes(StandardCharsets.ISO_8859_1), b.getBytes(StandardCharsets.ISO_8859_1), 1 << 20);
  }

  @Test
  void hunksRebuildTheNewFileFromTheOld() {
    SplittableRandom r = new SplittableRandom(11);
    int found = 0;
    for (int i = 0; i < 3000; i++) {
      List<String> lines = new ArrayList<>();
      int n = r.nextInt(60);
      for (int k = 0; k < n; k++) {
        lines.add(r.nextInt(8) == 0 ? "" : r.nextInt(6) == 0 ? "same" : "line " + r.nextInt(40));
      }
      List<String> edited = new ArrayList<>(lines);
      if (r.nextInt(10) == 0) {
        // A block of many lines added at once.
        int at = edited.isEmpty() ? 0 : r.nextInt(edited.size());
        for (int k = 40 + r.nextInt(100); k > 0; k--) {
          edited.add(at, "block " + k);
        }
      }
      for (int e = r.nextInt(6); e > 0; e--) {
        int at = edited.isEmpty() ? 0 : r.nextInt(edited.size());
        switch (r.nextInt(3)) {
          case 0 -> edited.add(at, "new " + r.nextInt(9));
          case 1 -> {
            if (!edited.isEmpty()) {
              edited.remove(at);
            }
          }
          default -> {
            if (!edited.isEmpty()) {
              edited.set(at, "changed " + r.nextInt(9));
            }
          }
        }
      }
      String a = String.join("\n", lines) + (r.nextBoolean() ? "\n" : "");
      String b = String.join("\n", edited) + (r.nextBoolean() ? "\n" : "");
      LineHunks.Found h = of(a, b);
      if (h == null) {
        continue; // past the look-ahead: the caller reads the file whole
      }
      found++;
      assertThat(apply(a, b, h)).as("%s\n---\n%s", a, b).isEqualTo(b);
    }
    assertThat(found).isGreaterThan(2900);
  }

  @Test
  void theUsualEditsAreOneHunkEach() {
    String a = "a\nb\nc\nd\ne\n";
    assertThat(of(a, a).hunks()).isEmpty();
    assertThat(of(a, "a\nb\nC\nd\ne\n").hunks()).containsExactly(new LineHunks.Hunk(3, 4, 3, 4, 4, 6, 4, 6));
    assertThat(of(a, "a\nb\nd\ne\n").hunks()).containsExactly(new LineHunks.Hunk(3, 4, 3, 3, 4, 6, 4, 4));
    assertThat(of(a, "a\nb\nc\nx\nd\ne\n").hunks()).containsExactly(new LineHunks.Hunk(4, 4, 4, 5, 6, 6, 6, 8));
    // A last line without its newline is a changed line.
    assertThat(of(a, "a\nb\nc\nd\ne").hunks()).containsExactly(new LineHunks.Hunk(5, 6, 5, 6, 8, 10, 8, 9));
    // Too many changed lines: none.
    assertThat(LineHunks.of(a.getBytes(StandardCharsets.US_ASCII), "1\n2\n3\n4\n5\n".getBytes(StandardCharsets.US_ASCII), 4))
        .isNull();
    // A block replaced whole, past the short search: found by its next common line.
    String many = String.join("\n", Arrays.stream(new int[40]).mapToObj(x -> "x").toList());
    String a2 = "a\n" + "y\n".repeat(80) + "z\n";
    String b2 = "a\n" + many + "\nz\n";
    assertThat(of(a2, b2).hunks()).containsExactly(new LineHunks.Hunk(2, 82, 2, 42, 2, 162, 2, 82));
    assertThat(apply(a2, b2, of(a2, b2))).isEqualTo(b2);
    // A block of 500 lines added, and one removed, each one hunk.
    String block = "n\n".repeat(500);
    assertThat(of(a, "a\nb\n" + block + "c\nd\ne\n").hunks()).containsExactly(new LineHunks.Hunk(3, 3, 3, 503, 4, 4, 4, 1004));
    assertThat(of("a\nb\n" + block + "c\nd\ne\n", a).hunks()).containsExactly(new LineHunks.Hunk(3, 503, 3, 3, 4, 1004, 4, 4));
    // No common line within the far look-ahead: none.
    assertThat(of("a\n" + "y\n".repeat(5000) + "z\n", "a\n" + "x\n".repeat(5000) + "z\n")).isNull();
  }
}
