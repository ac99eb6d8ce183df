package dev.zonegate.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
      byte[] b = n.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
      assertThat(BindChecks.isHostName(b, b.length)).as(n).isEqualTo(BindChecks.isHostName(n, true));
    }
    // An escape that decodes to a host character reads as that character, as named reads it.
    assertThat(BindChecks.isHostName("\\097b.example.", true)).isTrue();
  }
}
