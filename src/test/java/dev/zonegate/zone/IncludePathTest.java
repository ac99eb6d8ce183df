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

  private static final IncludeDirectory ROOT = new IncludeDirectory("", null);

  @Test
  void fromTheIncludingFilesDirectoryOrFromTheServersDirectory() throws Exception {
    assertThat(SourceTree.resolveInclude(TREE, "zones/example.com.zone", null, "common/mail.inc", AT)).isEqualTo("zones/common/mail.inc");
    assertThat(SourceTree.resolveInclude(TREE, "zones/example.com.zone", ROOT, "zones/common/mail.inc", AT)).isEqualTo("zones/common/mail.inc");
    assertThat(SourceTree.resolveInclude(TREE, "zones/common/mail.inc", new IncludeDirectory("zones", null), "common/mail.inc", AT)).isEqualTo("zones/common/mail.inc");
  }

  @Test
  void aDotDotStepsBackOnlyFromADirectoryThatIsThere() throws Exception {
    assertThat(SourceTree.resolveInclude(TREE, "zones/example.com.zone", null, "common/../common/mail.inc", AT))
        .isEqualTo("zones/common/mail.inc");
    assertThatThrownBy(() -> SourceTree.resolveInclude(TREE, "zones/example.com.zone", null, "nope/../common/mail.inc", AT))
        .isInstanceOf(ZoneReadException.class)
        .hasMessageContaining("nope/../common/mail.inc: no such file (the directory zones/nope it passes through is not there)");
    assertThatThrownBy(() -> SourceTree.resolveInclude(TREE, "zones/example.com.zone", ROOT, "../../etc/passwd", AT))
        .isInstanceOf(ZoneReadException.class)
        .hasMessageContaining("escapes the repository");
  }

  @Test
  void anAbsolutePathBelowTheServersDirectoryIsReadFromTheRepositorysCopyOfIt() throws Exception {
    IncludeDirectory etcBind = new IncludeDirectory("zones", "/etc/bind");
    assertThat(SourceTree.resolveInclude(TREE, "zones/example.com.zone", etcBind, "/etc/bind/common/mail.inc", AT))
        .isEqualTo("zones/common/mail.inc");
    assertThat(SourceTree.resolveInclude(TREE, "zones/example.com.zone", etcBind, "common/mail.inc", AT))
        .isEqualTo("zones/common/mail.inc");
    assertThatThrownBy(() -> SourceTree.resolveInclude(TREE, "zones/example.com.zone", etcBind, "/etc/passwd", AT))
        .isInstanceOf(ZoneReadException.class)
        .hasMessageContaining("$INCLUDE of an absolute path is not allowed; name a file inside the repository or below the server's directory /etc/bind");
    assertThatThrownBy(() -> SourceTree.resolveInclude(TREE, "zones/example.com.zone", etcBind, "/etc/bind/../passwd", AT))
        .isInstanceOf(ZoneReadException.class)
        .hasMessageContaining("$INCLUDE /etc/bind/../passwd leaves the server's directory /etc/bind");
    assertThatThrownBy(() -> SourceTree.resolveInclude(TREE, "zones/example.com.zone", ROOT, "/etc/bind/common/mail.inc", AT))
        .isInstanceOf(ZoneReadException.class)
        .hasMessageContaining("$INCLUDE of an absolute path is not allowed; name a file inside the repository");
  }
}
