package dev.zonegate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetIsCnameTest {
  private static final RuleType T = TargetIsCname.TYPE;

  private static List<Finding> run(String before, String after) {
    return RuleFixture.run(T, before, after);
  }

  @Test
  void exampleFires() {
    List<Finding> f = run(T.example().before(), T.example().after());
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.rule()).isEqualTo("target-is-cname");
      assertThat(x.name()).isEqualTo("mail.example.com.");
      assertThat(x.message()).contains("becomes a CNAME").contains("example.com. MX 10 mail.example.com.");
    });
  }

  @Test
  void addedMxAtACnameFires() {
    List<Finding> f = run("mail CNAME mx.example.net.\n", "mail CNAME mx.example.net.\n@ MX 10 mail\n");
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.name()).isEqualTo("example.com.");
      assertThat(x.type()).isEqualTo("MX");
      assertThat(x.message()).contains("mail.example.com., which is a CNAME");
    });
  }

  @Test
  void aSetWithSeveralAliasedTargetsSaysThemAllOnce() {
    List<Finding> f = RuleFixture.run(T, "a CNAME h\nb CNAME h\nh A 192.0.2.1\n",
        "a CNAME h\nb CNAME h\nh A 192.0.2.1\n@ MX 10 a\n@ MX 20 b\n@ MX 30 h\n");
    assertThat(f).singleElement().satisfies(x -> assertThat(x.message()).isEqualTo(
        "example.com. MX points at a.example.com., b.example.com., which are CNAMEs; MX targets must be names with"
            + " addresses (RFC 2181 §10.3)"));
  }

  @Test
  void srvAndNsTargetsToo() {
    String cname = "sip CNAME sip.example.net.\n";
    assertThat(run(cname, cname + "_sip._tcp SRV 10 20 5060 sip\n")).hasSize(1);
    assertThat(run(cname, cname + "dev NS sip\n")).hasSize(1);
  }

  @Test
  void targetWithAddressIsQuiet() {
    assertThat(run("mail A 192.0.2.25\n", "mail A 192.0.2.25\n@ MX 10 mail\n")).isEmpty();
  }

  @Test
  void outOfZoneTargetIsQuiet() {
    assertThat(run("\n", "@ MX 10 mx.example.net.\n")).isEmpty();
  }

  @Test
  void cnameTargetsNotReachedByMxNsSrvAreQuiet() {
    assertThat(run("\n", "www CNAME app\napp CNAME cdn.example.net.\n")).isEmpty();
  }

  @Test
  void oldProblemElsewhereIsNotReported() {
    String old = "@ MX 10 mail\nmail CNAME mx.example.net.\n";
    assertThat(run(old, old + "www A 192.0.2.1\n")).isEmpty();
  }

  @Test
  void changedMxAndNewCnameReportedOnce() {
    List<Finding> f = run("@ MX 10 mail\nmail A 192.0.2.25\n", "@ MX 20 mail\nmail CNAME mx.example.net.\n");
    assertThat(f).singleElement().satisfies(x -> assertThat(x.type()).isEqualTo("MX"));
  }

  @Test
  void aZoneJudgedAsNewReportsEachReferrerOnce() {
    // Lint's case: every set is an add, so each referrer is judged by what it points at, and the
    // new CNAME finds no unchanged referrer to report a second time.
    List<Finding> f = run("\n", "@ MX 10 mail\nmail CNAME mx.example.net.\n_sip._tcp SRV 10 20 5060 mail\n");
    assertThat(f).extracting(Finding::type).containsExactly("MX", "SRV");
  }

  @Test
  void anUnchangedReferrerIsReportedBesideChangedOnes() {
    List<Finding> f = run("@ MX 10 mail\nmail A 192.0.2.25\n",
        "@ MX 10 mail\nmail CNAME mx.example.net.\n_sip._tcp SRV 10 20 5060 mail\n");
    assertThat(f).extracting(Finding::type).containsExactly("SRV", "CNAME"); // _sip sorts before mail
    assertThat(f.get(1).message()).contains("becomes a CNAME, but example.com. MX 10 mail.example.com. points at it");
  }
}
