package dev.zonegate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.model.RRset;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.model.Zone;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReferencesTest {
  /** The reading the rules were written against: {@code rdata.trim().split("\\s+")}. */
  private static String reference(String type, String rdata) {
    String[] f;
    switch (type) {
      case "CNAME":
      case "DNAME":
      case "NS":
        return real(rdata.trim());
      case "MX":
        f = rdata.trim().split("\\s+");
        return f.length == 2 ? real(f[1]) : null;
      case "SRV":
        f = rdata.trim().split("\\s+");
        return f.length == 4 ? real(f[3]) : null;
      case "SVCB":
      case "HTTPS":
        f = rdata.trim().split("\\s+");
        return f.length >= 2 ? real(f[1]) : null;
      case "ALIAS":
        f = rdata.trim().split("\\s+");
        return real(f[f.length - 1]);
      default:
        return null;
    }
  }

  private static String real(String name) {
    return name.equals(".") || name.isEmpty() ? null : name;
  }

  @Test
  void targetsAreTheFieldsASplitGives() {
    String[] types = {"CNAME", "DNAME", "NS", "MX", "SRV", "SVCB", "HTTPS", "ALIAS", "A", "TXT"};
    String alphabet = "ab. 1\t\n\u000B\f\r\u0001 ";
    Random r = new Random(11);
    List<String> fixed = List.of("", " ", ".", "10 .", "10 mx.example.", " 10  mx.example. ", "0 5 5060 sip.example.",
        "1 . alpn=h2", "A target.example.", "a\u0001b c", "\t", "x\u001c");
    for (String type : types) {
      for (String rdata : fixed) {
        assertThat(References.target(type, rdata)).as("%s '%s'", type, rdata).isEqualTo(reference(type, rdata));
      }
      for (int i = 0; i < 3000; i++) {
        StringBuilder sb = new StringBuilder();
        for (int k = r.nextInt(12); k > 0; k--) {
          sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        String rdata = sb.toString();
        assertThat(References.target(type, rdata)).as("%s '%s'", type, rdata).isEqualTo(reference(type, rdata));
      }
    }
  }

  @Test
  void anIndexForSomeNamesStillAnswersForAnyName() {
    Zone z = new Zone(
        "example.com.",
        List.of(
            new RRset(RRsetKey.of("www.example.com.", "CNAME"), 60, List.of("web.example.com."), null),
            new RRset(RRsetKey.of("example.com.", "MX"), 60, List.of("10 mail.example.com.", "20 web.example.com."), null),
            new RRset(RRsetKey.of("_sip._tcp.example.com.", "SRV"), 60, List.of("0 5 5060 mail.example.com."), null),
            new RRset(RRsetKey.of("out.example.com.", "CNAME"), 60, List.of("elsewhere.example.net."), null)),
        List.of());
    References full = new References(z);
    References some = new References(z, Set.of("web.example.com."));
    for (String n : List.of("web.example.com.", "mail.example.com.", "elsewhere.example.net.", "none.example.com.")) {
      assertThat(some.to(n)).as(n).isEqualTo(full.to(n));
    }
    assertThat(full.to("web.example.com."))
        .extracting(References.Reference::owner)
        .containsExactly("example.com.", "www.example.com.");
    assertThat(full.to("mail.example.com.")).hasSize(2);
    assertThat(full.to("elsewhere.example.net.")).isEmpty();
  }

  @Test
  void anIndexForManyNamesFindsEveryOneOfThem() {
    // Many wanted names share slots of the index's hash table: each must still be found, so the
    // references to any of the changed names are reported, not only to the first of a collision.
    List<RRset> sets = new ArrayList<>();
    Set<String> wanted = new HashSet<>();
    for (int i = 0; i < 300; i++) {
      String target = "t" + i + ".example.com.";
      wanted.add(target);
      sets.add(new RRset(RRsetKey.of("c" + i + ".example.com.", "CNAME"), 60, List.of(target), null));
    }
    Zone z = new Zone("example.com.", sets, List.of());
    References some = new References(z, wanted);
    for (int i = 0; i < 300; i++) {
      assertThat(some.to("t" + i + ".example.com."))
          .as("t%d", i)
          .extracting(References.Reference::owner)
          .containsExactly("c" + i + ".example.com.");
    }
  }
}
