package dev.zonegate.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast name order (no label lists) and the sort keys against the reference order, which
 * splits both names into labels: same sign for every pair, odd names included.
 */
class NamesOrderTest {
  private static final String ALPHABET = "ab.\\*-0z.";

  private static String random(Random r) {
    int n = r.nextInt(9);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
    }
    if (r.nextInt(4) != 0) {
      sb.append('.'); // mostly absolute, as the model keeps names
    }
    return sb.toString();
  }

  @Test
  void fastOrderAndSortKeysAgreeWithTheLabelOrder() {
    Random r = new Random(7);
    List<String> names = new ArrayList<>(List.of("", ".", "..", "a.", "a..", ".a.", "a", "a.b", "a.b.", "b.a.", "\\..", "a\\..", "a\\\\.", "*.a."));
    for (int i = 0; i < 4000; i++) {
      names.add(random(r));
    }
    for (int i = 0; i < names.size(); i++) {
      String a = names.get(i);
      for (int j = Math.max(0, i - 60); j < Math.min(names.size(), i + 60); j++) {
        check(a, names.get(j));
      }
      check(a, names.get(r.nextInt(names.size())));
    }
  }

  @Test
  void zoneLikeNames() {
    List<String> names = List.of("example.", "a.example.", "b.a.example.", "z.example.", "*.z.example.", "h10.example.",
        "h2.example.", "h1.example.", "h1.h1.example.", "_sip._tcp.h1.example.", "xn--bcher-kva.example.", "a-b.example.",
        "a.b.example.", "ab.example.", "a\\.b.example.", "a\\065.example.", "com.", ".");
    for (String a : names) {
      for (String b : names) {
        check(a, b);
      }
    }
  }

  private static void check(String a, String b) {
    int want = Integer.signum(Names.compareLabels(a, b));
    assertThat(Integer.signum(Names.compare(a, b))).as("compare(%s, %s)", a, b).isEqualTo(want);
    String ka = Names.sortKey(a);
    String kb = Names.sortKey(b);
    assertThat(Integer.signum(ka.compareTo(kb))).as("sortKey order of %s, %s", a, b).isEqualTo(want);
  }

  @Test
  void aNameHoldingNulHasNoSortKey() {
    assertThat(Names.sortKey("a\0b.")).isNull();
  }
}
