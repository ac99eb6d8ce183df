package dev.zonegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.testing.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CheckCommandTest {
  @TempDir Path tmp;
  GitFixture git;
  String base;

  static final String CONFIG =
      "zones:\n"
          + "  - name: example.com.\n    file: zones/example.com.zone\n    critical: [\"api\"]\n"
          + "  - name: example.net.\n    file: zones/example.net.zone\n";

  static String com(String serial, String db) {
    return "$ORIGIN example.com.\n$TTL 300\n"
        + "@ SOA ns1.example.net. hostmaster.example.com. " + serial + " 7200 900 1209600 300\n"
        + "@ NS ns1.example.net.\n@ NS ns2.example.org.\n"
        + "www A 93.184.215.14\n"
        + "api A 93.184.215.20\napi A 93.184.215.21\n"
        + db
        + "$INCLUDE common/mail.inc\n";
  }

  static final String DB = "db 60 A 93.184.215.51\ndb 60 A 93.184.215.52\norders CNAME db\n";

  static final String NET =
      "$ORIGIN example.net.\n$TTL 300\n@ SOA ns1.example.net. hostmaster.example.net. 1 7200 900 1209600 300\n"
          + "@ NS ns1.example.net.\n@ NS ns2.example.org.\nns1 A 93.184.215.53\nwww A 93.184.215.80\n";

  @BeforeEach
  void repo() throws Exception {
    git = deployed(tmp.resolve("repo"));
    base = git.git("rev-parse", "HEAD").trim();
  }

  /** A zone repository at {@code dir}: config, two zones and a shared include, committed as deployed. */
  static GitFixture deployed(Path dir) throws Exception {
    GitFixture git = GitFixture.init(dir);
    git.write("zonegate.yaml", CONFIG)
        .write("zones/example.com.zone", com("1", DB))
        .write("zones/common/mail.inc", "@ MX 10 mx1\nmx1 A 93.184.215.25\n")
        .write("zones/example.net.zone", NET);
    git.commit("zones as deployed");
    return git;
  }

  /** A bare remote {@code origin} at {@code dir} that {@code git}'s main is pushed to. */
  static Path pushedTo(GitFixture git, Path dir) throws Exception {
    git.run(dir.getParent(), "init", "-q", "--bare", dir.toString());
    git.git("remote", "add", "origin", dir.toString());
    GitFixture.Result first = git.exec(git.dir(), null, "push", "-q", "origin", "main");
    if (first.exit() != 0) {
      throw new AssertionError("the first push failed: " + first.err());
    }
    return dir;
  }

  Cli check(String... extra) {
    return check(Map.of(), extra);
  }

  Cli check(Map<String, String> env, String... extra) {
    String[] args = new String[extra.length + 3];
    args[0] = "check";
    args[1] = "--repo";
    args[2] = git.dir().toString();
    System.arraycopy(extra, 0, args, 3, extra.length);
    return Cli.run(env, "", args);
  }

  static JsonNode json(Cli r) {
    return JsonMapper.builder().build().readTree(r.out());
  }

  @Test
  void aBenignCommitPasses() throws Exception {
    git.write("zones/example.com.zone", com("2", DB + "new A 93.184.215.99\n"));
    git.commit("add a host");
    Cli r = check("--base", base);
    assertThat(r.exit()).as(r.err() + r.out()).isZero();
    assertThat(r.out()).startsWith("zonegate: pass").contains("+ add    new.example.com. A");
  }

  @Test
  void anEndpointEmptyingCommitBlocks() throws Exception {
    git.write("zones/example.com.zone", com("2", "orders CNAME db\n"));
    git.commit("regenerate");
    Cli r = check("--base", base);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("block   address-emptied db.example.com.").contains("zones/example.com.zone")
        // check reads all three ways; the text names the flag and the trailer, Markdown the trailer and the label.
        .contains("        to allow: --allow address-emptied:db.example.com.  or commit trailer  Zonegate-Allow:"
            + " address-emptied:db.example.com. <reason>\n");
    assertThat(check("--base", base, "--format", "markdown").out())
        .contains("To allow it, add the commit trailer <code>Zonegate-Allow: address-emptied:db.example.com. &lt;reason&gt;</code>"
            + " or the merge-request label <code>zonegate-allow:address-emptied</code>");
  }

  /**
   * A zone whose server loads names check-names finds (named.conf: check-names primary warn) says
   * so in the config: the change is judged on its merits, with a notice; named's default refuses.
   */
  @Test
  void checkNamesIsWhatTheZonesServerDoes() throws Exception {
    git.write("zones/example.net.zone", NET + "build_01 A 93.184.215.90\n");
    git.commit("a build host");
    Cli refused = check("--base", base);
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.out()).contains("block   zone-parse-error example.net.")
        .contains("owner build_01.example.net. is not a host name, which a A record needs (letters, digits, inner hyphens);"
            + " named refuses it (check-names)");
    git.write("zonegate.yaml", CONFIG + "    checkNames: warn\n");
    git.commit("the zone's server warns");
    Cli warned = check("--base", base, "--format", "json");
    assertThat(warned.exit()).as(warned.err() + warned.out()).isZero();
    JsonNode report = json(warned);
    assertThat(report.get("verdict").asString()).isEqualTo("pass");
    assertThat(report.get("notices").toString())
        .contains("zones/example.net.zone")
        .contains("owner build_01.example.net. is not a host name")
        .contains("named loads the zone with a warning (check-names warn)");
    git.write("zonegate.yaml", CONFIG + "    checkNames: ignore\n");
    git.commit("the zone's server ignores names");
    Cli ignored = check("--base", base, "--format", "json");
    assertThat(ignored.exit()).isZero();
    assertThat(json(ignored).get("notices").toString()).doesNotContain("check-names");
  }

  /**
   * A zone whose server takes {@code $INCLUDE} paths from its own directory (named.conf's
   * {@code directory}, the repository root here) says so in the config; without it they are taken
   * from the including file's directory. A change to the included file alone is a change to the zone.
   */
  @Test
  void includesAreTakenFromTheDirectoryTheZonesServerTakesThemFrom() throws Exception {
    git.write("zones/common/mail.inc", "@ MX 10 mail\nmail A 93.184.215.25\n");
    git.write("zones/example.net.zone", NET + "$INCLUDE zones/common/mail.inc\n");
    git.commit("mail from a shared file, named's directory the repository root");
    Cli byFile = check("--base", base);
    assertThat(byFile.exit()).isEqualTo(1);
    assertThat(byFile.out()).contains("block   zone-parse-error example.net.")
        .contains("$INCLUDE zones/common/mail.inc: no such file");
    git.write("zonegate.yaml", CONFIG + "    includeDirectory: .\n");
    git.commit("the zone's server takes includes from the repository root");
    Cli judged = check("--base", base);
    assertThat(judged.exit()).as(judged.err() + judged.out()).isZero();
    assertThat(judged.out()).contains("+ add    mail.example.net. A").contains("+ add    example.net. MX");
    String before = git.git("rev-parse", "HEAD").trim();
    git.write("zones/common/mail.inc", "@ MX 10 mail\nmail A 93.184.215.26\n");
    git.commit("the shared file alone changes");
    Cli shared = check("--base", before);
    assertThat(shared.exit()).as(shared.err() + shared.out()).isZero();
    assertThat(shared.out()).contains("example.net.: 0 adds, 0 deletes, 1 update").contains("~ update mail.example.net. A");
  }

  /** A live snapshot is what is served, as it is: check-names, a rule for loading a file, is not applied to it. */
  @Test
  void aLiveSnapshotIsNotHeldToCheckNames() throws Exception {
    git.write("zonegate.yaml", CONFIG + "    live: { snapshot: live/example.net.zone }\n")
        .write("live/example.net.zone", NET + "build_01 A 93.184.215.90\n");
    git.commit("live as exported");
    String at = git.git("rev-parse", "HEAD").trim();
    git.write("zones/example.net.zone", NET + "mail A 93.184.215.81\n");
    git.commit("a mail host");
    Cli r = check("--base", at, "--format", "json");
    assertThat(r.exit()).as(r.err() + r.out()).isIn(0, 1);
    assertThat(json(r).get("changes").toString()).contains("build_01.example.net.").contains("mail.example.net.");
  }

  @Test
  void onlyChangedZonesAreRead() throws Exception {
    git.write("zones/example.net.zone", NET + "mail A 93.184.215.81\n");
    git.commit("net only");
    Cli r = check("--base", base, "--format", "json");
    assertThat(r.exit()).isZero();
    JsonNode zones = json(r).get("zones");
    assertThat(zones).hasSize(1);
    assertThat(zones.get(0).get("name").asString()).isEqualTo("example.net.");
    Cli all = check("--base", base, "--format", "json", "--all-zones");
    assertThat(json(all).get("zones")).hasSize(2);
  }

  @Test
  void aChangedIncludeRechecksTheZoneThatIncludesIt() throws Exception {
    git.write("zones/common/mail.inc", "mx1 A 93.184.215.25\n");
    git.commit("drop the MX");
    Cli r = check("--base", base);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("mail-change example.com. MX");
  }

  @Test
  void aChangedConfigRechecksEveryZone() throws Exception {
    git.write("zonegate.yaml", CONFIG + "rules: [builtin:default]\n");
    git.commit("config");
    assertThat(json(check("--base", base, "--format", "json")).get("zones")).hasSize(2);
  }

  @Test
  void aDeletedZoneFileBlocks() throws Exception {
    git.delete("zones/example.net.zone");
    git.commit("oops");
    Cli r = check("--base", base);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("block   zone-emptied example.net.");
  }

  @Test
  void aZoneDroppedFromTheConfigIsAZoneGoingEmpty() throws Exception {
    git.write("zonegate.yaml", "zones:\n  - name: example.com.\n    file: zones/example.com.zone\n");
    git.delete("zones/example.net.zone");
    git.commit("drop example.net");
    Cli r = check("--base", base);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("zone-emptied example.net.");
  }

  @Test
  void aCommitTrailerAllowsAndTheReportSaysWhoAndWhy() throws Exception {
    git.write("zones/example.com.zone", com("2", ""));
    git.commit("decommission the database\n\nZonegate-Allow: address-emptied:db moved to db2, see CHG-1234\n"
        + "Zonegate-Allow: dangling-reference orders is retired with it\nZonegate-Allow: critical-endpoint not critical\n");
    Cli r = check("--base", base, "--format", "json");
    assertThat(r.exit()).as(r.out()).isZero();
    JsonNode f = json(r).get("findings").get(0);
    assertThat(f.get("allowed").asBoolean()).isTrue();
    assertThat(f.get("allowedBy").get("kind").asString()).isEqualTo("trailer");
    assertThat(f.get("allowedBy").get("by").asString()).startsWith("commit ").endsWith(" by Ada Reviewer <ada@example.com>");
    assertThat(r.out()).contains("moved to db2, see CHG-1234");
  }

  @Test
  void aTrailerWithoutAReasonIsExitTwoNamingItsCommit() throws Exception {
    git.write("zones/example.com.zone", com("2", ""));
    String commit = git.commit("decommission the database\n\nZonegate-Allow: address-emptied:db\n");
    Cli r = check("--base", base);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("zonegate: error: commit " + commit.substring(0, 12))
        .contains("gives no reason");
  }

  @Test
  void aTrailerOrLabelThatNamesNoRuleInForceIsExitTwoNamingWhere() throws Exception {
    git.write("zones/example.com.zone", com("2", ""));
    String commit = git.commit("decommission the database\n\nZonegate-Allow: adress-emptied:db moved to db2\n");
    Cli r = check("--base", base);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("zonegate: error: commit " + commit.substring(0, 12))
        .contains("allows 'adress-emptied', which is no rule of the packs in force (builtin:default)");
    git.commit("fix the trailer");
    Map<String, String> env = Map.of("CI_MERGE_REQUEST_LABELS", "dns,zonegate-allow:adress-emptied");
    Cli label = check(env, "--base", commit);
    assertThat(label.exit()).isEqualTo(2);
    assertThat(label.err()).startsWith("zonegate: error: merge-request label zonegate-allow:adress-emptied allows 'adress-emptied'");
    Cli garbled = check(Map.of("CI_MERGE_REQUEST_LABELS", "zonegate-allow:Not A Rule"), "--base", commit);
    assertThat(garbled.exit()).isEqualTo(2);
    assertThat(garbled.err()).contains("merge-request label 'zonegate-allow:Not A Rule' is not zonegate-allow:RULE-ID[:NAME]");
  }

  @Test
  void aPackInTheConfigLayersOnTheDefaultPack() throws Exception {
    git.write("zonegate.yaml", CONFIG + "rules: [rules/local.yaml]\n")
        .write("rules/local.yaml", "- id: short-ttl\n  type: ttl-guard\n  params: { minTtl: 60 }\n");
    String withPack = git.commit("a local pack");
    git.write("zones/example.com.zone", com("2", "orders CNAME db\n"));
    git.commit("regenerate");
    Cli r = check("--base", withPack, "--format", "json");
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(json(r).get("findings").findValuesAsString("rule")).contains("address-emptied");
    assertThat(json(r).get("packs").toString()).isEqualTo("[\"builtin:default\",\"rules/local.yaml\"]");
  }

  @Test
  void builtinNoneInTheConfigIsPrintedAndAParseErrorStillBlocks() throws Exception {
    git.write("zonegate.yaml", CONFIG + "rules: [builtin:none, rules/local.yaml]\n")
        .write("rules/local.yaml", "- id: short-ttl\n  type: ttl-guard\n  params: { minTtl: 60 }\n");
    String withPack = git.commit("only our pack");
    git.write("zones/example.com.zone", com("2", "orders CNAME db\n"));
    git.commit("regenerate");
    Cli r = check("--base", withPack);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).endsWith("rule packs: builtin:none, rules/local.yaml\n");
    git.write("zones/example.net.zone", NET + "bad A 300.1.1.1\n");
    git.commit("typo");
    Cli broken = check("--base", withPack);
    assertThat(broken.exit()).isEqualTo(1);
    assertThat(broken.out()).contains("zone-parse-error").contains("zones/example.net.zone:8");
    git.write("zonegate.yaml", CONFIG + "rules: [rules/local.yaml, builtin:none]\n");
    git.commit("misordered");
    Cli misordered = check("--base", withPack);
    assertThat(misordered.exit()).isEqualTo(2);
    assertThat(misordered.err()).contains("zonegate.yaml:").contains("builtin:none must be the first entry");
  }

  @Test
  void aConfiguredZoneFileThatExistsNowhereIsExitTwoEvenUntouched() throws Exception {
    git.write("zonegate.yaml", CONFIG.replace("zones/example.net.zone", "zones/exmaple.net.zone"));
    String typo = git.commit("a typo in the config");
    git.write("zones/example.net.zone", NET + "mail A 93.184.215.81\n");
    git.commit("a change the typo would hide");
    Cli r = check("--base", typo);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("zonegate: error: zone example.net.: its file zones/exmaple.net.zone is in neither the base nor"
        + " the head commit, so changes to the zone would go unjudged; correct the path in the config\n");
  }

  @Test
  void aBrokenMainIsReadLenientlyAndTheCommitThatRepairsItPasses() throws Exception {
    git.write("zones/example.net.zone", NET + "bad A 300.1.1.1\nmail A 93.184.215.81\n");
    String broken = git.commit("a typo lands on main");
    git.write("zones/example.net.zone", NET + "bad A 93.184.215.82\nmail A 93.184.215.81\n");
    git.commit("repair the typo");
    Cli r = check("--base", broken);
    assertThat(r.exit()).as(r.err() + r.out()).isZero();
    assertThat(r.out()).contains("+ add    bad.example.net. A")
        .contains("warning: zones/example.net.zone:8: this base version does not parse");
    // A later change on a still-broken main is judged on its merits: an emptied endpoint blocks.
    git.write("zones/example.net.zone", NET.replace("ns1 A 93.184.215.53\n", "") + "bad A 300.1.1.1\nmail A 93.184.215.81\n");
    git.commit("drop the name server's address on the broken main");
    Cli blocked = check("--base", broken);
    assertThat(blocked.exit()).as(blocked.err() + blocked.out()).isEqualTo(1);
  }

  @Test
  void aBaseOfWhichNothingCanBeReadIsExitTwo() throws Exception {
    git.write("zones/example.net.zone", "\u0000\u0001garbage(\n");
    String garbage = git.commit("garbage on main");
    git.write("zones/example.net.zone", NET);
    git.commit("restore");
    Cli r = check("--base", garbage);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("zonegate: error: nothing at all can be read of the base version of zone example.net.")
        .contains("--base");
  }

  @Test
  void aBrokenOctoDnsBaseIsReadLenientlyToo() throws Exception {
    git.write("zonegate.yaml", CONFIG + "  - name: example.org.\n    file: zones/example.org.yaml\n")
        .write("zones/example.org.yaml", "---\nbad:\n  type: A\n  value: 300.1.1.1\nwww:\n  type: A\n  value: 93.184.215.90\n");
    String broken = git.commit("an octoDNS zone with a bad value");
    git.write("zones/example.org.yaml", "---\nbad:\n  type: A\n  value: 93.184.215.91\nwww:\n  type: A\n  value: 93.184.215.90\n");
    git.commit("repair it");
    Cli r = check("--base", broken);
    assertThat(r.exit()).as(r.err() + r.out()).isZero();
    assertThat(r.out()).contains("+ add    bad.example.org. A").contains("this base version does not parse");
  }

  @Test
  void aTrailerOutsideTheRangeAllowsNothing() throws Exception {
    git.commit("old allow\n\nZonegate-Allow: address-emptied\n");
    String newBase = git.git("rev-parse", "HEAD").trim();
    git.write("zones/example.com.zone", com("2", "orders CNAME db\n"));
    git.commit("regenerate");
    assertThat(check("--base", newBase).exit()).isEqualTo(1);
  }

  @Test
  void mergeRequestLabelsAndBaseComeFromGitLab() throws Exception {
    git.write("zones/example.com.zone", com("2", "orders CNAME db\n"));
    git.commit("regenerate");
    Map<String, String> env = new HashMap<>();
    env.put("CI_MERGE_REQUEST_DIFF_BASE_SHA", base);
    env.put("CI_MERGE_REQUEST_LABELS", "dns,zonegate-allow:address-emptied, zonegate-allow:dangling-reference:db ,other");
    Cli r = check(env, "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("merge-request label zonegate-allow:address-emptied");
  }

  @Test
  void withoutAnyBaseTheCheckCannotDecide() throws Exception {
    Cli r = check();
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("zonegate: error: cannot tell what to compare with").contains("--base REF");
  }

  @Test
  void theMergeBaseWithOriginsDefaultBranchIsTheDefaultBase() throws Exception {
    Path remote = tmp.resolve("remote.git");
    git.run(tmp, "clone", "-q", "--bare", git.dir().toString(), remote.toString());
    git.git("remote", "add", "origin", remote.toString());
    git.git("fetch", "-q", "origin");
    git.git("checkout", "-q", "-b", "feature");
    git.write("zones/example.com.zone", com("2", "orders CNAME db\n"));
    git.commit("regenerate");
    Cli r = check();
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).contains("address-emptied");
  }

  @Test
  void worktreeReadsUncommittedZones() throws Exception {
    git.write("zones/example.com.zone", com("2", "orders CNAME db\n"));
    assertThat(check("--base", base).exit()).isZero();
    assertThat(check("--base", base, "--worktree").exit()).isEqualTo(1);
  }

  @Test
  void aProposedZoneThatDoesNotParseBlocksWithItsLine() throws Exception {
    git.write("zones/example.net.zone", NET + "bad A 300.1.1.1\n");
    git.commit("typo");
    Cli r = check("--base", base);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("zone-parse-error").contains("zones/example.net.zone:8");
  }

  static String withSnapshot(String file) {
    return CONFIG.replace("    file: zones/example.net.zone\n",
        "    file: zones/example.net.zone\n    live:\n      snapshot: " + file + "\n");
  }

  @Test
  void aLiveSnapshotWithAnOutOfBandChangeBlocksAsDriftRevert() throws Exception {
    git.write("zonegate.yaml", withSnapshot("live/example.net.zone"))
        .write("live/example.net.zone", NET.replace("www A 93.184.215.80", "www A 93.184.215.88"));
    git.commit("live snapshot: a hotfix was made on the server");
    String base2 = git.git("rev-parse", "HEAD").trim();
    git.write("zones/example.net.zone", NET + "mail A 93.184.215.81\n");
    git.commit("add mail");
    Cli r = check("--base", base2, "--format", "json");
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    JsonNode report = json(r);
    assertThat(report.get("findings").get(0).get("rule").asString()).isEqualTo("drift-revert");
    assertThat(report.get("findings").get(0).get("message").asString()).contains("93.184.215.88");
    JsonNode www = null;
    for (JsonNode c : report.get("changes")) {
      if (c.get("name").asString().equals("www.example.net.")) {
        www = c;
      }
    }
    assertThat(www.get("drift").asBoolean()).isTrue();
    assertThat(report.get("zones").get(0).get("liveFingerprint").asString()).startsWith("sha256:");
    Cli none = check("--base", base2, "--live", "none");
    assertThat(none.exit()).as(none.out()).isZero();
  }

  @Test
  void verifyRefusesAReportWhoseVerdictWasBlock() throws Exception {
    git.write("zonegate.yaml", withSnapshot("live/example.net.zone")).write("live/example.net.zone", NET);
    String withLive = git.commit("live snapshot");
    git.write("zones/example.net.zone", NET.replace("ns1 A 93.184.215.53\n", ""));
    git.commit("drop the name server's address");
    Path out = tmp.resolve("out");
    Cli r = check("--base", withLive, "--format", "json", "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    // The report names the live source each zone was judged against.
    assertThat(json(Cli.run(Map.of(), "", "check", "--repo", git.dir().toString(), "--base", withLive, "--format", "json"))
        .get("zones").findValuesAsString("live")).containsExactly("snapshot live/example.net.zone");
    assertThat(r.out()).isEmpty();
    // And so does every format that has a place for it (Code Quality has none).
    Path all = tmp.resolve("all");
    Cli every = check("--base", withLive, "--out", all.toString());
    assertThat(every.exit()).as(every.err()).isEqualTo(1);
    assertThat(every.out()).contains("example.net.: ").contains("(live: snapshot live/example.net.zone)");
    assertThat(Files.readString(all.resolve("zonegate-report.md"))).contains("snapshot live/example.net.zone");
    assertThat(Files.readString(all.resolve("zonegate-report.html")))
        .contains("<p>Live for <code>example.net.</code>: <code>snapshot live/example.net.zone</code></p>");
    assertThat(Files.readString(all.resolve("zonegate-report.sarif")))
        .contains("\"live\" : {\n          \"example.net.\" : \"snapshot live/example.net.zone\"");
    assertThat(Files.readString(all.resolve("zonegate-junit.xml")))
        .contains("<property name=\"zonegate.live.example.net.\" value=\"snapshot live/example.net.zone\"/>");
    for (String f : List.of("zonegate-report.md", "zonegate-report.html", "zonegate-report.sarif", "zonegate-junit.xml",
        "zonegate-report.json")) {
      assertThat(Files.readString(all.resolve(f))).as(f).contains(withLive.substring(0, 12)).contains("sha256:");
    }
    Cli v = Cli.run(Map.of(), "", "verify", out.resolve("zonegate-report.json").toString(), "--repo", git.dir().toString());
    assertThat(v.exit()).as(v.err()).isEqualTo(1);
    assertThat(v.out()).endsWith("zonegate: the report's verdict is block: nothing in it was approved, so it is not to be deployed\n");
  }

  @Test
  void anUnreadableLiveSourceFailsClosed() throws Exception {
    git.write("zonegate.yaml", withSnapshot("live/missing.zone"));
    git.commit("live snapshot that is not there");
    String base2 = git.git("rev-parse", "HEAD").trim();
    git.write("zones/example.net.zone", NET + "mail A 93.184.215.81\n");
    git.commit("add mail");
    Cli r = check("--base", base2);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("zonegate: error: zone example.net.").contains("live/missing.zone");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aConfigOutsideTheRepositoryIsRead() throws Exception {
    Path cfg = tmp.resolve("elsewhere.yaml");
    Files.writeString(cfg, "zones:\n  - name: example.net.\n    file: zones/example.net.zone\n");
    git.write("zones/example.com.zone", com("2", "orders CNAME db\n"));
    git.commit("regenerate");
    Cli r = check("--base", base, "--config", cfg.toString(), "--all-zones", "--format", "json");
    assertThat(r.exit()).isZero();
    assertThat(json(r).get("zones")).hasSize(1);
  }

  @Test
  void aBrokenConfigExitsTwoWithFileAndLine() throws Exception {
    git.write("zonegate.yaml", CONFIG + "rulez: []\n");
    git.commit("typo");
    Cli r = check("--base", base);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("zonegate: error: zonegate.yaml:7: unknown key 'rulez'");
  }

  @Test
  void notARepositoryExitsTwo() {
    Cli r = Cli.run("check", "--repo", tmp.resolve("nowhere").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("zonegate: error: ");
  }

  @Test
  void theReportNamesRepositoryBaseAndHeadWithTheirRefs() throws Exception {
    git.write("zones/example.com.zone", com("2", DB + "new A 93.184.215.99\n"));
    String head = git.commit("add a host");
    Cli r = check("--base", base, "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"repository\" : \"" + git.dir() + "\"")
        .contains("\"base\" : \"" + base.substring(0, 12) + " (" + base + ")\"")
        .contains("\"head\" : \"" + head.substring(0, 12) + " (HEAD)\"");
    Cli text = check("--base", base);
    assertThat(text.out()).contains("judged: repository " + git.dir() + "; base " + base.substring(0, 12));
    // In GitLab, the project's address rather than the runner's path, and the base GitLab gave.
    Cli ci = check(Map.of("CI_PROJECT_URL", "https://gitlab.example.com/dns/zones", "CI_MERGE_REQUEST_DIFF_BASE_SHA", base),
        "--format", "json");
    assertThat(ci.out()).contains("\"repository\" : \"https://gitlab.example.com/dns/zones\"")
        .contains("\"base\" : \"" + base.substring(0, 12) + " (CI_MERGE_REQUEST_DIFF_BASE_SHA)\"");
  }

  @Test
  void aChangedRulePackAloneJudgesEveryZone() throws Exception {
    // new rules may block what the old ones passed, so a pack change re-judges all zones
    git.write("zonegate.yaml", CONFIG + "rules: [rules/local.yaml]\n")
        .write("rules/local.yaml", "- id: short-ttl\n  type: ttl-guard\n  params: { minTtl: 60 }\n");
    String withPack = git.commit("a local pack");
    git.write("rules/local.yaml", "- id: short-ttl\n  type: ttl-guard\n  params: { minTtl: 30 }\n");
    git.commit("tune the pack");
    Cli r = check("--base", withPack, "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(json(r).get("zones").findValuesAsString("name")).containsExactly("example.com.", "example.net.");
  }

  @Test
  void anUntouchedZoneWithoutIncludesIsNotParsedEvenWhenBroken() throws Exception {
    // only files that mention $INCLUDE are parsed to find includes; a broken, untouched zone stays unjudged
    git.write("zones/example.net.zone", NET + "bad A 300.1.1.1\n");
    String broken = git.commit("a typo lands on main");
    git.write("zones/example.com.zone", com("2", DB + "new A 93.184.215.99\n"));
    git.commit("com only");
    Cli r = check("--base", broken, "--format", "json");
    assertThat(r.exit()).as(r.err() + r.out()).isZero();
    assertThat(json(r).get("zones").findValuesAsString("name")).containsExactly("example.com.");
  }

  @Test
  void theRepositoryJudgedIsTheWorkTreeRootWhenRepoNamesASubdirectory() throws Exception {
    git.write("zones/example.com.zone", com("2", DB + "new A 93.184.215.99\n"));
    git.commit("add a host");
    Cli r = Cli.run(Map.of(), "", "check", "--repo", git.dir().resolve("zones").toString(), "--base", base, "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(json(r).get("judged").get("repository").asString())
        .isEqualTo(git.dir().toAbsolutePath().normalize().toFile().getAbsoluteFile().toString());
  }

  @Test
  void zonegateTimingsNamesTheConfigAndReadStages() throws Exception {
    git.write("zones/example.com.zone", com("2", DB + "new A 93.184.215.99\n"));
    git.commit("add a host");
    Cli r = check(Map.of("ZONEGATE_TIMINGS", "1"), "--base", base);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).matches("(?s)zonegate: timings: start [0-9.]+ s, git [0-9.]+ s, config [0-9.]+ s, read [0-9.]+ s.*, until now [0-9.]+ s\n");
  }

  @Test
  void verifyPassesAnUnchangedLiveAndNamesTheZone() throws Exception {
    git.write("zonegate.yaml", withSnapshot("live/example.net.zone")).write("live/example.net.zone", NET);
    String withLive = git.commit("live snapshot");
    git.write("zones/example.net.zone", NET + "mail A 93.184.215.81\n");
    git.commit("add mail");
    Path out = tmp.resolve("out");
    assertThat(check("--base", withLive, "--format", "json", "--out", out.toString()).exit()).isZero();
    Cli v = Cli.run(Map.of(), "", "verify", out.resolve("zonegate-report.json").toString(), "--repo", git.dir().toString());
    assertThat(v.exit()).as(v.err() + v.out()).isZero();
    assertThat(v.out()).endsWith("zonegate: live unchanged since the report for example.net.\n");
  }

  @Test
  void verifyRefusesAReportThatJudgedNoZone() throws Exception {
    // a report of no zones approves nothing: deploying on it would be deploying unreviewed
    git.write("zonegate.yaml", withSnapshot("live/example.net.zone")).write("live/example.net.zone", NET);
    String withLive = git.commit("live snapshot");
    git.write("README", "docs only\n");
    git.commit("docs");
    Path out = tmp.resolve("out");
    Cli r = check("--base", withLive, "--format", "json", "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    Cli v = Cli.run(Map.of(), "", "verify", out.resolve("zonegate-report.json").toString(), "--repo", git.dir().toString());
    assertThat(v.exit()).isEqualTo(2);
    assertThat(v.err()).contains("the report names no zone to verify");
  }

  @Test
  void snapshotOfAFileSourceDoesNotReadTheProposedZone() throws Exception {
    // a snapshot file needs no names to ask, so a broken working-tree zone does not stop it
    git.write("zonegate.yaml", withSnapshot("live/example.net.zone")).write("live/example.net.zone", NET)
        .write("zones/example.net.zone", NET + "bad A 300.1.1.1\n");
    Cli s = Cli.run(Map.of(), "", "snapshot", "--repo", git.dir().toString(), "--zone", "example.net.");
    assertThat(s.exit()).as(s.err()).isZero();
    assertThat(s.out()).contains("www.example.net.").contains("93.184.215.80");
  }

  @Test
  void snapshotOfAZoneWithoutALiveSourceIsExitTwo() throws Exception {
    Cli s = Cli.run(Map.of(), "", "snapshot", "--repo", git.dir().toString(), "--zone", "example.net.");
    assertThat(s.exit()).isEqualTo(2);
    assertThat(s.err()).contains("zone example.net. has no live source in").contains("add live:");
  }

  @Test
  void theTrailerReasonIsTheTextAfterTheRuleAndNothingOfIt() throws Exception {
    git.write("zones/example.com.zone", com("2", ""));
    git.commit("decommission the database\n\nZonegate-Allow: address-emptied:db moved to db2\n"
        + "Zonegate-Allow: dangling-reference retired\nZonegate-Allow: critical-endpoint not critical\n");
    Cli r = check("--base", base, "--format", "json");
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(json(r).get("findings").get(0).get("allowedBy").get("reason").asString()).isEqualTo("moved to db2");
  }

  @Test
  void anAllowFlagAllowsABlock() throws Exception {
    git.write("zones/example.com.zone", com("2", "orders CNAME db\n"));
    git.commit("regenerate");
    assertThat(check("--base", base).exit()).isEqualTo(1);
    Cli r = check("--base", base, "--allow", "address-emptied:db.example.com.", "--allow", "dangling-reference", "--format", "json");
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(json(r).get("findings").get(0).get("allowedBy").get("kind").asString()).isEqualTo("flag");
  }

  @Test
  void aBareAllowLabelPrefixIsAnotherToolsLabelAndIgnored() throws Exception {
    // only zonegate-allow:SOMETHING is ours to parse; the prefix alone names no rule and is not an error
    git.write("zones/example.com.zone", com("2", DB + "new A 93.184.215.99\n"));
    git.commit("add a host");
    Cli r = check(Map.of("CI_MERGE_REQUEST_LABELS", "zonegate-allow:,other"), "--base", base);
    assertThat(r.exit()).as(r.err()).isZero();
  }

  @Test
  void lintWithTimingsNamesTheConfigAndReadStages() throws Exception {
    Cli r = Cli.run(Map.of("ZONEGATE_TIMINGS", "1"), "", "lint", "--repo", git.dir().toString());
    assertThat(r.exit()).as(r.err() + r.out()).isZero();
    assertThat(r.err()).matches("(?s)zonegate: timings: start [0-9.]+ s, config [0-9.]+ s, read [0-9.]+ s.*, until now [0-9.]+ s\n");
  }

  @Test
  void aChangedConfigAloneJudgesEveryZone() throws Exception {
    // the config decides what is judged and how (critical names, packs), so changing it re-judges all zones
    git.write("zonegate.yaml", CONFIG.replace("critical: [\"api\"]", "critical: [\"api\", \"www\"]"));
    git.commit("www is critical too");
    Cli r = check("--base", base, "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(json(r).get("zones").findValuesAsString("name")).containsExactly("example.com.", "example.net.");
  }

  @Test
  void aChangedConfigNamedWithConfigInsideTheRepositoryJudgesEveryZone() throws Exception {
    // --config naming the repository's own file: a change to it is still a config change
    git.write("zonegate.yaml", CONFIG.replace("critical: [\"api\"]", "critical: [\"api\", \"www\"]"));
    git.commit("www is critical too");
    Cli r = check("--base", base, "--config", git.dir().resolve("zonegate.yaml").toString(), "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(json(r).get("zones").findValuesAsString("name")).containsExactly("example.com.", "example.net.");
  }

  @Test
  void anUntouchedZoneWhoseIncludesCannotBeReadIsJudged() throws Exception {
    // what it includes is unknown, so it may be touched: it is judged and its error reported
    git.write("zones/example.net.zone", NET + "$INCLUDE common/missing.inc\n");
    String broken = git.commit("an include that is not there");
    git.write("zones/example.com.zone", com("2", DB + "new A 93.184.215.99\n"));
    git.commit("com only");
    Cli r = check("--base", broken, "--format", "json");
    assertThat(json(r).get("zones").findValuesAsString("name")).contains("example.net.");
  }
}
