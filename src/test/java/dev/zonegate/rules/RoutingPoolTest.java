package dev.zonegate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.model.Extras;
import dev.zonegate.model.RRset;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.model.Routing;
import dev.zonegate.model.Zone;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingPoolTest {
  private static final RuleType T = RoutingPool.TYPE;

  private static Routing.Value up(String ip) {
    return new Routing.Value(ip, 1, "obey");
  }

  private static Routing.Value down(String ip) {
    return new Routing.Value(ip, 1, "down");
  }

  /** www A 192.0.2.10 routed to pool iad (then other, when given) by one rule each. */
  private static Zone zone(List<Routing.Pool> pools, List<Routing.Rule> rules) {
    RRset www = new RRset(RRsetKey.of("www.example.com.", "A"), 300, List.of("192.0.2.10"), null)
        .withExtras(Extras.of(Map.of(), new Routing(pools, rules)));
    return new Zone("example.com.", List.of(www), List.of());
  }

  private static Routing.Pool iad(Routing.Value... values) {
    return new Routing.Pool("iad", List.of(values), null);
  }

  private static final List<Routing.Rule> TO_IAD = List.of(new Routing.Rule("iad", List.of(), List.of()));

  private static List<Finding> run(Zone before, Zone after) {
    return RuleFixture.run(RuleFixture.spec(T, Map.of()), T, List.of(), before, after);
  }

  @Test
  void aPoolMarkedAllDownIsEmptied() {
    List<Finding> f = run(zone(List.of(iad(up("192.0.2.1"), up("192.0.2.2"))), TO_IAD),
        zone(List.of(iad(down("192.0.2.1"), down("192.0.2.2"))), TO_IAD));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.name()).isEqualTo("www.example.com.");
      assertThat(x.message()).contains("pool iad of www.example.com. A is emptied").contains("all are marked down");
    });
  }

  @Test
  void aPoolBelowMinPoolBlocksAndOneThatStaysAtItIsQuiet() {
    Zone three = zone(List.of(iad(up("192.0.2.1"), up("192.0.2.2"), up("192.0.2.3"))), TO_IAD);
    assertThat(run(three, zone(List.of(iad(up("192.0.2.1"))), TO_IAD)))
        .singleElement().satisfies(x -> assertThat(x.message()).contains("drops from 3 serving values to 1, below minPool 2"));
    assertThat(run(three, zone(List.of(iad(up("192.0.2.1"), up("192.0.2.2"))), TO_IAD))).isEmpty();
  }

  @Test
  void allValuesSwappedAtOnceBlocksButOneReplacedIsRoutine() {
    Zone before = zone(List.of(iad(up("192.0.2.1"), up("192.0.2.2"))), TO_IAD);
    assertThat(run(before, zone(List.of(iad(up("198.51.100.1"), up("198.51.100.2"))), TO_IAD)))
        .singleElement().satisfies(x -> assertThat(x.message()).contains("has all 2 serving values replaced at once"));
    assertThat(run(before, zone(List.of(iad(up("192.0.2.1"), up("198.51.100.2"))), TO_IAD))).isEmpty();
    // A single-value pool changing its value is like changing an A record: not a pool's redundancy.
    assertThat(run(zone(List.of(iad(up("192.0.2.1"))), TO_IAD), zone(List.of(iad(up("198.51.100.1"))), TO_IAD))).isEmpty();
  }

  @Test
  void aRuleOrFallbackNamingAMissingPoolBlocks() {
    Zone before = zone(List.of(iad(up("192.0.2.1"), up("192.0.2.2"))), TO_IAD);
    List<Routing.Rule> toGone = new ArrayList<>(TO_IAD);
    toGone.add(0, new Routing.Rule("sea", List.of("NA-US-WA"), List.of()));
    assertThat(run(before, zone(List.of(iad(up("192.0.2.1"), up("192.0.2.2"))), toGone)))
        .singleElement().satisfies(x -> assertThat(x.message()).contains("rule 1 of www.example.com. A sends clients to pool sea"));
    Routing.Pool withFallback = new Routing.Pool("iad", List.of(up("192.0.2.1"), up("192.0.2.2")), "gone");
    assertThat(run(before, zone(List.of(withFallback), TO_IAD)))
        .singleElement().satisfies(x -> assertThat(x.message()).contains("pool iad's fallback"));
  }

  @Test
  void addingCapacityOrRemovingAPoolWithItsRulesIsQuiet() {
    Routing.Pool sea = new Routing.Pool("sea", List.of(up("198.51.100.1"), up("198.51.100.2")), null);
    List<Routing.Rule> both = List.of(new Routing.Rule("sea", List.of("NA-US-WA"), List.of()), TO_IAD.get(0));
    Zone two = zone(List.of(iad(up("192.0.2.1"), up("192.0.2.2")), sea), both);
    Zone one = zone(List.of(iad(up("192.0.2.1"), up("192.0.2.2"))), TO_IAD);
    assertThat(run(two, one)).isEmpty();
    assertThat(run(one, two)).isEmpty();
    assertThat(run(one, zone(List.of(iad(up("192.0.2.1"), up("192.0.2.2"), up("192.0.2.3"))), TO_IAD))).isEmpty();
  }

  @Test
  void aPoolOfExactlyMinPoolIsLoadBalancedToo() {
    // Two serving values at minPool 2 are a redundant pair: dropping one loses the redundancy.
    Zone two = zone(List.of(iad(up("192.0.2.1"), up("192.0.2.2"))), TO_IAD);
    assertThat(run(two, zone(List.of(iad(up("192.0.2.1"))), TO_IAD))).singleElement().satisfies(x -> assertThat(x.message())
        .isEqualTo("pool iad of www.example.com. A drops from 2 serving values to 1, below minPool 2:"
            + " a load-balanced endpoint loses its redundancy"));
  }
}
