package dev.zonegate.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.zonegate.zone.DirectoryTree;
import dev.zonegate.zone.OctoDnsAgreement;
import dev.zonegate.zone.OctoDnsAgreement.Case;
import dev.zonegate.zone.OctoDnsAgreement.Disagreement;
import dev.zonegate.zone.OctoDnsAgreement.Gate;
import dev.zonegate.zone.OctoDnsAgreement.Octo;
import dev.zonegate.zone.OctoDnsOptions;
import dev.zonegate.zone.OctoDnsPeer;
import dev.zonegate.zone.OctoDnsYamlReader;
import dev.zonegate.zone.ZoneReadException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Mutated octoDNS YAML zone files, loaded by zonegate and by octoDNS 1.22 itself (its
 * YamlProvider and the zone's validation, as {@code octodns-sync} loads a source file, in one
 * Python process kept for the whole run: {@link OctoDnsPeer.Server}), as zone {@code example.com.}
 * with one of six YamlProvider settings, chosen by the input's last byte ({@link #SETTINGS}):
 * both must load the same RRsets or both refuse, unless the disagreement is one of
 * docs/fidelity-octodns.md's known differences ({@link OctoDnsAgreement#KNOWN}), the same
 * comparison as the differential test over the fixed cases. zonegate must also keep the fuzz
 * contract (only its own one-sentence errors).
 *
 * <p>Seeds ({@code OctoDnsDifferentialFuzzTestInputs/differ/}) replay in every {@code mvn test};
 * without octoDNS they are skipped with a message (failed with {@code ZONEGATE_REQUIRE_OCTODNS=1}).
 * In a fuzzing run ({@code JAZZER_FUZZ=1}) an unexplained disagreement is appended to
 * {@code target/octodns-fuzz-disagreements.txt} and the campaign goes on; in a replay it fails the
 * test. An input octoDNS does not answer within {@link #OCTODNS_LIMIT} (PyYAML expanding an alias
 * bomb) is not compared; the status file counts those apart.
 */
class OctoDnsDifferentialFuzzTest {
  private static final String ZONE = "example.com.";
  private static final String FILE = "example.com.yaml";
  private static final Duration OCTODNS_LIMIT = Duration.ofSeconds(3);
  private static final Agreement AGREEMENT = new Agreement("octodns-fuzz");
  private static OctoDnsPeer.Server octodns;
  private static Path dir;

  /**
   * The YamlProvider settings an input is loaded with, chosen by its last byte: a final newline
   * picks the defaults, and a seed that ends in a comment {@code # settings N} without a newline
   * picks setting N (the digit's code is N modulo 6). Each is a setting octoDNS reads the file
   * differently under.
   */
  static final List<OctoDnsOptions> SETTINGS =
      List.of(
          OctoDnsOptions.DEFAULTS,
          OctoDnsOptions.UNORDERED,
          OctoDnsOptions.DEFAULTS.withLenient(true),
          new OctoDnsOptions(true, "simple", OctoDnsOptions.DEFAULT_TTL, true, false, false),
          new OctoDnsOptions(true, "natural", OctoDnsOptions.DEFAULT_TTL, false, false, false),
          new OctoDnsOptions(false, "natural", 60, true, true, false));

  @FuzzTest(maxDuration = "60s")
  void differ(byte[] input) throws Throwable {
    OctoDnsPeer.require();
    Contract.inTime("OctoDnsDifferentialFuzzTest#differ", "mixed-types.yaml", input, OctoDnsDifferentialFuzzTest::compare);
  }

  /**
   * Zone files made whole from the fuzzer's choices ({@link OctoDnsZones}): well-formed YAML with
   * records of every type and values valid, nearly valid and invalid, compared as {@link #differ}
   * compares mutated files. Seeds ({@code OctoDnsDifferentialFuzzTestInputs/records/}) are the
   * fuzzer's bytes, not YAML.
   */
  @FuzzTest(maxDuration = "60s")
  void records(FuzzedDataProvider data) throws Throwable {
    OctoDnsPeer.require();
    byte[] zone = OctoDnsZones.zone(data, data.consumeInt(0, SETTINGS.size() - 1));
    Contract.inTime("OctoDnsDifferentialFuzzTest#records", "warm-up.yaml", zone, OctoDnsDifferentialFuzzTest::compare);
  }

  /** The settings {@code input} is loaded with (see {@link #SETTINGS}). */
  static OctoDnsOptions settings(byte[] input) {
    int last = input.length == 0 ? '\n' : input[input.length - 1] & 0xff;
    return SETTINGS.get(last == '\n' ? 0 : last % SETTINGS.size());
  }

  private static synchronized void compare(byte[] input) throws IOException, InterruptedException {
    if (dir == null) {
      dir = Files.createTempDirectory("zonegate-octodns-fuzz");
      dir.toFile().deleteOnExit();
      octodns = new OctoDnsPeer.Server();
      Runtime.getRuntime().addShutdownHook(new Thread(octodns::close));
    }
    Files.write(dir.resolve(FILE), input);
    Case c = new Case("fuzz", "fuzz", dir, FILE, ZONE, settings(input));
    JsonNode result = octodns.load(new OctoDnsPeer.Request("fuzz", ZONE, dir.resolve(FILE), c.options()), OCTODNS_LIMIT);
    try {
      new OctoDnsYamlReader(c.options()).read(new DirectoryTree(dir), FILE, ZONE);
    } catch (ZoneReadException e) {
      Contract.expected(e);
    }
    Gate g = Gate.of(c);
    if (result == null) {
      AGREEMENT.uncompared();
      return;
    }
    Octo o = Octo.of(result, ZONE);
    if (o.ok() && g.ok()) {
      AGREEMENT.loaded();
    }
    Disagreement d = OctoDnsAgreement.compare(c, o, g);
    String unexplained = d == null || OctoDnsAgreement.explain(d) != null ? null : OctoDnsAgreement.describe(d);
    AGREEMENT.judge(unexplained, "--- input (" + input.length + " bytes) ---\n" + new String(input, StandardCharsets.UTF_8));
  }
}
