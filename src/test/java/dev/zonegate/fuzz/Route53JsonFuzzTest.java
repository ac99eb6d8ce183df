package dev.zonegate.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.zonegate.model.Zone;
import dev.zonegate.zone.MemoryTree;
import dev.zonegate.zone.Route53JsonReader;
import dev.zonegate.zone.ZoneReadException;
import dev.zonegate.zone.ZoneWriter;
import java.util.Map;

/**
 * {@code aws route53 list-resource-record-sets} output through {@link Route53JsonReader}, with the
 * origin given and taken from the file name. Seeds:
 * {@code src/test/resources/dev/zonegate/fuzz/Route53JsonFuzzTestInputs/read/}.
 */
class Route53JsonFuzzTest {
  private static final String FILE = "example.com.json";

  @FuzzTest(maxDuration = "60s")
  void read(byte[] input) throws Throwable {
    Contract.inTime("Route53JsonFuzzTest#read", "routing.json", input, Route53JsonFuzzTest::readBoth);
  }

  private static void readBoth(byte[] input) {
    MemoryTree tree = new MemoryTree(Map.of(FILE, input));
    readOne(tree, "example.com.");
    readOne(tree, null);
  }

  private static void readOne(MemoryTree tree, String origin) {
    try {
      Zone z = new Route53JsonReader().read(tree, FILE, origin);
      ZoneWriter.write(z);
      ZoneWriter.fingerprint(z);
    } catch (ZoneReadException e) {
      Contract.expected(e);
    }
  }
}
