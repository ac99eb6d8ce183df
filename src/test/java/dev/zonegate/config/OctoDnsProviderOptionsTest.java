package dev.zonegate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zonegate.model.Zone;
import dev.zonegate.zone.MemoryTree;
import dev.zonegate.zone.OctoDnsOptions;
import dev.zonegate.zone.ZoneReadException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The YamlProvider settings that change how octoDNS reads a zone file are read from the octoDNS
 * config and reach the zone's reader: {@code enforce_order}, {@code order_mode},
 * {@code default_ttl}, {@code escaped_semicolons}, {@code populate_should_replace}, and the zone's
 * {@code lenient}.
 */
class OctoDnsProviderOptionsTest {
  private static final String CONFIG = "config/production.yaml";

  private static ZoneConfig zone(String providerSettings) throws ConfigException {
    String yaml =
        "providers:\n  config:\n    class: octodns.provider.yaml.YamlProvider\n    directory: ./config\n"
            + providerSettings
            + "zones:\n  example.com.:\n    sources: [ config ]\n";
    return ConfigLoader.octodns(CONFIG, yaml.getBytes(StandardCharsets.UTF_8)).zones().get(0);
  }

  private static Zone read(ZoneConfig z, String zoneFile) throws ZoneReadException {
    MemoryTree tree = new MemoryTree(Map.of(z.file(), zoneFile.getBytes(StandardCharsets.UTF_8)));
    return z.reader().read(tree, z.file(), z.name());
  }

  @Test
  void withoutSettingsOctoDnssDefaultsApply() throws Exception {
    assertThat(zone("").octodns()).isEqualTo(OctoDnsOptions.DEFAULTS);
  }

  @Test
  void everySettingIsCarriedToTheReader() throws Exception {
    ZoneConfig z = zone("    enforce_order: true\n    order_mode: simple\n    default_ttl: 60\n"
        + "    escaped_semicolons: false\n    populate_should_replace: true\n");
    assertThat(z.octodns()).isEqualTo(new OctoDnsOptions(true, "simple", 60, false, true, false));

    Zone read = read(z, "t:\n  type: TXT\n  value: v=spf1; -all\n"
        + "www:\n  - type: A\n    value: 192.0.2.1\n  - type: A\n    value: 192.0.2.2\n");
    assertThat(read.get("t.example.com.", "TXT").ttl()).isEqualTo(60);
    assertThat(read.get("t.example.com.", "TXT").rdata()).containsExactly("\"v=spf1; -all\"");
    assertThat(read.get("www.example.com.", "A").rdata()).containsExactly("192.0.2.2");
    // simple order: 'B' < 'a'
    assertThatThrownBy(() -> read(z, "a:\n  type: A\n  value: 192.0.2.1\nB:\n  type: A\n  value: 192.0.2.2\n"))
        .isInstanceOf(ZoneReadException.class)
        .hasMessageStartingWith("config/example.com.yaml:4: keys out of order: 'B' comes after 'a'");
  }

  @Test
  void anOrderModeOctoDnsDoesNotKnowIsAConfigError() {
    assertThatThrownBy(() -> zone("    order_mode: alphabetic\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config/production.yaml:5: zone 'example.com.': order_mode must be natural or simple, not"
            + " 'alphabetic' (octoDNS refuses it)");
    // octoDNS looks at order_mode only when it enforces an order
    assertThat(zoneUnchecked("    enforce_order: false\n    order_mode: alphabetic\n").enforceOrder()).isFalse();
  }

  @Test
  void aLenientZoneReadsValidationProblemsAsNotices() throws Exception {
    String yaml =
        "providers:\n  config:\n    class: octodns.provider.yaml.YamlProvider\n    directory: ./config\n"
            + "zones:\n  example.com.:\n    lenient: true\n    sources: [ config ]\n";
    ZoneConfig z = ConfigLoader.octodns(CONFIG, yaml.getBytes(StandardCharsets.UTF_8)).zones().get(0);
    Zone read = read(z, "_dmarc:\n  type: TXT\n  value: v=DMARC1; p=reject\n");
    assertThat(read.get("_dmarc.example.com.", "TXT").rdata()).containsExactly("\"v=DMARC1; p=reject\"");
    assertThat(read.notices()).singleElement().satisfies(n -> assertThat(n.message()).contains("lenient"));
  }

  private static ZoneConfig zoneUnchecked(String settings) {
    try {
      return zone(settings);
    } catch (ConfigException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }
}
