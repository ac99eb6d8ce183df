package dev.zonegate.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zonegate.model.Location;
import dev.zonegate.model.Notice;
import dev.zonegate.model.Zone;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link MasterFileReader#readLenient}: a broken base read the way named lives with it. */
class MasterFileLenientTest {
  private static MemoryTree tree(String... pathsAndTexts) {
    Map<String, byte[]> files = new HashMap<>();
    for (int i = 0; i < pathsAndTexts.length; i += 2) {
      files.put(pathsAndTexts[i], pathsAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
    }
    return new MemoryTree(files);
  }

  private static Zone lenient(MemoryTree tree) throws ZoneReadException {
    return new MasterFileReader().readLenient(tree, "z.db", "example.com.");
  }

  private static List<String> notices(Zone z) {
    return z.notices().stream().map(Notice::toString).toList();
  }

  @Test
  void badRecordsAreSkippedWithANoticeEachAndTheRestIsRead() throws Exception {
    MemoryTree t =
        tree(
            "z.db",
            String.join(
                "\n",
                "$TTL 300",
                "@ SOA ns1 hostmaster 1 7200 900 1209600 300",
                "@ NS ns1",
                "ns1 A 192.0.2.1",
                "bad A 192.0.2.300",
                "www A 192.0.2.2",
                "worse MX ten mail.example.net.",
                "mail A 192.0.2.3",
                ""));
    assertThatThrownBy(() -> new MasterFileReader().read(t, "z.db", "example.com.")).isInstanceOf(ZoneReadException.class);
    Zone z = lenient(t);
    assertThat(z.get("www.example.com.", "A").rdata()).containsExactly("192.0.2.2");
    assertThat(z.get("mail.example.com.", "A").rdata()).containsExactly("192.0.2.3");
    assertThat(z.get("ns1.example.com.", "A")).isNotNull();
    assertThat(z.get("bad.example.com.", "A")).isNull();
    assertThat(z.get("worse.example.com.", "MX")).isNull();
    assertThat(z.notices()).hasSize(2);
    assertThat(z.notices().get(0).location()).isEqualTo(new Location("z.db", 5));
    assertThat(z.notices().get(1).location()).isEqualTo(new Location("z.db", 7));
    assertThat(notices(z).get(0)).contains("skipped: ").contains("192.0.2.300");
  }

  @Test
  void aRecordOverSeveralLinesIsSkippedWhole() throws Exception {
    Zone z =
        lenient(
            tree(
                "z.db",
                "$TTL 300\nbad MX ( ten\n  mail.example.net. )\nwww A 192.0.2.2\n  AAAA 2001:db8::2\n"));
    assertThat(z.get("www.example.com.", "AAAA")).isNotNull();
    assertThat(z.notices()).hasSize(1);
    assertThat(z.notices().get(0).location().line()).isEqualTo(2);
  }

  @Test
  void aParenthesisLeftOpenAtTheEndIsSkipped() throws Exception {
    Zone z = lenient(tree("z.db", "$TTL 300\nwww A 192.0.2.2\ntxt TXT \"hello\" (\n"));
    assertThat(z.get("www.example.com.", "A")).isNotNull();
    assertThat(notices(z)).singleElement().asString().contains("z.db:3").contains("skipped: ").contains("not closed");
  }

  @Test
  void includeProblemsBecomeNotices() throws Exception {
    MemoryTree t =
        tree(
            "z.db", "$TTL 300\n$INCLUDE missing.inc\n$INCLUDE /etc/passwd\n$INCLUDE good.inc\nwww A 192.0.2.2\n$INCLUDE z.db\n",
            "good.inc", "inc A 192.0.2.9\nbroken A 1.2.3\n");
    Zone z = lenient(t);
    assertThat(z.get("www.example.com.", "A")).isNotNull();
    assertThat(z.get("inc.example.com.", "A")).isNotNull();
    assertThat(notices(z)).hasSize(4);
    assertThat(notices(z).get(0)).contains("z.db:2").contains("missing.inc");
    assertThat(notices(z).get(1)).contains("z.db:3").contains("absolute path");
    assertThat(String.join("\n", notices(z))).contains("good.inc:2").contains("z.db:6").contains("cycle");
  }

  @Test
  void recordsOutsideTheZoneAreSkipped() throws Exception {
    Zone z = lenient(tree("z.db", "$TTL 300\nwww A 192.0.2.2\nevil.example.net. A 192.0.2.66\n"));
    assertThat(z.recordCount()).isEqualTo(1);
    assertThat(notices(z)).singleElement().asString().contains("z.db:3").contains("outside the zone");
  }

  @Test
  void aGoodFileReadsAsStrictlyAndWithoutNotices() throws Exception {
    String text = BindCorpus.SKELETON + "www A 192.0.2.2\n";
    MemoryTree t = tree("z.db", text);
    Zone z = lenient(t);
    assertThat(z).isEqualTo(new MasterFileReader().read(t, "z.db", "example.com."));
    assertThat(z.notices()).isEmpty();
  }

  @Test
  void garbageThrows() {
    assertThatThrownBy(() -> lenient(tree("z.db", "this is not\na zone file at all\n\u0000\u0001 (\n")))
        .isInstanceOf(ZoneReadException.class)
        .hasMessageStartingWith("z.db:");
  }

  @Test
  void aMissingFileThrows() {
    assertThatThrownBy(() -> lenient(tree("other.db", "")))
        .isInstanceOf(ZoneReadException.class)
        .hasMessageContaining("z.db");
  }

  @Test
  void otherReadersReadStrictlyByDefault() throws Exception {
    ZoneReader r = (tree, path, origin) -> Zone.empty("example.com.");
    assertThat(r.readLenient(tree("z.db", ""), "z.db", "example.com.").isEmpty()).isTrue();
  }
}
