package dev.zonegate.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The geo codes shipped in the jar are octoDNS 1.22's own ({@code octodns/record/geo_data.py}). */
class OctoDnsGeoTest {
  @Test
  void theShippedGeoCodesAreOctoDnssOwn() throws Exception {
    OctoDnsPeer.require();
    Path data = OctoDnsPeer.HOME.resolve("lib/octodns/record/geo_data.py");
    String script = String.join("\n",
        "import runpy, sys",
        "g = runpy.run_path(sys.argv[1])['geo_data']",
        "for c, countries in g.items():",
        "    print(c)",
        "    for cc, v in countries.items():",
        "        print(c + '-' + cc)",
        "        for p in v.get('provinces', {}):",
        "            print(c + '-' + cc + '-' + p)");
    Process p = new ProcessBuilder("python3", "-c", script, data.toString()).redirectErrorStream(true).start();
    List<String> theirs = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    assertThat(p.waitFor()).as(String.join("\n", theirs)).isZero();
    assertThat(new TreeSet<>(OctoDnsRules.GEO_CODES)).isEqualTo(new TreeSet<>(theirs));
  }

  @Test
  void aCodeIsAContinentACountryInItOrAProvinceOctoDnsLists() {
    assertThat(OctoDnsRules.geoProblem("EU")).isNull();
    assertThat(OctoDnsRules.geoProblem("NA-US-CA")).isNull();
    assertThat(OctoDnsRules.geoProblem("XX")).isEqualTo("unknown continent code \"XX\"");
    assertThat(OctoDnsRules.geoProblem("EU-US")).isEqualTo("unknown country code \"EU-US\"");
    assertThat(OctoDnsRules.geoProblem("EU-FR-XX")).isEqualTo("unknown province code \"EU-FR-XX\"");
    assertThat(OctoDnsRules.geoProblem("NA-US-CA-SF")).isEqualTo("invalid geo code \"NA-US-CA-SF\"");
    assertThat(OctoDnsRules.geoProblem("")).isEqualTo("unknown continent code \"\"");
  }
}
