package dev.zonegate.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {
  @Test
  void numbersCompareAsNumbersAsNatsortDoes() {
    List<String> keys = new ArrayList<>(List.of("host12", "host2", "", "_dmarc", "api", "10", "9", "héllo", "a1b10", "a1b9"));
    keys.sort(NaturalOrder::compare);
    assertThat(keys).containsExactly("", "9", "10", "_dmarc", "a1b9", "a1b10", "api", "host2", "host12", "héllo");
  }
}
