package dev.zonegate.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zonegate.model.Location;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where an {@code $INCLUDE} (or octoDNS {@code !include}) path leads: from the including file's
 * directory, or from the server's own directory when the zone names it; and only where the system
 * would find the file, which walks every directory a {@code ..} steps back from.
 */
class IncludePathTest {
  private static final Location AT = new Location("zones/example.com.zone", 6);
  private static final MemoryTree TREE = new MemoryTree(Map.of(
      "zones/common/mail.inc", "x".getBytes(StandardCharsets.US_ASCII),
      "zones/example.com.zone", "x".getBytes(StandardCharsets.US_ASCII)));

  @Test
  void fromTheIncludingFilesDirectoryOrFromTheServersDirectory() throws Exception {
    assertThat(SourceTree.resolveInclude(TREE, "zones/example.com.zone", null, "common/mail.inc", AT)).isEqualTo("zones/common/mail.inc");
    assertThat(SourceTree.resolveInclude(TREE, "zones/example.com.zone", "", "zones/common/mail.inc", AT)).isEqualTo("zones/common/mail.inc");
    assertThat(SourceTree.resolveInclude(TREE, "zones/common/mail.inc", "zones", "common/mail.inc", AT)).isEqualTo("zones/common/mail.inc");
  }

  @Test
  void aDotDotStepsBackOnlyFromADirectoryThatIsThere() throws Exception {
    assertThat(SourceTree.resolveInclude(TREE, "zones/example.com.zone", null, "common/../common/mail.inc", AT))
        .isEqualTo("zones/common/mail.inc");
    assertThatThrownBy(() -> SourceTree.resolveInclude(TREE, "zones/example.com.zone", null, "nope/../common/mail.inc", AT))
        .isInstanceOf(ZoneReadException.class)
        .hasMessageContaining("nope/../common/mail.inc: no such file (the directory zones/nope it passes through is not there)");
    assertThatThrownBy(() -> SourceTree.resolveInclude(TREE, "zones/example.com.zone", "", "../../etc/passwd", AT))
        .isInstanceOf(ZoneReadException.class)
        .hasMessageContaining("escapes the repository");
  }
}
