package dev.zonegate.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.model.Change;
import dev.zonegate.model.Zone;
import dev.zonegate.zone.DirectoryTree;
import dev.zonegate.zone.MasterFileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZoneDiffTest {
  @TempDir Path dir;

  private static final String SOA = "@ SOA ns1 hostmaster 2024010101 7200 900 1209600 300\n";

  private Zone zone(String text) throws Exception {
    Path p = Files.createTempFile(dir, "z", ".zone");
    Files.writeString(p, "$ORIGIN example.com.\n$TTL 300\n" + text);
    return new MasterFileReader().read(new DirectoryTree(dir), p.getFileName().toString(), "example.com.");
  }

  private List<Change> diff(String before, String after) throws Exception {
    return ZoneDiff.diff(zone(before), zone(after));
  }

  @Test
  void addDeleteAndUpdateEachGiveOneChangePerRRset() throws Exception {
    List<Change> changes =
        diff(
            "www A 192.0.2.1\nold A 192.0.2.5\nold A 192.0.2.6\npool A 192.0.2.7\n",
            "www A 192.0.2.1\nnew A 192.0.2.9\npool A 192.0.2.8\npool A 192.0.2.7\n");
    assertThat(changes).extracting(Change::toString)
        .containsExactly("add new.example.com. A", "delete old.example.com. A", "update pool.example.com. A");
    Change pool = changes.get(2);
    assertThat(pool.added()).containsExactly("192.0.2.8");
    assertThat(pool.removed()).isEmpty();
    Change old = changes.get(1);
    assertThat(old.beforeRdata()).containsExactly("192.0.2.5", "192.0.2.6");
    assertThat(old.afterRdata()).isEmpty();
    assertThat(old.ttlAfter()).isNull();
  }

  @Test
  void aTtlOnlyChangeIsAnUpdateWithNoRecordsAddedOrRemoved() throws Exception {
    List<Change> changes = diff("www 300 A 192.0.2.1\n", "www 60 A 192.0.2.1\n");
    assertThat(changes).hasSize(1);
    assertThat(changes.get(0).action()).isEqualTo(Change.Action.UPDATE);
    assertThat(changes.get(0).ttlBefore()).isEqualTo(300);
    assertThat(changes.get(0).ttlAfter()).isEqualTo(60);
    assertThat(changes.get(0).added()).isEmpty();
    assertThat(changes.get(0).removed()).isEmpty();
  }

  @Test
  void caseAndRecordOrderAreNoChange() throws Exception {
    assertThat(diff("WWW CNAME Target.Example.COM.\nmx MX 10 A.example.com.\nmx MX 20 b\n",
            "www CNAME target.example.com.\nmx MX 20 B\nmx MX 10 a\n"))
        .isEmpty();
  }

  @Test
  void aSerialOnlySoaChangeIsNoChange() throws Exception {
    assertThat(diff(SOA, SOA.replace("2024010101", "2024010102"))).isEmpty();
  }

  @Test
  void soaTimersAndNamesAreCompared() throws Exception {
    List<Change> changes = diff(SOA, SOA.replace("ns1", "ns9").replace("2024010101", "2024010102"));
    assertThat(changes).extracting(Change::toString).containsExactly("update example.com. SOA");
    assertThat(diff(SOA, SOA.replace(" 300\n", " 60\n"))).hasSize(1);
  }

  @Test
  void anSoaOnOneSideOnlyIsNotCompared() throws Exception {
    assertThat(diff(SOA + "www A 192.0.2.1\n", "www A 192.0.2.1\n")).isEmpty();
    assertThat(diff("www A 192.0.2.1\n", SOA + "www A 192.0.2.1\n")).isEmpty();
  }

  @Test
  void changesComeInCanonicalOrder() throws Exception {
    List<Change> changes = diff("", "b.a A 192.0.2.1\nz A 192.0.2.1\na A 192.0.2.1\n@ MX 1 a\n@ NS ns\n");
    assertThat(changes).extracting(Change::toString)
        .containsExactly(
            "add example.com. NS", "add example.com. MX", "add a.example.com. A",
            "add b.a.example.com. A", "add z.example.com. A");
  }
}
