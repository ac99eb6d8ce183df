package dev.zonegate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailChangeTest {
  private static final RuleType T = MailChange.TYPE;
  private static final String MX = "@ MX 10 mx1.example.net.\n@ MX 20 mx2.example.net.\n";
  private static final String SPF = "@ TXT \"v=spf1 mx include:_spf.example.net -all\"\n";
  private static final String VERIFY = "@ TXT \"google-site-verification=abc\"\n";
  private static final String DMARC = "_dmarc TXT \"v=DMARC1; p=reject; rua=mailto:dmarc@example.com\"\n";

  @Test
  void exampleFires() {
    List<Finding> f = RuleFixture.run(T, T.example().before(), T.example().after());
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.rule()).isEqualTo("mail-change");
      assertThat(x.severity()).isEqualTo(Severity.BLOCK);
    });
  }

  @Test
  void anEmptiedMxSetBlocks() {
    List<Finding> f = RuleFixture.run(T, MX + SPF, SPF);
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.BLOCK);
      assertThat(x.name()).isEqualTo("example.com.");
      assertThat(x.type()).isEqualTo("MX");
      assertThat(x.message()).contains("apex MX set deleted", "mx1.example.net.", "RFC 5321");
    });
  }

  @Test
  void aNullMxAloneAfterRealOnesBlocks() {
    List<Finding> f = RuleFixture.run(T, MX, "@ MX 0 .\n");
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.BLOCK);
      assertThat(x.message()).contains("null MX", "RFC 7505", "stops accepting mail");
    });
  }

  @Test
  void everyMxReplacedAtOnceWarns() {
    // A provider move: planned, but the new servers must be ready before caches expire.
    List<Finding> f = RuleFixture.run(T, MX, "@ MX 0 example-com.mail.protection.example.org.\n");
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.WARN);
      assertThat(x.message()).contains("every MX of example.com. is replaced at once",
          "mx1.example.net., mx2.example.net. by example-com.mail.protection.example.org.");
    });
  }

  @Test
  void mxChangesThatKeepAServerAndNullMxRemovalAreQuiet() {
    assertThat(RuleFixture.run(T, MX, "@ MX 10 mx1.example.net.\n@ MX 30 mx9.example.org.\n")).isEmpty();
    assertThat(RuleFixture.run(T, MX, "@ MX 20 mx1.example.net.\n@ MX 10 mx2.example.net.\n")).isEmpty();
    // The same server under another in-zone name: an alias of it, or a name with its address.
    String mail = "mail A 192.0.2.25\n";
    assertThat(RuleFixture.run(T, "@ MX 10 mail\n" + mail, "@ MX 10 smtp\nsmtp CNAME mail\n" + mail)).isEmpty();
    assertThat(RuleFixture.run(T, "@ MX 10 mail\n" + mail, "@ MX 10 mx\nmx A 192.0.2.25\n" + mail)).isEmpty();
    assertThat(RuleFixture.run(T, "@ MX 0 .\nwww A 93.184.216.34\n", "www A 93.184.216.34\n")).isEmpty();
    assertThat(RuleFixture.run(T, "", MX)).isEmpty();
    assertThat(RuleFixture.run(T, "mail MX 10 mx1.example.net.\n", "")).isEmpty(); // not the apex
  }

  @Test
  void spfRemovedWarns() {
    List<Finding> f = RuleFixture.run(T, SPF + VERIFY, VERIFY);
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.WARN);
      assertThat(x.name()).isEqualTo("example.com.");
      assertThat(x.type()).isEqualTo("TXT");
      assertThat(x.message()).contains("SPF record at example.com. removed");
      assertThat(x.before()).containsExactly("\"v=spf1 mx include:_spf.example.net -all\"");
      assertThat(x.after()).isEmpty();
    });
  }

  @Test
  void emptyingMxAndDroppingSpfGiveABlockAndAWarn() {
    List<Finding> f = RuleFixture.run(T, MX + SPF + DMARC, "www A 93.184.216.34\n");
    assertThat(f).extracting(Finding::severity)
        .containsExactlyInAnyOrder(Severity.BLOCK, Severity.WARN, Severity.WARN);
  }

  @Test
  void malformedSpfWarns() {
    assertThat(RuleFixture.run(T, SPF, "@ TXT \"v=spf1 include:_spf.example.net\"\n")).singleElement()
        .satisfies(x -> {
          assertThat(x.severity()).isEqualTo(Severity.WARN);
          assertThat(x.message()).contains("malformed", "no trailing 'all' or 'redirect='");
        });
    assertThat(RuleFixture.run(T, SPF, SPF + "@ TXT \"v=spf1 -all\"\n")).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("has 2 v=spf1 records", "RFC 7208"));
    assertThat(RuleFixture.run(T, SPF, "@ TXT \"v=spf1 ip4:10.0.0.300 -all\"\n")).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("'ip4:10.0.0.300'"));
  }

  @Test
  void validSpfChangesAndUnrelatedTxtChangesAreQuiet() {
    assertThat(RuleFixture.run(T, SPF, "@ TXT \"v=spf1 mx ip4:93.184.216.0/24 ip6:2606:2800::/32 ~all\"\n")).isEmpty();
    assertThat(RuleFixture.run(T, SPF, "@ TXT \"v=spf1 a:mail.example.com/24 redirect=_spf.example.net\"\n")).isEmpty();
    // An SPF record split into strings is read joined (RFC 7208 §3.3).
    assertThat(RuleFixture.run(T, SPF, "@ TXT \"v=spf1 mx include:_spf.exa\" \"mple.net -all\"\n")).isEmpty();
    // An old malformed SPF is not the problem of a change that adds another TXT.
    String bad = "@ TXT \"v=spf1 mx\"\n";
    assertThat(RuleFixture.run(T, bad, bad + VERIFY)).isEmpty();
  }

  @Test
  void dmarcRemovedOrMalformedWarns() {
    assertThat(RuleFixture.run(T, DMARC, "")).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.WARN);
      assertThat(x.name()).isEqualTo("_dmarc.example.com.");
      assertThat(x.message()).contains("DMARC record at _dmarc.example.com. removed");
    });
    assertThat(RuleFixture.run(T, DMARC, "_dmarc TXT \"v=DMARC1; p=maybe\"\n")).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("malformed", "p=maybe"));
    assertThat(RuleFixture.run(T, DMARC, "_dmarc TXT \"v=DMARC1; rua=mailto:d@example.com\"\n")).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("no p= policy"));
    assertThat(RuleFixture.run(T, DMARC, "_dmarc TXT \"v=dmarc1; p=reject\"\n")).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("must start with 'v=DMARC1;'"));
  }

  @Test
  void validDmarcChangesAreQuiet() {
    assertThat(RuleFixture.run(T, DMARC, "_dmarc TXT \"v=DMARC1; p=quarantine; pct=50\"\n")).isEmpty();
    assertThat(RuleFixture.run(T, "", DMARC)).isEmpty();
  }

  @Test
  void spfAndDmarcNeverWeighMoreThanWarnButMayWeighLess() {
    RuleSpec info = new RuleSpec("mail", T.name(), Severity.INFO, Scope.ALL, Map.of(), true, true, null, null);
    List<Finding> f = RuleFixture.run(info, T, List.of(), RuleFixture.zone(MX + SPF), RuleFixture.zone(""));
    assertThat(f).extracting(Finding::severity).containsOnly(Severity.INFO).hasSize(2);
  }

  @Test
  void spfSyntax() {
    assertThat(MailChange.spfProblems("v=spf1 -all")).isEmpty();
    assertThat(MailChange.spfProblems("v=spf1 ?all exp=explain.example.com")).isEmpty();
    assertThat(MailChange.spfProblems("v=spf1 +all")).singleElement().asString().contains("every host");
    assertThat(MailChange.spfProblems("v=spf1 all")).singleElement().asString().contains("every host");
    assertThat(MailChange.spfProblems("v=spf1 -all mx")).singleElement().asString().contains("after 'all'");
    assertThat(MailChange.spfProblems("v=spf1 foo:bar -all")).singleElement().asString().contains("not an SPF mechanism");
    assertThat(MailChange.spfProblems("v=spf1 include -all")).singleElement().asString().contains("needs ':domain'");
    assertThat(MailChange.spfProblems("v=spf1 redirect=a.example redirect=b.example")).singleElement().asString()
        .contains("more than once");
    assertThat(MailChange.spfProblems("v=spf1 ip6:2001:db8::/32 mx/24 -all")).isEmpty();
  }

  @Test
  void txtTextIsUnquotedAndJoined() {
    assertThat(MailChange.text("\"v=spf1 \" \"-all\"")).isEqualTo("v=spf1 -all");
    assertThat(MailChange.text("\"say \\\"hi\\\" \\059\"")).isEqualTo("say \"hi\" ;");
  }

  @Test
  void mxFindingsKeepTheConfiguredSeverity() {
    RuleSpec warn = new RuleSpec("mail", T.name(), Severity.WARN, Scope.ALL, Map.of(), true, true, null, null);
    List<Finding> f = new ArrayList<>(RuleFixture.run(warn, T, List.of(), RuleFixture.zone(MX), RuleFixture.zone("")));
    assertThat(f).singleElement().extracting(Finding::severity).isEqualTo(Severity.WARN);
  }

  @Test
  void anInZoneAliasChainIsFollowedForEightHopsOnly() {
    // The MX moves to the end of an alias chain: the same server if the chain is short enough to
    // follow, a provider move as far as the rule can tell once it is longer than eight hops.
    StringBuilder eight = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      eight.append("a").append(i).append(" CNAME a").append(i + 1).append('\n');
    }
    String end8 = eight + "a8 A 192.0.2.8\n";
    assertThat(RuleFixture.run(T, "@ MX 10 a0\n" + end8, "@ MX 10 a8\n" + end8)).isEmpty();
    String end9 = eight + "a8 CNAME a9\na9 A 192.0.2.9\n";
    assertThat(RuleFixture.run(T, "@ MX 10 a0\n" + end9, "@ MX 10 a9\n" + end9)).singleElement()
        .satisfies(x -> {
          assertThat(x.severity()).isEqualTo(Severity.WARN);
          assertThat(x.message()).startsWith("every MX of example.com. is replaced at once (a0.example.com. by a9.example.com.)");
        });
  }

  @Test
  void mechanismsNeedANonEmptyArgumentAfterTheColon() {
    // 'include:' or 'a:' with nothing after the colon names no domain: receivers return permerror.
    assertThat(MailChange.spfProblems("v=spf1 include: -all")).containsExactly("'include:' needs ':domain'");
    assertThat(MailChange.spfProblems("v=spf1 exists:x -all")).isEmpty();
    assertThat(MailChange.spfProblems("v=spf1 a: -all")).containsExactly("'a:' is malformed");
    assertThat(MailChange.spfProblems("v=spf1 mx:x a -all")).isEmpty();
    assertThat(MailChange.spfProblems("v=spf1 ptr: -all")).containsExactly("'ptr:' is malformed");
    assertThat(MailChange.spfProblems("v=spf1 ptr/24 -all")).containsExactly("'ptr/24' is malformed");
    assertThat(MailChange.spfProblems("v=spf1 ptr ptr:x.example -all")).isEmpty();
  }

  @Test
  void ipMechanismsNeedAnAddressOfTheirOwnFamily() {
    assertThat(MailChange.spfProblems("v=spf1 ip4 -all"))
        .containsExactly("'ip4' needs ':address[/prefix]' with a valid ip4 address");
    assertThat(MailChange.spfProblems("v=spf1 ip4:2001:db8::/32 -all"))
        .containsExactly("'ip4:2001:db8::/32' needs ':address[/prefix]' with a valid ip4 address");
    assertThat(MailChange.spfProblems("v=spf1 ip6:192.0.2.0/24 -all"))
        .containsExactly("'ip6:192.0.2.0/24' needs ':address[/prefix]' with a valid ip6 address");
    assertThat(MailChange.spfProblems("v=spf1 ip4:192.0.2.0/24 -all")).isEmpty();
  }

  @Test
  void anEqualsSignMakesAModifierOnlyBeforeAnyColonOrSlash() {
    // RFC 7208 §12: a modifier is 'name=value' with a name; '=' after ':' or '/' is part of a
    // mechanism's argument, and a term starting with ':', '/' or '=' is no modifier at all.
    assertThat(MailChange.spfProblems("v=spf1 include:a=b.example mx/24=x -all")).isEmpty();
    assertThat(MailChange.spfProblems("v=spf1 =foo -all")).containsExactly("'=foo' is not an SPF mechanism");
    assertThat(MailChange.spfProblems("v=spf1 :x=y -all")).containsExactly("':x=y' is not an SPF mechanism");
    assertThat(MailChange.spfProblems("v=spf1 /x=y -all")).containsExactly("'/x=y' is not an SPF mechanism");
    assertThat(MailChange.spfProblems("v=spf1 x.y=z -all")).isEmpty();
  }

  @Test
  void redirectAndExpMustNameADomainOnce() {
    assertThat(MailChange.spfProblems("v=spf1 redirect=")).containsExactly("'redirect=' names no domain");
    assertThat(MailChange.spfProblems("v=spf1 -all exp=")).containsExactly("'exp=' names no domain");
    assertThat(MailChange.spfProblems("v=spf1 -all exp=a.example exp=b.example"))
        .containsExactly("'exp=' appears more than once");
    // Unknown modifiers may be empty and repeat (RFC 7208 §6).
    assertThat(MailChange.spfProblems("v=spf1 -all foo= foo= exp=a.example")).isEmpty();
    assertThat(MailChange.spfProblems("v=spf1 redirect=a.example")).isEmpty();
  }

  @Test
  void aDmarcSubdomainPolicyMustBeAPolicy() {
    assertThat(MailChange.dmarcProblem("v=DMARC1; p=reject; sp=bogus")).isEqualTo("sp=bogus is not none, quarantine or reject");
    assertThat(MailChange.dmarcProblem("v=DMARC1; p=reject; sp=None")).isNull();
  }

  @Test
  void trailingAndShortEscapesAreKeptAsWritten() {
    // A backslash at the very end escapes nothing; '\\12' is no three-digit escape.
    assertThat(MailChange.text("\"a\\")).isEqualTo("a\\");
    assertThat(MailChange.text("\"a\\12")).isEqualTo("a12");
    assertThat(MailChange.text("\"a\\123")).isEqualTo("a{");
  }
}
