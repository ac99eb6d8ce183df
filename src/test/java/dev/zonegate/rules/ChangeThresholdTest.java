package dev.zonegate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeThresholdTest {
  private static final RuleType T = ChangeThreshold.TYPE;

  /** Hosts h{from}..h{to-1}, each one A RRset; {@code last} is the final octet. */
  private static String hosts(int from, int to, int last) {
    StringBuilder b = new StringBuilder();
    for (int i = from; i < to; i++) {
      b.append("h").append(i).append(" A 192.0.2.").append(last).append('\n');
    }
    return b.toString();
  }

  @Test
  void exampleFires() {
    assertThat(RuleFixture.run(T, T.example().before(), T.example().after())).hasSize(1);
  }

  @Test
  void deletingExactlyThirtyPercentIsQuiet() {
    assertThat(RuleFixture.run(T, hosts(0, 10, 1), hosts(0, 7, 1))).isEmpty();
  }

  @Test
  void deletingFortyPercentFiresLikeOctodns() {
    List<Finding> f = RuleFixture.run(T, hosts(0, 10, 1), hosts(0, 6, 1));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.rule()).isEqualTo("change-threshold");
      assertThat(x.name()).isEqualTo("example.com.");
      assertThat(x.type()).isNull();
      assertThat(x.message()).startsWith("Too many deletes, 4 > 30% of 10 existing RRsets");
    });
  }

  @Test
  void updatesAreJudgedApart() {
    // 4 updates (40 %) and 3 deletes (30 %): only the updates exceed.
    String after = hosts(0, 4, 9) + hosts(4, 7, 1);
    List<Finding> f = RuleFixture.run(T, hosts(0, 10, 1), after);
    assertThat(f).singleElement().satisfies(x -> assertThat(x.message()).startsWith("Too many updates, 4 > 30% of 10"));
  }

  @Test
  void updatesAndDeletesBothExceeding() {
    assertThat(RuleFixture.run(T, hosts(0, 10, 1), hosts(0, 4, 9))).hasSize(2);
  }

  @Test
  void belowMinExistingIsQuiet() {
    assertThat(RuleFixture.run(T, hosts(0, 9, 1), "\n")).isEmpty();
  }

  @Test
  void creationsNeverCount() {
    assertThat(RuleFixture.run(T, hosts(0, 10, 1), hosts(0, 40, 1))).isEmpty();
  }

  @Test
  void soaIsNotCountedAsExisting() {
    String soa = "@ SOA ns1.example.net. hostmaster.example.com. 1 7200 900 1209600 300\n";
    // SOA + 9 hosts: 9 existing RRsets, below minExisting.
    assertThat(RuleFixture.run(T, soa + hosts(0, 9, 1), soa + hosts(0, 2, 1))).isEmpty();
  }

  @Test
  void thresholdsAreParameters() {
    assertThat(RuleFixture.run(T, Map.of("maxDeletePercent", 50L), List.of(), hosts(0, 10, 1), hosts(0, 6, 1)))
        .isEmpty();
    assertThat(RuleFixture.run(T, Map.of("minExisting", 3L), List.of(), hosts(0, 4, 1), hosts(0, 2, 1)))
        .hasSize(1);
  }
  @Test
  void ttlOnlyUpdatesDoNotCount() {
    // Every TTL lowered before a provider move: the same answers, so no mass edit.
    String lowered = hosts(0, 10, 1).replace(" A ", " 60 A ");
    assertThat(RuleFixture.run(T, hosts(0, 10, 1), lowered)).isEmpty();
    // The same update with new data counts again.
    assertThat(RuleFixture.run(T, hosts(0, 10, 1), hosts(0, 10, 2).replace(" A ", " 60 A "))).singleElement()
        .satisfies(x -> assertThat(x.message()).startsWith("Too many updates, 10 > 30% of 10"));
  }
  @Test
  void glueOfARetiredChildDoesNotCount() {
    String child = "shop NS a0.nic.shop\nshop NS a2.nic.shop\nshop DS 62281 8 2 023b80f603b8427c30dcee9fa495630674b70886cd83787fbd9dc8c4eba5a79d\n"
        + "a0.nic.shop A 192.0.2.10\na0.nic.shop AAAA 2001:db8::10\na2.nic.shop A 192.0.2.12\na2.nic.shop AAAA 2001:db8::12\n";
    // 15 sets, 7 deleted: but 4 are glue, so 3 count (the NS, the DS and one host), 20 %.
    assertThat(RuleFixture.run(T, hosts(0, 8, 1) + child, hosts(0, 7, 1))).isEmpty();
    // The same seven deletes of the zone's own data count.
    assertThat(RuleFixture.run(T, hosts(0, 15, 1), hosts(0, 8, 1))).hasSize(1);
  }

  @Test
  void aDelegationsOwnNsAndDsCountLikeAnyOtherData() {
    // Only the child's data below the cut is left out: retiring four of ten delegations, or
    // pulling four DS records, is a large change of this zone's own answers.
    StringBuilder ns = new StringBuilder();
    StringBuilder ds = new StringBuilder();
    for (String child : new String[] {"a", "b", "c", "d"}) {
      ns.append(child).append(" NS ns.example.net.\n");
      ds.append(child).append(" DS 12345 13 2 3490a6806d47f17a34c29e2ce80e8a999ffbe4be7e8d0e1d1b9a2f3b4c5d6e7f\n");
    }
    String hosts = "h1 A 192.0.2.1\nh2 A 192.0.2.2\nh3 A 192.0.2.3\nh4 A 192.0.2.4\nh5 A 192.0.2.5\nh6 A 192.0.2.6\n";
    assertThat(RuleFixture.run(T, ns + hosts, hosts)).singleElement().satisfies(x -> assertThat(x.message())
        .isEqualTo("Too many deletes, 4 > 30% of 10 existing RRsets (40%)"));
    String two = "h1 A 192.0.2.1\nh2 A 192.0.2.2\n";
    assertThat(RuleFixture.run(T, ns.toString() + ds + two, ns + two)).singleElement().satisfies(x -> assertThat(x.message())
        .isEqualTo("Too many deletes, 4 > 30% of 10 existing RRsets (40%)"));
  }
}
