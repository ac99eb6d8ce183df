package dev.zonegate.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.zonegate.zone.OctoDnsConfigAgreement;
import dev.zonegate.zone.OctoDnsPeer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * octoDNS repositories made from the fuzzer's choices ({@link OctoDnsConfigs}: a main config of
 * YamlProvider sources and zones, and the zone, shared and split files it reads), read by zonegate
 * from the config and by octoDNS 1.22's own Manager (one {@code octodns_config_dump.py --serve}
 * process for the run): both must sync the same zones, and fill each with the same RRsets or
 * both refuse it, as {@code OctoDnsConfigDifferentialTest} holds its fixed configs
 * ({@link OctoDnsConfigAgreement}); a config one side refuses whole agrees with the other refusing
 * any zone of it ({@link #agree}). No other difference is known here.
 *
 * <p>Seeds ({@code OctoDnsConfigFuzzTestInputs/configs/}) are the fuzzer's bytes and replay in
 * every {@code mvn test}; without octoDNS they are skipped with a message (failed with
 * {@code ZONEGATE_REQUIRE_OCTODNS=1}). In a fuzzing run a disagreement is appended to
 * {@code target/octodns-config-fuzz-disagreements.txt} and the campaign goes on.
 */
class OctoDnsConfigFuzzTest {
  private static final Duration OCTODNS_LIMIT = Duration.ofSeconds(3);
  private static final Agreement AGREEMENT = new Agreement("octodns-config-fuzz");
  private static OctoDnsPeer.Server octodns;
  private static Path dir;

  @FuzzTest(maxDuration = "60s")
  void configs(FuzzedDataProvider data) throws Throwable {
    OctoDnsPeer.require();
    Map<String, String> files = OctoDnsConfigs.repository(data);
    StringBuilder shown = new StringBuilder();
    files.forEach((path, text) -> shown.append("--- ").append(path).append('\n').append(text));
    Contract.inTime("OctoDnsConfigFuzzTest#configs", "warm-up", shown.toString().getBytes(StandardCharsets.UTF_8),
        in -> compare(files, shown.toString()));
  }

  private static synchronized void compare(Map<String, String> files, String shown)
      throws IOException, InterruptedException {
    if (dir == null) {
      dir = Files.createTempDirectory("zonegate-octodns-config-fuzz");
      dir.toFile().deleteOnExit();
      octodns = OctoDnsPeer.Server.ofConfigs();
      Runtime.getRuntime().addShutdownHook(new Thread(octodns::close));
    }
    Path repo = dir.resolve("repo");
    clear(repo);
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path p = repo.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
    }
    JsonNode result = octodns.load(new OctoDnsPeer.ConfigRequest("fuzz", repo, "config.yaml"), OCTODNS_LIMIT);
    Map<String, String> gate = OctoDnsConfigAgreement.gate(repo);
    if (result == null) {
      AGREEMENT.uncompared();
      return;
    }
    Map<String, String> octo = OctoDnsConfigAgreement.octo(result);
    if (octo.values().stream().anyMatch(v -> v.startsWith("loads"))) {
      AGREEMENT.loaded();
    }
    AGREEMENT.judge(agree(octo, gate) ? null : "octoDNS:  " + octo + "\n    zonegate: " + gate, shown);
  }

  /**
   * The same zones with the same outcome; or one side refusing the config as a whole while the
   * other refuses at least one zone. octodns-sync fails as a whole when any zone fails to load
   * (it plans every zone before it applies any), so zonegate refusing the config where octoDNS
   * refuses one zone, or the other way round, deploys the same: nothing.
   */
  static boolean agree(Map<String, String> octo, Map<String, String> gate) {
    if (octo.equals(gate)) {
      return true;
    }
    boolean octoFails = octo.containsKey("*") || octo.containsValue("refuses");
    boolean gateFails = gate.containsKey("*") || gate.containsValue("refuses");
    return octoFails && gateFails && (octo.containsKey("*") || gate.containsKey("*"));
  }

  private static void clear(Path repo) throws IOException {
    if (!Files.exists(repo)) {
      return;
    }
    try (Stream<Path> all = Files.walk(repo)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
