package dev.zonegate.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.model.Extras;
import dev.zonegate.model.RRset;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.model.Zone;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What octoDNS manages at a provider, and so what an octoDNS zone is compared on there. */
class ProviderScopeTest {
  private static final ProviderScope PDNS = new ProviderScope(Set.of("A", "NS", "TXT"), true, null, false);
  private static final ProviderScope CF = new ProviderScope(Set.of("A", "NS", "TXT"), false, "cloudflare.", false);

  private static RRset set(String name, String type, String value) {
    return new RRset(RRsetKey.of(name, type), 300, List.of(value), null);
  }

  private static Zone zone(RRset... sets) {
    return new Zone("example.", List.of(sets), List.of());
  }

  @Test
  void typesTheProviderDoesNotSupportAreLeftOutOfItsLiveZoneButTheSoaStays() {
    Zone live = zone(set("example.", "SOA", "ns1.example. h.example. 1 2 3 4 5"), set("www.example.", "A", "192.0.2.1"),
        set("example.", "SSHFP", "1 1 abcd"));
    Zone viewed = PDNS.live(live, zone(set("www.example.", "A", "192.0.2.1")));
    assertThat(viewed.get("example.", "SSHFP")).isNull();
    assertThat(viewed.get("example.", "SOA")).isNotNull();
    assertThat(viewed.get("www.example.", "A")).isNotNull();
  }

  @Test
  void theApexNsIsComparedOnlyWhereTheProviderManagesItAndTheFileHasOne() {
    Zone live = zone(set("example.", "NS", "ns1.example."), set("sub.example.", "NS", "ns9.example."));
    Zone withNs = zone(set("example.", "NS", "ns2.example."));
    Zone withoutNs = zone(set("www.example.", "A", "192.0.2.1"));
    assertThat(PDNS.live(live, withNs).get("example.", "NS")).isNotNull();
    assertThat(PDNS.live(live, withoutNs).get("example.", "NS")).isNull();
    assertThat(CF.live(live, withNs).get("example.", "NS")).isNull();
    assertThat(CF.file(withNs).get("example.", "NS")).isNull();
    assertThat(PDNS.file(withNs)).isSameAs(withNs);
    // A delegation is not the apex NS: it is always managed.
    assertThat(CF.live(live, withNs).get("sub.example.", "NS")).isNotNull();
  }

  @Test
  void onlyThisProvidersOwnSettingsAreKept() {
    RRset www = set("www.example.", "A", "192.0.2.1")
        .withExtras(Extras.of(Map.of("cloudflare.proxied", "true", "route53.healthcheck", "x"), null));
    Zone file = zone(www);
    assertThat(CF.file(file).get("www.example.", "A").extras().attributes()).containsOnlyKeys("cloudflare.proxied");
    assertThat(PDNS.file(file).get("www.example.", "A").extras()).isNull();
  }

  @Test
  void aZoneWithNothingOutOfScopeIsReturnedAsItIs() {
    Zone z = zone(set("www.example.", "A", "192.0.2.1"), set("example.", "TXT", "\"v=spf1 -all\""));
    assertThat(PDNS.live(z, z)).isSameAs(z);
    assertThat(PDNS.file(z)).isSameAs(z);
  }
}
