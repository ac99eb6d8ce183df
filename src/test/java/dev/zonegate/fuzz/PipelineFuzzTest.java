package dev.zonegate.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.zonegate.diff.ZoneDiff;
import dev.zonegate.model.Zone;
import dev.zonegate.rules.RulePack;
import dev.zonegate.rules.RulePackException;
import dev.zonegate.rules.RuleSet;
import dev.zonegate.zone.ZoneReadException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Two master files through the whole gate: read, {@link ZoneDiff#diff}, the default rule pack,
 * the verdict, and every report format. After reading, nothing may throw at all.
 *
 * <p>The input is the live zone and the proposed zone, split at the first line that is exactly
 * {@code %%}. Without that line the input is the proposed zone and the live zone is a fixed,
 * realistic one. When the live zone does not read the input is skipped; when the proposed zone
 * does not read, the gate judges the parse error (the {@code zone-parse-error} path). Seeds:
 * {@code src/test/resources/dev/zonegate/fuzz/PipelineFuzzTestInputs/judge/}.
 */
class PipelineFuzzTest {
  static final String SEPARATOR = "\n%%\n";

  static final byte[] LIVE =
      String.join(
              "\n",
              "$ORIGIN example.com.",
              "$TTL 3600",
              "@      SOA   ns1.example.net. hostmaster.example.com. 2025110301 7200 900 1209600 300",
              "@      NS    ns1.example.net.",
              "@      NS    ns2.example.org.",
              "@      A     93.184.215.14",
              "@      MX    10 mail",
              "@      TXT   \"v=spf1 mx -all\"",
              "mail   A     93.184.215.25",
              "www    CNAME example.com.",
              "app    300 A 52.94.10.1",
              "app    300 A 52.94.10.2",
              "api    A     52.94.20.11",
              "api    AAAA  2606:2800:220:1::11",
              "dev    NS    ns1.dev",
              "ns1.dev A    192.0.2.53",
              "_sip._tcp SRV 10 60 5060 app",
              "")
          .getBytes(StandardCharsets.UTF_8);

  @FuzzTest(maxDuration = "60s")
  void judge(byte[] input) throws Throwable {
    Contract.inTime("PipelineFuzzTest#judge", "demo-live-proposed.txt", input, PipelineFuzzTest::gate);
  }

  private static void gate(byte[] input) throws Exception {
    String all = new String(input, StandardCharsets.ISO_8859_1);
    int sep = all.indexOf(SEPARATOR);
    byte[] live = sep < 0 ? LIVE : all.substring(0, sep + 1).getBytes(StandardCharsets.ISO_8859_1);
    byte[] proposed =
        sep < 0 ? input : all.substring(sep + SEPARATOR.length()).getBytes(StandardCharsets.ISO_8859_1);
    Zone before;
    try {
      before = Pipeline.read(live);
    } catch (ZoneReadException e) {
      return;
    }
    Zone after = null;
    ZoneReadException error = null;
    try {
      after = Pipeline.read(proposed);
    } catch (ZoneReadException e) {
      error = e;
    }
    if (after != null) {
      ZoneDiff.diff(before, after);
    }
    Pipeline.renderAll(Pipeline.judge(Defaults.RULES, before, after, error));
  }

  /** Loaded on first use, inside the warm-up, so that fuzzing instruments what it loads. */
  static final class Defaults {
    static final RuleSet RULES = load();

    private static RuleSet load() {
      try {
        return RuleSet.of(List.of(RulePack.defaults()));
      } catch (RulePackException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
