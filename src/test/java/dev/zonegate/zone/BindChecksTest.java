package dev.zonegate.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** check-names on names as dnsjava prints them: the in-place path for plain names and the label path agree. */
class BindChecksTest {
  @Test
  void hostNamesAsBindSeesThem() {
    for (String ok : List.of(".", "a.", "www.example.com.", "a-b.example.com.", "*.example.com.", "123.example.com.", "x1-2y.example.")) {
      assertThat(BindChecks.isHostName(ok, true)).as(ok).isTrue();
    }
    for (String bad : List.of("a_b.example.com.", "-a.example.com.", "a-.example.com.", "_acme.example.com.", "a.*.example.",
        "a b.example.", "a\\.b.example.", "a\\095b.example.")) {
      assertThat(BindChecks.isHostName(bad, true)).as(bad).isFalse();
    }
    assertThat(BindChecks.isHostName("*.example.com.", false)).isFalse();
    // The fast reader's check on the bytes it built says the same as the check on the text.
    for (String n : List.of(".", "a.", "www.example.com.", "a-b.example.com.", "*.example.com.", "*.", "a_b.example.com.",
        "-a.example.com.", "a-.example.com.", "a.*.example.", "a/b.example.", "x--y.example.")) {
      byte[] b = n.getBytes(StandardCharsets.ISO_8859_1);
      assertThat(BindChecks.isHostName(b, b.length)).as(n).isEqualTo(BindChecks.isHostName(n, true));
    }
    // An escape that decodes to a host character reads as that character, as named reads it.
    assertThat(BindChecks.isHostName("\\097b.example.", true)).isTrue();
  }

  @Test
  void aWordOfRdataIsWhatTheSplitGives() {
    // Leading, trailing and doubled blanks, empty rdata, fewer words than asked: as String.split.
    Random r = new Random(3);
    List<String> cases = new ArrayList<>(List.of("", " ", "  ", "a", "a ", " a", "a  b", "10 mx.example.", "0 5 443 t.",
        "ns. host. 1 2 3 4 5"));
    for (int k = 0; k < 2000; k++) {
      StringBuilder sb = new StringBuilder();
      for (int n = r.nextInt(8); n > 0; n--) {
        sb.append(r.nextInt(3) == 0 ? " " : "ab".substring(r.nextInt(2)));
      }
      cases.add(sb.toString());
    }
    for (String rdata : cases) {
      for (int i = 0; i < 6; i++) {
        String[] w = rdata.split(" ", i + 2);
        assertThat(BindChecks.word(rdata, i)).as("word %d of '%s'", i, rdata).isEqualTo(i < w.length ? w[i] : null);
      }
    }
  }
}
