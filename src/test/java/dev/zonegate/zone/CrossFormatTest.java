package dev.zonegate.zone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.diff.ZoneDiff;
import dev.zonegate.model.Zone;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** testdata/formats holds one zone written three ways; every reader must see the same zone. */
class CrossFormatTest {
  static Zone read(String file) throws Exception {
    return ZoneFiles.read(Path.of("testdata/formats", file), "example.com.", null);
  }

  @Test
  void masterOctoDnsAndRoute53GiveTheSameSnapshot() throws Exception {
    Zone master = read("example.com.zone");
    Zone yaml = read("example.com.yaml");
    Zone json = read("example.com.json");
    assertThat(master.rrsets().size()).isEqualTo(23);
    assertThat(yaml.rrsets()).isEqualTo(master.rrsets());
    assertThat(json.rrsets()).isEqualTo(master.rrsets());
    assertThat(ZoneDiff.diff(master, yaml)).isEmpty();
    assertThat(ZoneDiff.diff(yaml, json)).isEmpty();
    assertThat(ZoneDiff.diff(json, master)).isEmpty();
    assertThat(master.notices()).isEmpty();
    assertThat(yaml.notices()).isEmpty();
    assertThat(json.notices()).isEmpty();
  }
}
