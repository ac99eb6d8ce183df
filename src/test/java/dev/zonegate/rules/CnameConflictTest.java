package dev.zonegate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CnameConflictTest {
  private static final RuleType T = CnameConflict.TYPE;

  private static List<Finding> run(String before, String after) {
    return RuleFixture.run(T, before, after);
  }

  @Test
  void exampleFires() {
    List<Finding> f = run(T.example().before(), T.example().after());
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.rule()).isEqualTo("cname-conflict");
      assertThat(x.name()).isEqualTo("www.example.com.");
      assertThat(x.message()).contains("a CNAME beside other data (A)");
    });
  }

  @Test
  void addingDataBesideAnExistingCnameFires() {
    List<Finding> f = run("www CNAME cdn.example.net.\n", "www CNAME cdn.example.net.\nwww TXT \"x\"\n");
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.type()).isEqualTo("TXT");
      assertThat(x.message()).contains("beside other data (TXT)");
    });
  }

  @Test
  void apexCnameFires() {
    assertThat(run("\n", "@ CNAME other.example.net.\n")).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("zone apex"));
    // Beside the apex NS the finding points at the CNAME, the line to fix.
    assertThat(run("@ NS ns1.example.net.\n", "@ NS ns2.example.net.\n@ CNAME other.example.net.\n")).singleElement()
        .satisfies(x -> {
          assertThat(x.type()).isEqualTo("CNAME");
          assertThat(x.message()).contains("zone apex").contains("beside other data (NS)");
        });
  }

  @Test
  void severalCnamesFire() {
    assertThat(run("\n", "www CNAME a.example.net.\nwww CNAME b.example.net.\n")).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("2 CNAME records"));
  }

  @Test
  void plainCnameIsQuiet() {
    assertThat(run("www A 192.0.2.1\n", "www CNAME cdn.example.net.\n")).isEmpty();
  }

  @Test
  void oldConflictElsewhereIsNotReported() {
    assertThat(run("old A 192.0.2.1\nold CNAME x.example.net.\n", "old A 192.0.2.1\nold CNAME x.example.net.\nnew A 192.0.2.2\n"))
        .isEmpty();
  }

  @Test
  void deletingBesideAConflictIsNotATouch() {
    // Removing the TXT leaves an old CNAME+A conflict; the deletion introduces nothing.
    assertThat(run("old A 192.0.2.1\nold CNAME x.example.net.\nold TXT \"x\"\n", "old A 192.0.2.1\nold CNAME x.example.net.\n"))
        .isEmpty();
  }

  @Test
  void signaturesBesideACnameAreAllowed() {
    String sig = "www RRSIG CNAME 13 3 300 20300101000000 20200101000000 12345 example.com. AAAA\n";
    assertThat(run("\n", "www CNAME cdn.example.net.\n" + sig)).isEmpty();
    // Their predecessors too, as named keeps them (BindCorpus load/cname-and-sig, cname-and-key).
    assertThat(run("\n", "www CNAME cdn.example.net.\nwww KEY 256 3 8 AwEAAQ==\n")).isEmpty();
    assertThat(run("\n", "www CNAME cdn.example.net.\n"
        + "www SIG A 8 2 300 20300101000000 20200101000000 12345 example.com. AwEAAQ==\n")).isEmpty();
    // An NXT is not kept beside one (named: "CNAME and other data").
    assertThat(run("\n", "www CNAME cdn.example.net.\nwww NXT x.example.com. A\n")).hasSize(1);
  }
}
