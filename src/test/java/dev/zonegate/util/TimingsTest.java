package dev.zonegate.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimingsTest {
  @AfterEach
  void clear() {
    Timings.reset();
  }

  @Test
  void partsFollowTheirStageAndDetailsOnlyWhenTheyMatter() {
    long now = System.nanoTime();
    Timings.addNanos("read", 500_000_000L);
    Timings.addNanos("read.parse", 300_000_000L);
    Timings.add("rules", now - 250_000_000L);
    Timings.addDetail("rules.slow-rule", now - 200_000_000L);
    Timings.addDetail("rules.quick-rule", System.nanoTime()); // nothing to speak of
    assertThat(Timings.summary()).matches("read 0\\.50 s \\[parse 0\\.30 s\\], rules 0\\.2[5-9] s \\[slow-rule 0\\.[2-9][0-9] s\\]");
  }
}
