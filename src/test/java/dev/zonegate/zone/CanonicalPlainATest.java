package dev.zonegate.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Canonical#plainA}, the fast path for a provider's A record text, is held to dnsjava: every
 * text it takes, dnsjava reads to the same canonical rdata, and it takes every plain dotted quad.
 */
class CanonicalPlainATest {
  /** dnsjava's canonical rdata for the text, or null when it refuses it. */
  private static String dnsjava(String text) {
    try {
      return Canonical.rdata("h.example.", "A", text, ".");
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static List<String> texts() {
    List<String> out = new ArrayList<>(List.of(
        "192.0.2.1", "0.0.0.0", "255.255.255.255", "256.1.1.1", "01.2.3.4", "1.02.3.4", "1.2.3.004", "1.2.3",
        "1.2.3.4.5", " 1.2.3.4", "1.2.3.4 ", "1.2.3.4\t", "1..3.4", ".1.2.3", "1.2.3.", "", "1.2.3.4;x",
        "1.2.3.1000", "a.b.c.d", "1.2.3.4/32", "\u0661.2.3.4", "1.2.3.-4", "0.0.0.00", "10.0.0.0", "1.2.3.4\n"));
    Random r = new Random(20261204);
    String parts = "0123456789.";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      if (i % 2 == 0) { // a quad of random octets, sometimes with a leading zero
        for (int k = 0; k < 4; k++) {
          sb.append(k == 0 ? "" : ".").append(r.nextInt(10) == 0 ? "0" : "").append(r.nextInt(300));
        }
      } else { // anything made of digits and dots
        for (int k = r.nextInt(16); k > 0; k--) {
          sb.append(parts.charAt(r.nextInt(parts.length())));
        }
      }
      out.add(sb.toString());
    }
    return out;
  }

  @Test
  void whatItTakesDnsjavaReadsAlike() {
    int taken = 0;
    for (String t : texts()) {
      String fast = Canonical.plainA(t);
      if (fast != null) {
        taken++;
        assertThat(fast).as("plainA(%s)", t).isEqualTo(dnsjava(t));
      }
    }
    assertThat(taken).as("texts taken").isGreaterThan(2_000);
  }

  @Test
  void itTakesEveryPlainDottedQuad() {
    Random r = new Random(7);
    for (int i = 0; i < 10_000; i++) {
      String t = r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256);
      assertThat(Canonical.plainA(t)).as(t).isEqualTo(t).isEqualTo(dnsjava(t));
    }
  }

  @Test
  void itLeavesTheRestToDnsjava() {
    for (String t : List.of("01.2.3.4", " 1.2.3.4", "1.2.3.4 ", "256.1.1.1", "1.2.3", "\u0661.2.3.4", "")) {
      assertThat(Canonical.plainA(t)).as("plainA(%s)", t).isNull();
    }
  }
}
