package dev.zonegate.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.zonegate.model.Zone;
import dev.zonegate.zone.MasterFileReader;
import dev.zonegate.zone.MemoryTree;
import dev.zonegate.zone.ZoneReadException;
import dev.zonegate.zone.ZoneWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * RFC 1035 master files through {@link MasterFileReader}, with the zone's origin given (as a
 * config gives it) and without (origin from the SOA, {@code $ORIGIN} or the file name). The input
 * is also present as {@code inc.zone}, so {@code $INCLUDE inc.zone} reaches the include depth and
 * cycle checks, and {@code $INCLUDE sub/static.zone} includes a small valid file. A zone that reads
 * is also written back and fingerprinted, as {@code snapshot} and the report do. Seeds: {@code src/test/resources/dev/zonegate/fuzz/MasterFileFuzzTestInputs/read/}.
 */
class MasterFileFuzzTest {
  private static final byte[] STATIC =
      "www 300 A 192.0.2.80\n@ TXT \"included\"\n".getBytes(StandardCharsets.UTF_8);

  @FuzzTest(maxDuration = "60s")
  void read(byte[] input) throws Throwable {
    Contract.inTime("MasterFileFuzzTest#read", "formats-example.zone", input, MasterFileFuzzTest::readBoth);
  }

  private static void readBoth(byte[] input) {
    MemoryTree tree = new MemoryTree(Map.of("z.zone", input, "inc.zone", input, "sub/static.zone", STATIC));
    readOne(tree, "example.com.");
    readOne(tree, null);
  }

  private static void readOne(MemoryTree tree, String origin) {
    try {
      Zone z = new MasterFileReader().read(tree, "z.zone", origin);
      ZoneWriter.write(z);
      ZoneWriter.fingerprint(z);
    } catch (ZoneReadException e) {
      Contract.expected(e);
    }
  }
}
