package dev.zonegate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.model.Zone;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZoneEmptiedTest {
  private static final RuleType T = ZoneEmptied.TYPE;

  @Test
  void exampleFires() {
    assertThat(RuleFixture.run(T, T.example().before(), T.example().after())).hasSize(1);
  }

  @Test
  void onlySoaAndNsLeftFiresOnceForTheZone() {
    String soa = "@ SOA ns1.example.net. hostmaster.example.com. 1 7200 900 1209600 300\n@ NS ns1.example.net.\n";
    List<Finding> f =
        RuleFixture.run(T, soa + "www A 192.0.2.1\nwww A 192.0.2.2\napi AAAA 2001:db8::1\n", soa);
    assertThat(f).hasSize(1);
    Finding x = f.get(0);
    assertThat(x.rule()).isEqualTo("zone-emptied");
    assertThat(x.name()).isEqualTo("example.com.");
    assertThat(x.type()).isNull();
    assertThat(x.location().path()).isEqualTo("example.com.zone");
    assertThat(x.message()).contains("nothing but SOA/NS").contains("2 RRsets (3 records)");
  }

  @Test
  void fileGoneFires() {
    Zone before = RuleFixture.zone("@ NS ns1.example.net.\nwww A 192.0.2.1\n");
    List<Finding> f = RuleFixture.run(RuleFixture.spec(T, Map.of()), T, List.of(), before, Zone.empty("example.com."));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.message()).contains("is empty").contains("1 RRset "));
  }

  @Test
  void quietWhileOneUserRecordRemains() {
    assertThat(RuleFixture.run(T, "@ NS ns1.example.net.\nwww A 192.0.2.1\napi A 192.0.2.2\n", "@ NS ns1.example.net.\nwww A 192.0.2.1\n"))
        .isEmpty();
  }

  @Test
  void quietWhenNothingWasLive() {
    assertThat(RuleFixture.run(T, "@ NS ns1.example.net.\n", "@ NS ns2.example.net.\n")).isEmpty();
  }

  @Test
  void apexDataOtherThanSoaNsIsUserData() {
    // An apex MX or TXT left alone is still a zone serving something.
    assertThat(RuleFixture.run(T, "@ NS ns1.example.net.\nwww A 192.0.2.1\n", "@ NS ns1.example.net.\n@ MX 10 mx.example.net.\n"))
        .isEmpty();
  }

  @Test
  void leftoverDenialRecordsAreNoUserData() {
    // An NSEC left behind by a signer accompanies data that is gone: the zone is still emptied.
    String soa = "@ SOA ns1.example.net. hostmaster.example.com. 1 7200 900 1209600 300\n@ NS ns1.example.net.\n";
    assertThat(RuleFixture.run(T, soa + "www A 192.0.2.1\n", soa + "www NSEC example.com. A RRSIG NSEC\n")).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("nothing but SOA/NS", "1 RRset (1 record)"));
  }
}
