package dev.zonegate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.diff.ZoneDiff;
import dev.zonegate.model.Location;
import dev.zonegate.model.Zone;
import dev.zonegate.zone.ZoneFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutOfZoneDataTest {
  private static final RuleType T = OutOfZoneData.TYPE;

  @Test
  void exampleFires() {
    assertThat(RuleFixture.run(T, T.example().before(), T.example().after())).singleElement().satisfies(x -> {
      assertThat(x.rule()).isEqualTo("out-of-zone-data");
      assertThat(x.severity()).isEqualTo(Severity.BLOCK);
      assertThat(x.name()).isEqualTo("api.example.net.");
      assertThat(x.type()).isEqualTo("A");
      assertThat(x.message()).startsWith("api.example.net. A is outside the zone example.com.: named ignores it");
      assertThat(x.location()).isEqualTo(Location.of("example.com.zone", 4));
    });
  }

  @Test
  void aFileWithoutRecordsOutsideTheZoneIsQuiet() {
    assertThat(RuleFixture.run(T, "www A 192.0.2.10\n", "www A 192.0.2.11\n")).isEmpty();
  }

  @Test
  void recordsTheBaseAlreadyHadOutsideTheZoneAreOldNews() {
    String legacy = "www A 192.0.2.10\nns1.example.net. A 192.0.2.53\n";
    assertThat(RuleFixture.run(T, legacy, legacy.replace("192.0.2.10", "192.0.2.11"))).isEmpty();
    // Another type at the same name outside the zone is a new record.
    assertThat(RuleFixture.run(T, legacy, legacy + "ns1.example.net. AAAA 2001:db8::53\n")).singleElement()
        .satisfies(x -> assertThat(x.type()).isEqualTo("AAAA"));
  }

  @Test
  void aWrongOriginReportsEveryRecordItPutsOutside() {
    List<Finding> f = RuleFixture.run(T, "www A 192.0.2.10\n", "www A 192.0.2.10\n$ORIGIN example.org.\na A 192.0.2.1\nb A 192.0.2.2\n");
    assertThat(f).extracting(Finding::name).containsExactly("a.example.org.", "b.example.org.");
  }

  @Test
  void theBaseIsWhatItComparesWithWhenLiveWasRead() {
    // Live (read from the servers) never holds such records; the base file does.
    Zone live = RuleFixture.zone("www A 192.0.2.10\n");
    Zone base = RuleFixture.zone("www A 192.0.2.10\nns1.example.net. A 192.0.2.53\n");
    Zone head = RuleFixture.zone("www A 192.0.2.11\nns1.example.net. A 192.0.2.53\n");
    RuleSpec spec = RuleFixture.spec(T, Map.of());
    RuleInput in = new RuleInput("example.com.", live, head, ZoneDiff.diff(live, head), List.of(), ZoneFormat.MASTER, null, null)
        .withBase(base, List.of());
    List<Finding> out = new ArrayList<>();
    T.factory().apply(spec).check(in, new Findings(spec, "example.com.", out::add));
    assertThat(out).isEmpty();
    RuleInput withoutBase = new RuleInput("example.com.", live, head, ZoneDiff.diff(live, head), List.of(), ZoneFormat.MASTER, null, null);
    T.factory().apply(spec).check(withoutBase, new Findings(spec, "example.com.", out::add));
    assertThat(out).hasSize(1);
  }
}
