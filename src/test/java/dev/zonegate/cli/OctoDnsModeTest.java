package dev.zonegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.testing.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** zonegate as a drop-in check for an octoDNS repository (testdata/octodns-repo). */
class OctoDnsModeTest {
  @TempDir Path tmp;
  GitFixture git;
  String base;
  String config;

  @BeforeEach
  void repo() throws Exception {
    git = GitFixture.init(tmp.resolve("repo")).copy(Path.of("testdata/octodns-repo"));
    base = git.commit("octoDNS zones as deployed");
    config = git.dir().resolve("config/production.yaml").toString();
  }

  /** check judged against base: the config's target is a real Route 53 account. */
  Cli check(String... extra) {
    String[] args = new String[7 + extra.length];
    System.arraycopy(
        new String[] {"check", "--repo", git.dir().toString(), "--octodns-config", config, "--live", "none"}, 0, args, 0, 7);
    System.arraycopy(extra, 0, args, 7, extra.length);
    return Cli.run(Map.of(), "", args);
  }

  String yaml() throws Exception {
    return Files.readString(git.dir().resolve("config/example.com.yaml"));
  }

  @Test
  void theRepositoryLintsClean() {
    Cli r = Cli.run("lint", "--repo", git.dir().toString(), "--octodns-config", config);
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).startsWith("zonegate: pass (2 zones");
  }

  @Test
  void aBenignEditPassesAndOnlyItsZoneIsJudged() throws Exception {
    git.write("config/example.com.yaml", yaml().replace("      - 93.184.215.22\n", "      - 93.184.215.23\n"));
    git.commit("swap one api address");
    Cli r = check("--base", base);
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("example.com.: 0 adds, 0 deletes, 1 update").doesNotContain("example.org.:");
  }

  @Test
  void emptyingTheApiPoolBlocks() throws Exception {
    String y = yaml();
    int start = y.indexOf("api:\n");
    int end = y.indexOf("\n", y.indexOf("type: AAAA", start));
    git.write("config/example.com.yaml", y.substring(0, start) + y.substring(y.indexOf("\n", end + 1) + 1));
    git.commit("drop api");
    Cli r = check("--base", base);
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out()).contains("api.example.com.");
  }

  @Test
  void liveAutoReadsTheTargetAndATargetZonegateCannotReadFailsClosed() throws Exception {
    String c = Files.readString(Path.of(config));
    git.write("config/production.yaml", c.replace("class: octodns_route53.Route53Provider", "class: octodns_ns1.Ns1Provider"));
    git.write("config/example.com.yaml", yaml().replace("      - 93.184.215.22\n", "      - 93.184.215.23\n"));
    git.commit("swap one api address");
    Cli auto = Cli.run(Map.of(), "", "check", "--repo", git.dir().toString(), "--octodns-config", config, "--base", base);
    assertThat(auto.exit()).isEqualTo(2);
    assertThat(auto.err()).isEqualTo("zonegate: error: zone example.com.: cannot read live for it from provider route53 (class"
        + " octodns_ns1.Ns1Provider): zonegate reads Route 53, PowerDNS and Cloudflare targets; --live none judges against base"
        + " instead\n");
    assertThat(check("--base", base).exit()).isZero();
  }

  @Test
  void aTargetWhoseSecretIsWrittenInTheConfigIsRefused() throws Exception {
    String c = Files.readString(Path.of(config));
    git.write("config/production.yaml", c.replace("secret_access_key: env/AWS_SECRET_ACCESS_KEY", "secret_access_key: hunter2"));
    git.commit("a secret in the config");
    // Judged against base, the target is never asked, and its secret is not zonegate's business.
    assertThat(check("--base", base).exit()).isZero();
    Cli r = Cli.run(Map.of(), "", "check", "--repo", git.dir().toString(), "--octodns-config", config, "--base", base);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("production.yaml:").contains("writes its secret_access_key in the config")
        .doesNotContain("hunter2");
  }

  @Test
  void keysOutOfOrderAreAParseErrorAsOctoDnsWouldRefuseThem() throws Exception {
    git.write("config/example.com.yaml", yaml() + "aaa:\n  type: A\n  value: 93.184.215.99\n");
    git.commit("unsorted");
    Cli r = check("--base", base);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("zone-parse-error").contains("keys out of order: 'aaa'");
  }

  @Test
  void enforceOrderFalseReadsKeysOutOfOrderAsOctoDnsDoes() throws Exception {
    String c = Files.readString(Path.of(config));
    git.write("config/production.yaml", c.replace("enforce_order: true", "enforce_order: false"));
    git.write("config/example.com.yaml", yaml() + "aaa:\n  type: A\n  value: 93.184.215.99\n");
    git.commit("unsorted, and the provider no longer minds");
    Cli r = check("--base", base);
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("+ add    aaa.example.com. A");
  }

  @Test
  void escapedSemicolonsDecidesHowATxtSemicolonIsRead() throws Exception {
    // Last in natural order, after www:, so that only the semicolon is under test.
    git.write("config/example.com.yaml", yaml() + "zdkim:\n  type: TXT\n  value: v=DKIM1; k=rsa\n");
    git.commit("a TXT with a bare semicolon");
    // octoDNS's default (escaped_semicolons: true) refuses an unescaped ';'.
    Cli strict = check("--base", base);
    assertThat(strict.exit()).as(strict.out() + strict.err()).isEqualTo(1);
    assertThat(strict.out()).contains("zone-parse-error").contains("unescaped ;");
    // With escaped_semicolons: false octoDNS escapes it itself, and the record is read.
    String c = Files.readString(Path.of(config));
    git.write("config/production.yaml", c.replace("enforce_order: true", "enforce_order: true\n    escaped_semicolons: false"));
    // Then the repository's escaped DMARC would be escaped twice, which octoDNS refuses: unescape it.
    git.write("config/example.com.yaml", yaml().replace("\\;", ";"));
    git.commit("plain semicolons");
    Cli plain = check("--base", base);
    assertThat(plain.exit()).as(plain.out() + plain.err()).isZero();
    assertThat(plain.out()).contains("+ add    zdkim.example.com. TXT");
  }

  @Test
  void defaultTtlIsTheTtlOfRecordsWithoutOne() throws Exception {
    // status names no TTL: under default_ttl 300, writing "ttl: 300" out changes nothing, and
    // "ttl: 3600" (octoDNS's own default) is a TTL update.
    String c = Files.readString(Path.of(config));
    Files.writeString(Path.of(config), c.replace("default_ttl: 3600", "default_ttl: 300"));
    String status = "status:\n  type: CNAME\n";
    assertThat(yaml()).contains(status);
    git.write("config/example.com.yaml", yaml().replace(status, "status:\n  ttl: 300\n  type: CNAME\n"));
    git.commit("status ttl written out");
    Cli same = check("--base", base);
    assertThat(same.out()).as(same.err()).contains("example.com.: 0 adds, 0 deletes, 0 updates");
    git.write("config/example.com.yaml", yaml().replace("status:\n  ttl: 300\n", "status:\n  ttl: 3600\n"));
    git.commit("status ttl 3600");
    Cli moved = check("--base", base, "--format", "json");
    assertThat(moved.out()).contains("\"ttlBefore\" : 300").contains("\"ttlAfter\" : 3600");
  }

  @Test
  void aDefaultTtlThatIsNoTtlIsAConfigErrorWithItsLine() throws Exception {
    String c = Files.readString(Path.of(config));
    git.write("config/production.yaml", c.replace("default_ttl: 3600", "default_ttl: 1h"));
    git.commit("bad default_ttl");
    Cli r = check("--base", base);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("zonegate: error: ").contains("production.yaml:15")
        .contains("default_ttl must be a whole number of seconds");
  }

  /** The repository's config with {@code processors:} defined and run by example.com. */
  void withProcessors(String definitions, String names) throws Exception {
    String c = Files.readString(Path.of(config));
    git.write("config/production.yaml", c.replace("providers:\n", "processors:\n" + definitions + "\nproviders:\n")
        .replace("  example.com.:\n    sources:\n      - config\n", "  example.com.:\n    sources:\n      - config\n"
            + "    processors: [ " + names + " ]\n"));
  }

  static final String ONLY_WEB =
      "  only-web:\n    class: octodns.processor.filter.TypeAllowlistFilter\n    allowlist: [ A, AAAA, CNAME ]\n";

  @Test
  void whatATypeFilterLeavesAloneIsNotComparedButTheRulesStillSeeIt() throws Exception {
    withProcessors(ONLY_WEB, "only-web");
    base = git.commit("manage only A, AAAA and CNAME");
    // An MX change: octoDNS filters MX out here and at the target, so it deploys nothing.
    git.write("config/example.com.yaml", yaml().replace("preference: 20", "preference: 30"));
    git.commit("MX preference");
    Cli mx = check("--base", base);
    assertThat(mx.exit()).as(mx.out() + mx.err()).isZero();
    assertThat(mx.out()).contains("example.com.: 0 adds, 0 deletes, 0 updates")
        .contains("ignored: config/example.com.yaml:5: '' MX: processor 'only-web'"
            + " (octodns.processor.filter.TypeAllowlistFilter) filters it out of the zone and out of the target's, so"
            + " octoDNS leaves it alone there: not compared");
    // The MX taken out of the file: octoDNS still leaves the target's alone, so nothing is deployed.
    String withMx = yaml();
    String withoutMx = withMx.replaceAll("  - type: MX\n    values:\n      - exchange: mx1.example.com.\n        preference: 10\n"
        + "      - exchange: mx2.example.com.\n        preference: \\d+\n", "");
    assertThat(withoutMx).doesNotContain("type: MX");
    git.write("config/example.com.yaml", withoutMx);
    git.commit("MX out of the file");
    Cli noMx = check("--base", base);
    assertThat(noMx.exit()).as(noMx.out() + noMx.err()).isZero();
    assertThat(noMx.out()).contains("example.com.: 0 adds, 0 deletes, 0 updates");
    git.write("config/example.com.yaml", withMx);
    git.commit("MX back");
    // mx1's address goes: the MX octoDNS leaves alone at the target still points there.
    String y = yaml();
    int start = y.indexOf("mx1:\n");
    git.write("config/example.com.yaml", y.substring(0, start) + y.substring(y.indexOf("mx2:\n")));
    git.commit("drop mx1");
    Cli gone = check("--base", base);
    assertThat(gone.exit()).as(gone.out() + gone.err()).isEqualTo(1);
    assertThat(gone.out()).contains("mx1.example.com.").contains("MX");
  }

  @Test
  void aFilterOfTheSourcesAloneTellsThatOctoDnsDeletesWhatItTakesOut() throws Exception {
    withProcessors("  no-txt:\n    class: octodns.processor.filter.TypeRejectlistFilter\n    rejectlist: [ TXT ]\n"
        + "    include_target: false\n", "no-txt");
    git.commit("no TXT at the source");
    Cli r = check("--base", base);
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("warning: config/example.com.yaml:17: zone example.com.: processor 'no-txt' (octodns.processor.filter.TypeRejectlistFilter)"
        + " takes 2 records out of the zone before octoDNS plans (first '' TXT), and nothing makes octoDNS leave them"
        + " alone at the target, so octoDNS deletes them there; judged as absent");
  }

  @Test
  void aZoneNameFilterRefusesANameWrittenWithTheZones() throws Exception {
    withProcessors("  zone-name:\n    class: octodns.processor.filter.ZoneNameFilter\n", "zone-name");
    base = git.commit("refuse names written with the zone's");
    String y = yaml();
    git.write("config/example.com.yaml", y + "www.example.com:\n  type: A\n  value: 93.184.215.30\n");
    git.commit("a name written absolute without its dot");
    Cli r = check("--base", base);
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out()).contains("(config/example.com.yaml:" + (y.lines().count() + 1) + ")").contains("'www.example.com' A: its name ends with the zone's"
        + " name, and processor 'zone-name' (octodns.processor.filter.ZoneNameFilter) makes octoDNS refuse such a record");
  }

  @Test
  void aFilterOctoDnsCannotBuildIsAConfigError() throws Exception {
    withProcessors("  only-web:\n    class: octodns.processor.filter.TypeAllowlistFilter\n", "only-web");
    git.commit("a filter without its list");
    Cli r = check("--base", base);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("zonegate: error: ").contains("config/production.yaml:")
        .contains("processor 'only-web' (TypeAllowlistFilter) needs its allowlist").hasLineCount(1);
  }

  @Test
  void includeMetaRecordIsOctoDnsBookkeepingNotComparedAndNotToBeWrittenByHand() throws Exception {
    String c = Files.readString(Path.of(config));
    git.write("config/production.yaml", c.replace("manager:\n", "manager:\n  include_meta: true\n"));
    base = git.commit("octoDNS writes its meta record");
    git.write("config/example.com.yaml", yaml().replace("      - 93.184.215.22\n", "      - 93.184.215.23\n"));
    git.commit("swap one api address");
    Cli r = check("--base", base);
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("example.com.: 0 adds, 0 deletes, 1 update")
        .contains("'octodns-meta' TXT: processor 'meta' (octodns.processor.meta.MetaProcessor) writes this record itself"
            + " when octoDNS plans (its values are octoDNS's bookkeeping): not compared");
    git.write("config/example.com.yaml", yaml().replace("status:\n", "octodns-meta:\n  type: TXT\n  value: by hand\nstatus:\n"));
    git.commit("a meta record by hand");
    Cli own = check("--base", base);
    assertThat(own.exit()).as(own.out() + own.err()).isEqualTo(1);
    assertThat(own.out()).contains("zone-parse-error").contains("'octodns-meta' TXT: processor 'meta'"
        + " (octodns.processor.meta.MetaProcessor) adds a TXT record of this name itself when octoDNS plans, and octoDNS"
        + " fails the plan on the duplicate");
  }
}
