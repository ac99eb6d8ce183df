package dev.zonegate.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.zonegate.config.ConfigException;
import dev.zonegate.config.ConfigLoader;

/**
 * Repository configs: a {@code zonegate.yaml} ({@link ConfigLoader#zonegate}) and an octoDNS main
 * config ({@link ConfigLoader#octodns}). Seeds:
 * {@code src/test/resources/dev/zonegate/fuzz/ConfigFuzzTestInputs/{zonegate,octodns}/}.
 */
class ConfigFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void zonegate(byte[] input) throws Throwable {
    Contract.inTime("ConfigFuzzTest#zonegate", "every-live-source.yaml", input, in -> {
      try {
        ConfigLoader.zonegate("zonegate.yaml", in);
      } catch (ConfigException e) {
        Contract.expected(e);
      }
    });
  }

  @FuzzTest(maxDuration = "60s")
  void octodns(byte[] input) throws Throwable {
    Contract.inTime("ConfigFuzzTest#octodns", "production.yaml", input, in -> {
      try {
        ConfigLoader.octodns("config/production.yaml", in);
      } catch (ConfigException e) {
        Contract.expected(e);
      }
    });
  }
}
