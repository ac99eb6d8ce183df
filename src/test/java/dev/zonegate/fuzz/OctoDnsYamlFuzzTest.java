package dev.zonegate.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.zonegate.model.Zone;
import dev.zonegate.zone.MemoryTree;
import dev.zonegate.zone.OctoDnsOptions;
import dev.zonegate.zone.OctoDnsYamlReader;
import dev.zonegate.zone.ZoneReadException;
import dev.zonegate.zone.ZoneWriter;
import java.util.Map;

/**
 * octoDNS YamlProvider files through {@link OctoDnsYamlReader}: as a hand-compared file (no key
 * order, strict), as a YamlProvider with {@code enforce_order} and {@code lenient}, with simple
 * order and bare semicolons, read leniently (what cannot be read skipped), and with the origin
 * taken from the file name. Seeds:
 * {@code src/test/resources/dev/zonegate/fuzz/OctoDnsYamlFuzzTestInputs/read/}.
 */
class OctoDnsYamlFuzzTest {
  private static final String FILE = "example.com.yaml";

  @FuzzTest(maxDuration = "60s")
  void read(byte[] input) throws Throwable {
    Contract.inTime("OctoDnsYamlFuzzTest#read", "all-types.yaml", input, OctoDnsYamlFuzzTest::readAll);
  }

  private static void readAll(byte[] input) {
    MemoryTree tree = new MemoryTree(Map.of(FILE, input));
    readOne(new OctoDnsYamlReader(), tree, "example.com.");
    readOne(new OctoDnsYamlReader(true, true, OctoDnsYamlReader.DEFAULT_TTL), tree, "example.com.");
    readOne(new OctoDnsYamlReader(new OctoDnsOptions(true, "simple", 60, false, true, false)), tree, "example.com.");
    readOne(new OctoDnsYamlReader(), tree, null);
    try {
      Zone z = new OctoDnsYamlReader().readLenient(tree, FILE, "example.com.");
      ZoneWriter.write(z);
    } catch (ZoneReadException e) {
      Contract.expected(e);
    }
  }

  private static void readOne(OctoDnsYamlReader reader, MemoryTree tree, String origin) {
    try {
      Zone z = reader.read(tree, FILE, origin);
      ZoneWriter.write(z);
      ZoneWriter.fingerprint(z);
    } catch (ZoneReadException e) {
      Contract.expected(e);
    }
  }
}
