package dev.zonegate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CriticalEndpointTest {
  private static final RuleType T = CriticalEndpoint.TYPE;

  private static final String FOUR = "api A 192.0.2.1\napi A 192.0.2.2\napi A 192.0.2.3\napi A 192.0.2.4\n";

  private static List<Finding> critical(String before, String after) {
    return RuleFixture.run(T, Map.of(), List.of("api"), before, after);
  }

  @Test
  void exampleFiresWithApiCritical() {
    // With the defaults no name is critical, so the example needs one named.
    List<Finding> f = critical(T.example().before(), T.example().after());
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.rule()).isEqualTo("critical-endpoint");
      assertThat(x.name()).isEqualTo("api.example.com.");
      assertThat(x.message()).contains("has all its 2 addresses replaced at once by 2 new addresses");
    });
    assertThat(RuleFixture.run(T, Map.of("names", List.of("api")), List.of(), T.example().before(), T.example().after()))
        .hasSize(1);
  }

  @Test
  void quietWithoutCriticalNames() {
    assertThat(RuleFixture.run(T, T.example().before(), T.example().after())).isEmpty();
  }

  @Test
  void quietForNamesThatAreNotCritical() {
    assertThat(critical("www A 192.0.2.1\n", "www A 198.51.100.1\n")).isEmpty();
  }

  @Test
  void deletionFires() {
    List<Finding> f = critical(FOUR, "\n");
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.message()).contains("is deleted").contains("its 4 addresses are all removed");
      assertThat(x.before()).hasSize(4);
      assertThat(x.after()).isEmpty();
    });
  }

  @Test
  void losingMoreThanTheFractionFires() {
    List<Finding> f = critical(FOUR, "api A 192.0.2.1\n");
    assertThat(f).singleElement().satisfies(x -> assertThat(x.message()).contains("loses 3 of its 4 addresses (75%"));
  }

  @Test
  void losingExactlyTheFractionIsQuiet() {
    assertThat(critical(FOUR, "api A 192.0.2.1\napi A 192.0.2.2\n")).isEmpty();
  }

  @Test
  void fractionCountsAcrossAAndAaaa() {
    String before = "api A 192.0.2.1\napi AAAA 2001:db8::1\napi AAAA 2001:db8::2\n";
    // AAAA deleted: 2 of 3 lost.
    assertThat(critical(before, "api A 192.0.2.1\n")).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("loses 2 of its 3"));
  }

  @Test
  void addingAddressesNeverFires() {
    assertThat(critical("api A 192.0.2.1\n", "api A 192.0.2.1\napi A 192.0.2.2\napi AAAA 2001:db8::1\n")).isEmpty();
    assertThat(critical("\n", "api A 192.0.2.1\n")).isEmpty();
  }

  @Test
  void rollingReplacementKeepingOneIsQuiet() {
    assertThat(critical("api A 192.0.2.1\napi A 192.0.2.2\n", "api A 192.0.2.1\napi A 192.0.2.3\n")).isEmpty();
  }

  @Test
  void aliasRetargetIsASwap() {
    List<Finding> f = critical("api CNAME lb1.example.net.\n", "api CNAME lb2.example.net.\n");
    assertThat(f).singleElement().satisfies(x -> assertThat(x.message()).contains("its CNAME to lb1.example.net. replaced at once"));
  }

  @Test
  void globsFromConfigAndParamsBothCount() {
    assertThat(RuleFixture.run(T, Map.of(), List.of("*.endpoints"), "eu.endpoints A 192.0.2.1\n", "\n")).hasSize(1);
    assertThat(RuleFixture.run(T, Map.of("names", List.of("login.example.com.")), List.of(), "login A 192.0.2.1\n", "\n"))
        .hasSize(1);
  }
  @Test
  void attributeLeavesUnderACriticalGlobAreNotEndpoints() {
    List<String> prod = List.of("*.prod");
    // The CA follows this CNAME for a TXT; no client connects to it.
    assertThat(RuleFixture.run(T, Map.of(), prod,
        "_acme-challenge.api.prod CNAME a1.acme-dns.example.net.\n",
        "_acme-challenge.api.prod CNAME b2.acme-dns.example.net.\n")).isEmpty();
    // The endpoint the same glob covers still fires.
    assertThat(RuleFixture.run(T, Map.of(), prod, "api.prod CNAME lb1.example.net.\n", "api.prod CNAME lb2.example.net.\n"))
        .hasSize(1);
  }

  @Test
  void aDeletedAliasOrAddressIsNamedAsSuch() {
    assertThat(critical("api CNAME lb.example.net.\n", "\n")).singleElement().satisfies(x -> assertThat(x.message())
        .isEqualTo("critical name api.example.com. is deleted: its CNAME to lb.example.net. is removed"));
    assertThat(critical("api A 192.0.2.1\n", "\n")).singleElement().satisfies(x -> assertThat(x.message())
        .isEqualTo("critical name api.example.com. is deleted: its address 192.0.2.1 is removed"));
  }

  @Test
  void theFindingIsPlacedOnTheNewRecordsOrWhatIsLeftAtTheName() {
    // Replaced: the new addresses' line. Deleted: another record still at the name, else the file.
    assertThat(critical("api A 192.0.2.1\n", "x TXT \"x\"\napi A 198.51.100.1\n")).singleElement()
        .satisfies(x -> assertThat(x.location().line()).isEqualTo(4));
    assertThat(critical(FOUR, "x TXT \"x\"\napi TXT \"retired\"\n")).singleElement()
        .satisfies(x -> assertThat(x.location().line()).isEqualTo(4));
    assertThat(critical(FOUR, "\n")).singleElement().satisfies(x -> {
      assertThat(x.location().path()).isEqualTo("example.com.zone");
      assertThat(x.location().line()).isZero();
    });
  }
}
