package dev.zonegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.report.Renderer;
import dev.zonegate.report.ReportWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DiffCommandTest {
  static final String LIVE = "testdata/demo/live.zone";
  static final String PROPOSED = "testdata/demo/proposed.zone";

  @TempDir Path dir;

  @Test
  void theDemoBlocksTheEmptiedEndpointAndSaysHowToAllowIt() {
    Cli r = Cli.run("diff", LIVE, PROPOSED);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .startsWith("zonegate: block (1 zone, 3 changes, 2 blocking, 0 warnings)\n")
        .contains("block   address-emptied db.us-east-1.example.com. A")
        .contains("block   dangling-reference db.us-east-1.example.com. A")
        // Two files have no commits: the hint offers only what diff reads.
        .contains("        to allow: --allow address-emptied:db.us-east-1.example.com.\n")
        .doesNotContain("Zonegate-Allow")
        .contains("example.com.: 0 adds, 1 delete, 2 updates")
        .contains("- delete db.us-east-1.example.com. A ttl 60  [93.184.215.51, 93.184.215.52, 93.184.215.53]")
        .contains("~ update api.example.com. A ttl 60  -[93.184.215.21]  +[93.184.215.22]")
        .contains("~ update status.example.com. CNAME ttl 300->60");
  }

  @Test
  void allowingEachBlockingRulePassesAndTheReportSaysWhoAllowedIt() {
    Cli r = Cli.run("diff", LIVE, PROPOSED, "--allow", "address-emptied:db.us-east-1", "--allow", "dangling-reference");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .startsWith("zonegate: pass")
        .contains("allowed address-emptied db.us-east-1.example.com. A")
        .contains("allowed by --allow address-emptied:db.us-east-1");
  }

  /**
   * {@code --check-names} says what the server loading the files does with a name check-names
   * finds; a value it does not know, or given for a file that is not a master file, is exit 2.
   */
  @Test
  void checkNamesTakesTheServersSettingAndRefusesWhatCannotApply() {
    String dir = "testdata/scenarios/check-names-warn-keeps-underscore-hosts/";
    Cli byDefault = Cli.run("diff", dir + "old.zone", dir + "new.zone");
    assertThat(byDefault.exit()).isEqualTo(1);
    assertThat(byDefault.out()).contains("block   zone-parse-error example.com.");
    Cli warn = Cli.run("diff", dir + "old.zone", dir + "new.zone", "--check-names", "warn");
    assertThat(warn.exit()).isZero();
    assertThat(warn.err()).contains("new.zone:11: owner build_01.example.com. is not a host name, which a A record needs"
        + " (letters, digits, inner hyphens); named loads the zone with a warning (check-names warn), here and at 2 more records");
    Cli ignore = Cli.run("diff", dir + "old.zone", dir + "new.zone", "--check-names=ignore");
    assertThat(ignore.exit()).isZero();
    assertThat(ignore.err()).isEmpty();
    Cli unknown = Cli.run("diff", dir + "old.zone", dir + "new.zone", "--check-names", "off");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).isEqualTo("zonegate: error: unknown check-names setting 'off' (expected fail, warn or ignore)\n");
    Cli yaml = Cli.run("diff", dir + "old.zone", dir + "new.zone", "--format-in", "octodns", "--check-names", "warn");
    assertThat(yaml.exit()).isEqualTo(2);
    assertThat(yaml.err()).contains("--check-names is named's setting for master files; this file is read as octodns");
  }

  /**
   * {@code --include-directory} says where the server loading the files takes relative
   * {@code $INCLUDE} paths from (named's {@code directory}); without it, from the including file's.
   */
  @Test
  void includeDirectoryIsWhereTheServerTakesIncludesFrom() throws Exception {
    Files.createDirectories(dir.resolve(".git"));
    Files.createDirectories(dir.resolve("zones/common"));
    Files.writeString(dir.resolve("zones/common/mail.inc"), "@ MX 10 mail\nmail A 93.184.215.25\n");
    String zone = "$ORIGIN example.com.\n$TTL 300\n@ SOA ns1.example.net. hostmaster.example.com. 1 7200 900 1209600 300\n"
        + "@ NS ns1.example.net.\n@ NS ns2.example.org.\n$INCLUDE zones/common/mail.inc\n";
    Files.writeString(dir.resolve("zones/old.zone"), zone);
    Files.writeString(dir.resolve("zones/new.zone"), zone.replace(" 1 7200", " 2 7200") + "www A 93.184.215.14\n");
    String o = dir.resolve("zones/old.zone").toString();
    String n = dir.resolve("zones/new.zone").toString();
    Cli byFile = Cli.run("diff", o, n);
    assertThat(byFile.exit()).isEqualTo(1);
    assertThat(byFile.out()).contains("block   zone-parse-error").contains("$INCLUDE zones/common/mail.inc: no such file");
    Cli byDirectory = Cli.run("diff", o, n, "--include-directory", dir.toString());
    assertThat(byDirectory.exit()).as(byDirectory.out() + byDirectory.err()).isZero();
    assertThat(byDirectory.out()).contains("1 add, 0 deletes, 0 updates").contains("+ add    www.example.com. A");
    Files.writeString(dir.resolve("zones/new.zone"), zone.replace(" 1 7200", " 2 7200").replace("$INCLUDE zones/", "$INCLUDE /etc/bind/zones/")
        + "www A 93.184.215.14\n");
    Cli absolute = Cli.run("diff", o, n, "--include-directory", dir.toString(), "--server-directory", "/etc/bind");
    assertThat(absolute.exit()).as(absolute.out() + absolute.err()).isZero();
    assertThat(absolute.out()).contains("1 add, 0 deletes, 0 updates");
    Cli refused = Cli.run("diff", o, n, "--include-directory", dir.toString());
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.out()).contains("$INCLUDE of an absolute path is not allowed; name a file inside the repository");
    assertThat(Cli.run("diff", o, n, "--server-directory", "/etc/bind").err())
        .contains("--server-directory needs --include-directory: the repository's copy of that directory");
    Cli outside = Cli.run("diff", o, n, "--include-directory", dir.getParent().toString());
    assertThat(outside.exit()).isEqualTo(2);
    assertThat(outside.err()).contains("--include-directory " + dir.getParent() + " is not a directory inside this file's repository");
    Cli yaml = Cli.run("diff", LIVE, PROPOSED, "--format-in", "octodns", "--include-directory", dir.toString());
    assertThat(yaml.exit()).isEqualTo(2);
    assertThat(yaml.err()).contains("--include-directory is named's directory for $INCLUDE in master files; this file is read as octodns");
  }

  @Test
  void anAllowForAnotherNameDoesNotAllow() {
    assertThat(Cli.run("diff", LIVE, PROPOSED, "--allow", "address-emptied:api", "--allow", "dangling-reference").exit())
        .isEqualTo(1);
  }

  @Test
  void failOnWarnMakesWarningsBlock() throws Exception {
    Files.writeString(dir.resolve("old.zone"), "$ORIGIN example.com.\n$TTL 300\nwww 60 A 93.184.215.14\n");
    Files.writeString(dir.resolve("new.zone"), "$ORIGIN example.com.\n$TTL 300\nwww 86400 A 93.184.215.14\n");
    String o = dir.resolve("old.zone").toString();
    String n = dir.resolve("new.zone").toString();
    Cli warnOnly = Cli.run("diff", o, n);
    assertThat(warnOnly.exit()).isZero();
    assertThat(warnOnly.out()).contains("warn    ttl-guard www.example.com. A");
    assertThat(warnOnly.out()).startsWith("zonegate: pass (1 zone, 1 change, 0 blocking, 1 warning)");
    Cli failOnWarn = Cli.run("diff", o, n, "--fail-on", "warn");
    assertThat(failOnWarn.exit()).isEqualTo(1);
    // The summary says what blocked: the warning, counted as blocking, not "0 blocking".
    assertThat(failOnWarn.out()).startsWith("zonegate: block (1 zone, 1 change, 1 blocking (warnings block: --fail-on warn), 0 warnings)");
    assertThat(Cli.run("diff", o, n, "--fail-on", "warn", "--format", "markdown").out())
        .startsWith(":no_entry: **zonegate: block** — 1 blocking finding (warnings block: --fail-on warn), 0 warnings");
    assertThat(Cli.run("diff", o, n, "--fail-on", "info").exit()).isEqualTo(2);
  }

  @Test
  void aBrokenRulePackExitsTwoNamingFileLineAndRule() throws Exception {
    Path pack = dir.resolve("pack.yaml");
    Files.writeString(pack, "- id: short\n  type: ttl-guard\n  params:\n    minTTL: 5\n");
    Cli r = Cli.run("diff", LIVE, PROPOSED, "--rules", pack.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo("zonegate: error: " + pack + ":4: rule 'short': unknown param 'minTTL' for type ttl-guard (it takes minTtl, maxTtl, maxRaiseFactor)\n");
  }

  @Test
  void aPackLayersOnTheDefaultsAndNeverReplacesThem() throws Exception {
    Path pack = dir.resolve("pack.yaml");
    Files.writeString(pack, "- id: only-ttl\n  type: ttl-guard\n");
    Cli r = Cli.run("diff", LIVE, PROPOSED, "--rules", pack.toString(), "--format", "json");
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    JsonNode json = JsonMapper.builder().build().readTree(r.out());
    assertThat(json.get("findings").findValuesAsString("rule")).contains("address-emptied");
    assertThat(json.get("packs").valueStream().map(JsonNode::asString)).containsExactly("builtin:default", pack.toString());
    // Naming the default pack first is the same thing, said out loud.
    Cli named = Cli.run("diff", LIVE, PROPOSED, "--rules", "builtin:default", "--rules", pack.toString(), "--format", "json");
    assertThat(named.out()).isEqualTo(r.out());
  }

  @Test
  void builtinNoneStartsFromNothingAndEveryFormatSaysSo() throws Exception {
    Path pack = dir.resolve("pack.yaml");
    Files.writeString(pack, "- id: only-ttl\n  type: ttl-guard\n");
    Cli r = Cli.run("diff", LIVE, PROPOSED, "--rules", "builtin:none", "--rules", pack.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).doesNotContain("address-emptied").endsWith("rule packs: builtin:none, " + pack + "\n");
    Path out = dir.resolve("out");
    Cli all = Cli.run("diff", LIVE, PROPOSED, "--rules", "builtin:none", "--rules", pack.toString(), "--out", out.toString(),
        "--format", "markdown", "--format", "json", "--format", "junit", "--format", "sarif", "--format", "html");
    assertThat(all.exit()).as(all.err()).isZero();
    for (String f : List.of("zonegate-report.md", "zonegate-report.json", "zonegate-junit.xml", "zonegate-report.sarif", "zonegate-report.html")) {
      assertThat(Files.readString(out.resolve(f))).as(f).contains("builtin:none");
    }
  }

  @Test
  void builtinNoneAnywhereButFirstOrAnUnknownBuiltinIsExitTwo() {
    Cli late = Cli.run("diff", LIVE, PROPOSED, "--rules", "builtin:default", "--rules", "builtin:none");
    assertThat(late.exit()).isEqualTo(2);
    assertThat(late.err()).startsWith("zonegate: error: builtin:none: builtin:none must be the first entry");
    Cli typo = Cli.run("diff", LIVE, PROPOSED, "--rules", "builtin:defualt");
    assertThat(typo.exit()).isEqualTo(2);
    assertThat(typo.err()).contains("unknown built-in pack");
  }

  @Test
  void aProposedFileThatDoesNotParseBlocksWhateverThePacksSay() throws Exception {
    Path pack = dir.resolve("pack.yaml");
    Files.writeString(pack, "- id: only-ttl\n  type: ttl-guard\n");
    Path broken = dir.resolve("example.com.zone");
    Files.writeString(broken, "$ORIGIN example.com.\n$TTL 300\nwww A 192.0.2.300\n");
    Cli r = Cli.run("diff", LIVE, broken.toString(), "--rules", "builtin:none", "--rules", pack.toString(),
        "--allow", "zone-parse-error");
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out()).contains("block   zone-parse-error").contains("example.com.zone:3")
        .contains("this rule cannot be allowed");
  }

  @Test
  void aPackCannotSwitchOffOrLowerTheParseError() throws Exception {
    for (String body : List.of(
        "- id: zone-parse-error\n  type: zone-parse-error\n  enabled: false\n",
        "- id: zone-parse-error\n  type: zone-parse-error\n  severity: warn\n",
        "- id: zone-parse-error\n  type: zone-parse-error\n  overridable: true\n",
        "- id: zone-parse-error\n  type: ttl-guard\n",
        "- id: parse\n  type: zone-parse-error\n")) {
      Path pack = dir.resolve("pack.yaml");
      Files.writeString(pack, body);
      Cli v = Cli.run("rules", "validate", pack.toString());
      assertThat(v.exit()).as(body).isEqualTo(1);
      assertThat(v.err()).as(body).contains("always blocks");
      Cli d = Cli.run("diff", LIVE, PROPOSED, "--rules", pack.toString());
      assertThat(d.exit()).as(body).isEqualTo(2);
    }
    Path restated = dir.resolve("restated.yaml");
    Files.writeString(restated, "- id: zone-parse-error\n  type: zone-parse-error\n  description: Our words.\n");
    assertThat(Cli.run("rules", "validate", restated.toString()).exit()).isZero();
  }

  @Test
  void anAllowThatNamesNoRuleInForceIsExitTwoNamingTheFlag() throws Exception {
    Cli typo = Cli.run("diff", LIVE, PROPOSED, "--allow", "adress-emptied:db.us-east-1");
    assertThat(typo.exit()).isEqualTo(2);
    assertThat(typo.err()).isEqualTo("zonegate: error: --allow adress-emptied:db.us-east-1 allows 'adress-emptied', which is no rule"
        + " of the packs in force (builtin:default); `zonegate rules list` shows them\n");
    Path pack = dir.resolve("pack.yaml");
    Files.writeString(pack, "- id: only-ttl\n  type: ttl-guard\n");
    // A rule left out of the packs is no rule in force either.
    Cli gone = Cli.run("diff", LIVE, PROPOSED, "--rules", "builtin:none", "--rules", pack.toString(), "--allow", "address-emptied");
    assertThat(gone.exit()).isEqualTo(2);
    assertThat(gone.err()).contains("--allow address-emptied allows 'address-emptied', which is no rule");
  }

  @Test
  void octoDnsProviderKeysIgnoredAndLenientRecordsReachTheReport() throws Exception {
    String sc = "testdata/scenarios/";
    Cli flip = Cli.run("diff", sc + "octodns-cloudflare-proxied-flipped/old.yaml", sc + "octodns-cloudflare-proxied-flipped/new.yaml",
        "--origin", "example.com.", "--format", "json");
    JsonNode change = JsonMapper.builder().build().readTree(flip.out()).get("changes").get(0);
    assertThat(change.get("extrasBefore").toString()).isEqualTo("[\"cloudflare.proxied: true\"]");
    assertThat(change.get("extrasAfter").toString()).isEqualTo("[\"cloudflare.proxied: false\"]");
    Cli ignored = Cli.run("diff", sc + "octodns-ignored-record-changed/old.yaml", sc + "octodns-ignored-record-changed/new.yaml",
        "--origin", "example.com.", "--format", "json");
    JsonNode report = JsonMapper.builder().build().readTree(ignored.out());
    assertThat(report.get("changes").size()).isZero();
    assertThat(report.get("ignored").size()).isEqualTo(1);
    assertThat(report.get("ignored").get(0).get("line").asInt()).isEqualTo(2);
    Cli lenient = Cli.run("diff", sc + "octodns-lenient-cname-beside-txt/old.yaml", sc + "octodns-lenient-cname-beside-txt/new.yaml",
        "--origin", "example.com.", "--format", "json");
    JsonNode f = JsonMapper.builder().build().readTree(lenient.out()).get("findings").get(0);
    assertThat(f.get("rule").asString()).isEqualTo("cname-conflict");
    assertThat(f.get("allowedBy").get("kind").asString()).isEqualTo("marker");
    assertThat(f.get("allowedBy").get("by").asString())
        .isEqualTo("the repository's lenient marker at " + sc + "octodns-lenient-cname-beside-txt/new.yaml:3");
  }

  @Test
  void aBrokenOldFileIsReadLenientlyAndTheChangeJudgedOnItsMerits() throws Exception {
    Path old = dir.resolve("old.zone");
    Files.writeString(old, "$ORIGIN example.com.\n$TTL 300\n@ SOA ns1 host 1 7200 3600 1209600 300\n@ NS ns1\nns1 A 93.184.215.53\n"
        + "www A 93.184.215.300\napi A 93.184.215.10\n");
    Path fixed = dir.resolve("new.zone");
    Files.writeString(fixed, "$ORIGIN example.com.\n$TTL 300\n@ SOA ns1 host 2 7200 3600 1209600 300\n@ NS ns1\nns1 A 93.184.215.53\n"
        + "www A 93.184.215.30\napi A 93.184.215.10\n");
    Cli r = Cli.run("diff", old.toString(), fixed.toString(), "--origin", "example.com.");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("+ add    www.example.com. A").contains("warning: old.zone:6: skipped: ")
        .contains("warning: old.zone:6: this base version does not parse;");
    // Every format carries the warnings, so a reviewer sees the base was read leniently.
    Path out = dir.resolve("reports");
    Cli all = Cli.run("diff", old.toString(), fixed.toString(), "--origin", "example.com.", "--out", out.toString(),
        "--format", "markdown", "--format", "json", "--format", "junit", "--format", "codequality", "--format", "sarif", "--format", "html");
    assertThat(all.exit()).as(all.err()).isZero();
    try (var files = Files.list(out)) {
      for (Path f : files.toList()) {
        assertThat(Files.readString(f)).as(f.toString()).contains("this base version does not parse");
      }
    }
    Path garbage = dir.resolve("garbage.zone");
    Files.write(garbage, new byte[] {0, 1, 2, (byte) 0xff});
    Cli nothing = Cli.run("diff", garbage.toString(), fixed.toString(), "--origin", "example.com.");
    assertThat(nothing.exit()).isEqualTo(2);
  }

  @Test
  void jsonFollowsTheSpecShapeAndIsStable() throws Exception {
    Cli r = Cli.run("diff", LIVE, PROPOSED, "--format", "json");
    JsonNode root = JsonMapper.builder().build().readTree(r.out());
    assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(root.get("zones").get(0).get("name").asString()).isEqualTo("example.com.");
    assertThat(root.get("zones").get(0).get("deletes").asInt()).isEqualTo(1);
    JsonNode db = root.get("changes").get(2);
    assertThat(db.get("name").asString()).isEqualTo("db.us-east-1.example.com.");
    assertThat(db.get("action").asString()).isEqualTo("delete");
    assertThat(db.get("ttlAfter").isNull()).isTrue();
    assertThat(db.get("before")).hasSize(3);
    assertThat(root.get("changes").get(0).get("location").get("path").asString()).isEqualTo(PROPOSED);
    assertThat(root.get("verdict").asString()).isEqualTo("block");
    assertThat(root.get("zones").get(0).get("findings").get("block").asInt()).isEqualTo(2);
    JsonNode f = root.get("findings").get(0);
    assertThat(f.get("rule").asString()).isEqualTo("address-emptied");
    assertThat(f.get("severity").asString()).isEqualTo("block");
    assertThat(f.get("name").asString()).isEqualTo("db.us-east-1.example.com.");
    assertThat(f.get("allowed").asBoolean()).isFalse();
    assertThat(f.get("allowedBy").isNull()).isTrue();
    assertThat(f.get("location").get("path").asString()).isEqualTo(PROPOSED);
    assertThat(Cli.run("diff", LIVE, PROPOSED, "--format", "json").out()).isEqualTo(r.out());
  }

  @Test
  void markdownEscapesRecordData() throws Exception {
    Files.writeString(dir.resolve("old.zone"), "$ORIGIN example.com.\n$TTL 300\nwww A 192.0.2.1\n");
    Files.writeString(dir.resolve("new.zone"),
        "$ORIGIN example.com.\n$TTL 300\nwww A 192.0.2.1\nx TXT \"<script>alert(1)</script> | @all **bold**\"\n");
    Cli r = Cli.run("diff", dir.resolve("old.zone").toString(), dir.resolve("new.zone").toString(), "--format", "markdown");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).doesNotContain("<script>").doesNotContain("**bold**");
    assertThat(r.out()).contains("&lt;script&gt;").contains("&#124;").contains("<code>");
  }

  @Test
  void severalFormatsGoToTheOutDirectory() {
    Path out = dir.resolve("reports");
    Cli r = Cli.run("diff", LIVE, PROPOSED, "--format", "json", "--format", "markdown", "--format", "text", "--out", out.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(out.resolve("zonegate-report.json")).exists();
    assertThat(out.resolve("zonegate-report.md")).content().startsWith(":no_entry: **zonegate: block**");
    assertThat(r.out()).startsWith("zonegate: block");
  }

  @Test
  void severalFormatsWithoutOutIsAUsageError() {
    Cli r = Cli.run("diff", LIVE, PROPOSED, "--format", "json", "--format", "markdown");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("zonegate: error: several report formats need --out DIR\n");
  }

  @Test
  void anUnknownReportFormatExitsTwo() {
    Cli r = Cli.run("diff", LIVE, PROPOSED, "--format", "pdf");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("zonegate: error: unknown report format 'pdf' (text, markdown, json, junit, codequality, sarif or html)\n");
  }

  @Test
  void aMissingFileExitsTwoWithOneLine() {
    Cli r = Cli.run("diff", LIVE, "testdata/demo/nope.zone");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("zonegate: error: testdata/demo/nope.zone: no such file\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aProposedZoneThatDoesNotParseIsABlockingFinding() throws Exception {
    Files.writeString(dir.resolve("bad.zone"), "$ORIGIN example.com.\n$TTL 300\nwww A 999.0.0.1\n");
    Cli r = Cli.run("diff", LIVE, dir.resolve("bad.zone").toString(), "--origin", "example.com");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("block   zone-parse-error")
        .contains("(bad.zone:3)")
        .contains("Invalid address: 999.0.0.1");
  }

  @Test
  void anUnreadableLiveZoneExitsTwoWithFileAndLineAndNoStackTrace() throws Exception {
    Files.writeString(dir.resolve("bad.zone"), "$ORIGIN example.com.\n$TTL 300\nwww A 999.0.0.1\n");
    Cli r = Cli.run("diff", dir.resolve("bad.zone").toString(), LIVE, "--origin", "example.com");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("zonegate: error: bad.zone:3: Invalid address: 999.0.0.1\n");
  }

  @Test
  void debugAddsTheStackTrace() throws Exception {
    Files.writeString(dir.resolve("bad.zone"), "$ORIGIN example.com.\n$TTL 300\nwww A 999.0.0.1\n");
    Cli r = Cli.run("diff", "--debug", dir.resolve("bad.zone").toString(), LIVE);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("\tat dev.zonegate.");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(Cli.run("diff", LIVE).exit()).isEqualTo(2);
    assertThat(Cli.run("diff", "--bogus", LIVE, PROPOSED).exit()).isEqualTo(2);
    assertThat(Cli.run("frobnicate").exit()).isEqualTo(2);
    assertThat(Cli.run().exit()).isEqualTo(2);
    assertThat(Cli.run("diff", LIVE, PROPOSED, "--format-in", "excel").err())
        .isEqualTo("zonegate: error: unknown zone format 'excel' (expected master, octodns or route53)\n");
  }

  @Test
  void helpAndVersionExitZero() {
    Cli help = Cli.run("--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("diff");
    Cli diffHelp = Cli.run("diff", "--help");
    assertThat(diffHelp.exit()).isZero();
    assertThat(diffHelp.out()).contains("--origin");
    Cli version = Cli.run("--version");
    assertThat(version.exit()).isZero();
    assertThat(version.out()).startsWith("zonegate ");
  }

  @Test
  void aFileAgainstItselfHasNoChanges() {
    Cli r = Cli.run("diff", LIVE, LIVE);
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("zonegate: pass").contains("0 adds, 0 deletes, 0 updates");
  }

  @Test
  void originFromTheCommandLineWins() throws Exception {
    Files.writeString(dir.resolve("a.zone"), "$TTL 300\nwww A 93.184.215.1\n");
    Files.writeString(dir.resolve("b.zone"), "$TTL 300\nwww A 93.184.215.2\n");
    Cli r = Cli.run("diff", dir.resolve("a.zone").toString(), dir.resolve("b.zone").toString(), "--origin", "Example.ORG");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("www.example.org. A");
  }

  @Test
  void zonegateTimingsAddsOneLineOfStageTimesOnStandardError() {
    String[] demo = {"diff", "testdata/demo/live.zone", "testdata/demo/proposed.zone"};
    Cli plain = Cli.run(demo);
    Cli timed = Cli.run(Map.of("ZONEGATE_TIMINGS", "1"), "", demo);
    assertThat(timed.exit()).isEqualTo(plain.exit()).isEqualTo(1);
    assertThat(timed.out()).isEqualTo(plain.out());
    assertThat(plain.err()).doesNotContain("timings");
    assertThat(timed.err()).matches(
        "zonegate: timings: start [0-9.]+ s, read [0-9.]+ s \\[plan [0-9.]+ s, parse [0-9.]+ s, model [0-9.]+ s, edits [0-9.]+ s\\], diff [0-9.]+ s, rules [0-9.]+ s, report [0-9.]+ s, render [0-9.]+ s, until now [0-9.]+ s\n");
    // The JSON report carries the zones' fingerprints: only then are they made, and timed.
    Cli json = Cli.run(Map.of("ZONEGATE_TIMINGS", "1"), "", "diff", demo[1], demo[2], "--format", "json");
    assertThat(json.err()).matches(
        "zonegate: timings: start [0-9.]+ s, read [0-9.]+ s \\[plan [0-9.]+ s, parse [0-9.]+ s, model [0-9.]+ s, edits [0-9.]+ s\\], diff [0-9.]+ s, rules [0-9.]+ s, fingerprints [0-9.]+ s, report [0-9.]+ s, render [0-9.]+ s, until now [0-9.]+ s\n");
  }

  @Test
  void outWithoutFormatWritesEveryReportAndSaysSo(@org.junit.jupiter.api.io.TempDir Path out) {
    Cli r = Cli.run("diff", "testdata/demo/live.zone", "testdata/demo/proposed.zone", "--out", out.toString());
    Assertions.assertThat(r.exit()).isEqualTo(1);
    Assertions.assertThat(r.out()).startsWith("zonegate: block");
    Assertions.assertThat(r.err()).contains("no --format given: wrote the markdown, json, junit, codequality, sarif and html reports to " + out);
    for (String f : List.of("zonegate-report.md", "zonegate-report.json", "zonegate-junit.xml", "zonegate-codequality.json",
        "zonegate-report.sarif", "zonegate-report.html")) {
      Assertions.assertThat(out.resolve(f)).exists();
    }
  }

  @Test
  void standardInputAndAPipeAreReadLikeFiles() throws Exception {
    String live = Files.readString(Path.of("testdata/demo/live.zone"));
    Cli viaStdin = Cli.run(Map.of(), live, "diff", "-", "testdata/demo/proposed.zone", "--format", "json");
    Cli viaFile = Cli.run("diff", "testdata/demo/live.zone", "testdata/demo/proposed.zone", "--format", "json");
    assertThat(viaStdin.exit()).as(viaStdin.err()).isEqualTo(viaFile.exit());
    assertThat(withoutOld(viaStdin.out())).isEqualTo(withoutOld(viaFile.out()));
    assertThat(viaStdin.out()).contains("\"old\" : \"(standard input)\"");
    // <(git show main:zones/x.zone) hands zonegate a pipe such as /dev/fd/63: read once, whole.
    Path fifo = dir.resolve("fd63");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    Thread writer = new Thread(() -> {
      try {
        Files.writeString(fifo, live);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    writer.start();
    Cli viaPipe = Cli.run("diff", fifo.toString(), "testdata/demo/proposed.zone", "--format", "json");
    writer.join(10_000);
    assertThat(viaPipe.exit()).as(viaPipe.err()).isEqualTo(viaFile.exit());
    assertThat(withoutOld(viaPipe.out())).isEqualTo(withoutOld(viaFile.out()));
    Cli both = Cli.run(Map.of(), live, "diff", "-", "-");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).contains("OLD and NEW cannot both be standard input").hasLineCount(1);
  }

  @Test
  void markdownShowsTheValuesOfATtlOnlyUpdate() throws Exception {
    Files.writeString(dir.resolve("old.zone"), "$ORIGIN example.com.\n$TTL 300\nwww A 93.184.215.14\n");
    Files.writeString(dir.resolve("new.zone"), "$ORIGIN example.com.\n$TTL 300\nwww 60 A 93.184.215.14\n");
    Cli r = Cli.run("diff", dir.resolve("old.zone").toString(), dir.resolve("new.zone").toString(), "--format", "markdown");
    String row = r.out().lines().filter(l -> l.startsWith("| ~ |")).findFirst().orElseThrow();
    assertThat(row).contains("www.example.com.").contains("300 → 60");
    assertThat(row.split("93\\.184\\.215\\.14|93.184.215.14", -1)).as(row).hasSize(3);
  }

  /** A JSON report without the line that names OLD, which differs by how it was given. */
  static String withoutOld(String json) {
    return json.lines().filter(l -> !l.trim().startsWith("\"old\" :")).collect(Collectors.joining("\n"));
  }

  @Test
  void everyReportSaysWhatItJudged() throws Exception {
    Cli text = Cli.run("diff", "testdata/demo/live.zone", "testdata/demo/proposed.zone");
    assertThat(text.out()).containsPattern("judged: old testdata/demo/live.zone; new testdata/demo/proposed.zone; zonegate \\S+; rules sha256:[0-9a-f]{16}\n");
    Cli json = Cli.run("diff", "testdata/demo/live.zone", "testdata/demo/proposed.zone", "--format", "json");
    assertThat(json.out()).contains("\"judged\" : {").contains("\"rules\" : \"sha256:");
    // Other rules, another digest.
    Path pack = dir.resolve("pack.yaml");
    Files.writeString(pack, "- id: ttl-guard\n  type: ttl-guard\n  severity: block\n");
    Cli other = Cli.run("diff", "testdata/demo/live.zone", "testdata/demo/proposed.zone", "--rules", pack.toString());
    String digest = text.out().replaceAll("(?s).*rules (sha256:[0-9a-f]+).*", "$1");
    assertThat(other.out()).contains("rules sha256:").doesNotContain(digest);
    for (String f : List.of("markdown", "html", "sarif", "junit")) {
      assertThat(Cli.run("diff", "testdata/demo/live.zone", "testdata/demo/proposed.zone", "--format", f).out()).as(f)
          .contains(digest).contains("testdata/demo/proposed.zone");
    }
  }

  @Test
  void onlyTheJsonReportCarriesFingerprintsSoEveryOtherFormatIsTheSameWithoutThem() throws Exception {
    // A run that writes no JSON report does not hash the zones. Every other format must then be
    // byte for byte what a run that did hash them writes (here: --out alone, which writes all).
    Path all = dir.resolve("all");
    Cli everything = Cli.run("diff", LIVE, PROPOSED, "--out", all.toString());
    assertThat(everything.exit()).as(everything.err()).isEqualTo(1);
    JsonNode json = new JsonMapper().readTree(Files.readString(all.resolve("zonegate-report.json")));
    assertThat(json.get("zones").get(0).get("liveFingerprint").asString()).startsWith("sha256:");
    assertThat(json.get("zones").get(0).get("headFingerprint").asString()).startsWith("sha256:");
    for (String f : List.of("markdown", "junit", "codequality", "sarif", "html")) {
      Path one = dir.resolve(f);
      Cli r = Cli.run("diff", LIVE, PROPOSED, "--format", f, "--out", one.toString());
      assertThat(r.exit()).as(r.err()).isEqualTo(1);
      String file = Renderer.forFormat(f).fileName();
      assertThat(Files.readString(one.resolve(file))).as(f).isEqualTo(Files.readString(all.resolve(file)));
    }
    assertThat(Cli.run("diff", LIVE, PROPOSED).out()).isEqualTo(everything.out());
    assertThat(Cli.run("diff", LIVE, PROPOSED, "--format", "json").out())
        .isEqualTo(Files.readString(all.resolve("zonegate-report.json")));
    assertThat(ReportWriter.needsFingerprints(List.of("text", "sarif", "markdown", "html", "junit", "codequality")))
        .isFalse();
    assertThat(ReportWriter.needsFingerprints(List.of("text", "json"))).isTrue();
    assertThat(ReportWriter.needsFingerprints(List.of("no-such-format"))).isTrue();
  }
}
