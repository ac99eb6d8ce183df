package dev.zonegate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.model.RRset;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.model.Zone;
import dev.zonegate.zone.ZoneFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoaSerialTest {
  private static final RuleType T = SoaSerial.TYPE;

  private static String soa(long serial) {
    return "@ SOA ns1 hostmaster " + serial + " 7200 900 1209600 300\n";
  }

  @Test
  void exampleFires() {
    List<Finding> f = RuleFixture.run(T, T.example().before(), T.example().after());
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.rule()).isEqualTo("soa-serial");
      assertThat(x.severity()).isEqualTo(Severity.WARN);
      assertThat(x.name()).isEqualTo("example.com.");
      assertThat(x.type()).isEqualTo("SOA");
      assertThat(x.message()).contains("serial stays 2024010101", "secondaries");
      assertThat(x.location()).isNotNull();
    });
  }

  @Test
  void anIncreasedSerialIsQuiet() {
    assertThat(RuleFixture.run(T, soa(2024010101) + "www A 93.184.216.34\n", soa(2024010102) + "www A 93.184.216.35\n"))
        .isEmpty();
  }

  @Test
  void wrapAroundCountsAsAnIncrease() {
    assertThat(RuleFixture.run(T, soa(4294967295L) + "www A 93.184.216.34\n", soa(1) + "www A 93.184.216.35\n"))
        .isEmpty();
  }

  @Test
  void aLowerSerialFires() {
    assertThat(RuleFixture.run(T, soa(2024010105) + "www A 93.184.216.34\n", soa(2024010101) + "www A 93.184.216.35\n"))
        .singleElement().satisfies(x -> assertThat(x.message()).contains("from 2024010105 to 2024010101", "RFC 1982"));
  }

  @Test
  void noContentChangeIsQuiet() {
    assertThat(RuleFixture.run(T, soa(5) + "www A 93.184.216.34\n", soa(5) + "www A 93.184.216.34\n")).isEmpty();
    assertThat(RuleFixture.run(T, soa(5) + "www A 93.184.216.34\n", soa(4) + "www A 93.184.216.34\n")).isEmpty();
  }

  @Test
  void anSoaTimerChangeAloneIsNotContent() {
    assertThat(RuleFixture.run(T, soa(5), "@ SOA ns1 hostmaster 5 3600 900 1209600 300\n")).isEmpty();
  }

  @Test
  void withoutAnSoaOnBothSidesItIsQuiet() {
    assertThat(RuleFixture.run(T, "www A 93.184.216.34\n", soa(5) + "www A 93.184.216.35\n")).isEmpty();
    assertThat(RuleFixture.run(T, soa(5) + "www A 93.184.216.34\n", "www A 93.184.216.35\n")).isEmpty();
  }

  @Test
  void onlyMasterFilesAreJudged() {
    Zone before = RuleFixture.zone(soa(5) + "www A 93.184.216.34\n");
    Zone after = RuleFixture.zone(soa(5) + "www A 93.184.216.35\n");
    for (ZoneFormat format : ZoneFormat.values()) {
      assertThat(RuleFixture.run(T, before, after, format)).as(format.word()).hasSize(format == ZoneFormat.MASTER ? 1 : 0);
    }
  }


  @Test
  void serialArithmeticFollowsRfc1982() {
    assertThat(SoaSerial.greater(2, 1)).isTrue();
    assertThat(SoaSerial.greater(1, 2)).isFalse();
    assertThat(SoaSerial.greater(1, 1)).isFalse();
    assertThat(SoaSerial.greater(0, 4294967295L)).isTrue();
    assertThat(SoaSerial.greater(1, 4294967295L)).isTrue();
    assertThat(SoaSerial.greater(4294967295L, 0)).isFalse();
    assertThat(SoaSerial.greater(2147483647L, 0)).isTrue();
    assertThat(SoaSerial.greater(2147483648L, 0)).isFalse(); // exactly 2^31 apart: undefined
    assertThat(SoaSerial.greater(0, 2147483648L)).isFalse();
  }

  @Test
  void theLowestAndHighestSerialsAreReadAsSerials() {
    // 0 and 2^32-1 are valid serials (RFC 1035 §3.3.13): a content change that keeps them warns.
    assertThat(RuleFixture.run(T, soa(0) + "www A 93.184.216.34\n", soa(0) + "www A 93.184.216.35\n")).singleElement()
        .satisfies(x -> assertThat(x.message()).startsWith("the zone's content changes but its SOA serial stays 0:"));
    assertThat(RuleFixture.run(T, soa(4294967295L) + "www A 93.184.216.34\n", soa(4294967295L) + "www A 93.184.216.35\n"))
        .singleElement().satisfies(x -> assertThat(x.message()).contains("serial stays 4294967295"));
  }

  @Test
  void aStepOfExactlyHalfTheSerialSpaceIsNoIncreaseEitherWay() {
    // RFC 1982 §3.2: for a difference of exactly 2^31 the comparison is undefined, so not greater.
    assertThat(RuleFixture.run(T, soa(1) + "www A 93.184.216.34\n", soa(2147483649L) + "www A 93.184.216.35\n"))
        .singleElement().satisfies(x -> assertThat(x.message()).contains("goes from 1 to 2147483649, which is not an increase"));
    assertThat(RuleFixture.run(T, soa(2147483649L) + "www A 93.184.216.34\n", soa(1) + "www A 93.184.216.35\n"))
        .singleElement().satisfies(x -> assertThat(x.message()).contains("goes from 2147483649 to 1, which is not an increase"));
    assertThat(RuleFixture.run(T, soa(1) + "www A 93.184.216.34\n", soa(2147483648L) + "www A 93.184.216.35\n")).isEmpty();
  }

  @Test
  void anEmptyOrUnreadableSoaHasNoSerial() {
    // A provider can hand over an empty set; neither it nor a non-numeric serial reads as serial 0.
    RRsetKey key = RRsetKey.of("example.com.", "SOA");
    assertThat(SoaSerial.serial(new RRset(key, 300, List.of(), null))).isNull();
    assertThat(SoaSerial.serial(new RRset(key, 300, List.of("ns1. host. x1 7200 900 1209600 300"), null)))
        .isNull();
    assertThat(SoaSerial.serial(new RRset(key, 300, List.of("ns1. host. 7 7200 900 1209600 300"), null)))
        .isEqualTo(7L);
  }
}
