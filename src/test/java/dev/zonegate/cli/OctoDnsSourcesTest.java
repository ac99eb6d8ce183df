package dev.zonegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.testing.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An octoDNS repository whose zones octoDNS fills from more than one file: several YamlProvider
 * sources, a shared file, dynamic zone entries, sources zonegate cannot read, a lenient zone. Each
 * change octoDNS would deploy is judged (never exit 0 unjudged).
 */
class OctoDnsSourcesTest {
  @TempDir Path tmp;
  GitFixture git;

  static final String YAML_PROVIDER = "    class: octodns.provider.yaml.YamlProvider\n";

  /** A repository with testdata/octodns-repo's zone files and this config. */
  String base(String config) throws Exception {
    git = GitFixture.init(tmp.resolve("repo")).copy(Path.of("testdata/octodns-repo"));
    git.write("config/production.yaml", config);
    return git.commit("zones as deployed");
  }

  Cli check(String base, String... extra) {
    // Its targets are YamlProvider dumps, which are no live state: judged against base.
    String[] args = new String[9 + extra.length];
    System.arraycopy(
        new String[] {
          "check", "--repo", git.dir().toString(), "--octodns-config",
          git.dir().resolve("config/production.yaml").toString(), "--base", base, "--live", "none"
        },
        0, args, 0, 9);
    System.arraycopy(extra, 0, args, 9, extra.length);
    return Cli.run(Map.of(), "", args);
  }

  String read(String path) throws Exception {
    return Files.readString(git.dir().resolve(path));
  }

  // ---------------------------------------------------------------- several sources

  static final String TWO_SOURCES =
      "providers:\n  config:\n" + YAML_PROVIDER + "    directory: ./config\n"
          + "  internal:\n" + YAML_PROVIDER + "    directory: ./internal\n    populate_should_replace: true\n"
          + "    ignore_missing_zones: true\n"
          + "zones:\n  example.com.:\n    sources: [ config, internal ]\n    targets: [ config ]\n"
          + "  example.org.:\n    sources: [ config, internal ]\n    targets: [ config ]\n";

  static final String INTERNAL = "vpn:\n  type: A\n  values:\n  - 93.184.215.71\n  - 93.184.215.72\n";

  @Test
  void aChangeToTheSecondSourceIsJudged() throws Exception {
    base(TWO_SOURCES);
    git.write("internal/example.com.yaml", INTERNAL);
    String base = git.commit("an internal override");
    // Only the second source's file changes: the zone is touched, read whole, and judged.
    git.write("internal/example.com.yaml", INTERNAL.replace("93.184.215.72", "93.184.215.73"));
    git.commit("move one vpn address");
    Cli benign = check(base);
    assertThat(benign.exit()).as(benign.out() + benign.err()).isZero();
    assertThat(benign.out()).startsWith("zonegate: pass (1 zone,")
        .contains("example.com.: 0 adds, 0 deletes, 1 update").doesNotContain("example.org.:");
    // Emptying it is deleting addresses that are served.
    git.write("internal/example.com.yaml", "--- {}\n");
    git.commit("drop the vpn");
    Cli r = check(base);
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out()).contains("delete vpn.example.com. A");
  }

  @Test
  void aLaterSourceReplacesOnlyWithPopulateShouldReplace() throws Exception {
    String base = base(TWO_SOURCES);
    // www is a CNAME in config/example.com.yaml; internal replaces it.
    git.write("internal/example.com.yaml", "www:\n  ttl: 300\n  type: CNAME\n  value: internal.example.net.\n");
    git.commit("internal www");
    Cli replaced = check(base);
    assertThat(replaced.exit()).as(replaced.out() + replaced.err()).isZero();
    assertThat(replaced.out()).contains("~ update www.example.com. CNAME").contains("+[internal.example.net.]");
    // Without populate_should_replace the second www is a duplicate: octoDNS refuses the zone.
    git.write("config/production.yaml", TWO_SOURCES.replace("    populate_should_replace: true\n", ""));
    git.commit("no replacing");
    Cli duplicate = check(base);
    assertThat(duplicate.exit()).isEqualTo(1);
    assertThat(duplicate.out())
        .contains("zone-parse-error")
        .contains("'www' CNAME: a second CNAME record at this name (the first is at config/example.com.yaml:45)");
  }

  @Test
  void aSourceWithoutAFileFailsAsOctoDnsDoesUnlessItIgnoresMissingZones() throws Exception {
    String base = base(TWO_SOURCES.replace("    ignore_missing_zones: true\n", ""));
    git.write("config/example.com.yaml", read("config/example.com.yaml").replace("93.184.215.22", "93.184.215.23"));
    git.commit("a change while internal has no file for the zone");
    Cli r = check(base);
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out())
        .contains("zone-parse-error")
        .contains("source 'internal' has no file for zone example.com. (internal/example.com.yaml), and octoDNS fails");
  }

  // ---------------------------------------------------------------- shared_filename

  static final String SHARED =
      "providers:\n  config:\n" + YAML_PROVIDER + "    directory: ./config\n    shared_filename: common.yaml\n"
          + "zones:\n  example.com.:\n    sources: [ config ]\n    targets: [ config ]\n"
          + "  example.org.:\n    sources: [ config ]\n    targets: [ config ]\n";

  @Test
  void aChangeToTheSharedFileIsJudgedInEveryZone() throws Exception {
    base(SHARED);
    git.write("config/common.yaml", "monitor:\n  type: A\n  value: 93.184.215.80\n");
    String base = git.commit("a shared record");
    git.write("config/common.yaml", "monitor:\n  type: A\n  value: 93.184.215.81\n");
    git.commit("move it");
    Cli moved = check(base);
    assertThat(moved.exit()).as(moved.out() + moved.err()).isZero();
    assertThat(moved.out())
        .contains("example.com.: 0 adds, 0 deletes, 1 update")
        .contains("example.org.: 0 adds, 0 deletes, 1 update");
    // A shared CNAME where a zone has other data: octoDNS refuses that zone.
    git.write("config/common.yaml", "mx1:\n  type: CNAME\n  value: mail.example.net.\n");
    git.commit("shared mx1");
    Cli r = check(base);
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out())
        .contains("zone-parse-error example.com.  (config/common.yaml:1)")
        .contains("'mx1' CNAME: a CNAME cannot coexist with other records (A); octoDNS refuses the zone");
  }

  @Test
  void theSharedFileAloneFillsAZoneWithoutItsOwnFile() throws Exception {
    String base = base(SHARED);
    git.write("config/common.yaml", "monitor:\n  type: A\n  value: 93.184.215.80\n");
    git.delete("config/example.org.yaml");
    git.commit("example.org. now only has the shared record");
    Cli r = check(base, "--format", "json");
    // Its own records go (blocked: a zone emptied of its addresses), the shared one stays.
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out()).contains("\"name\" : \"monitor.example.org.\"").contains("\"name\" : \"www.example.org.\"");
  }

  // ---------------------------------------------------------------- split directories

  /** example.com. in a split directory of its own, one file per name; example.org. in a zone file. */
  static final String SPLIT =
      "providers:\n  config:\n" + YAML_PROVIDER + "    directory: ./config\n    split_extension: .\n"
          + "zones:\n  example.com.:\n    sources: [ config ]\n    targets: [ config ]\n"
          + "  example.org.:\n    sources: [ config ]\n    targets: [ config ]\n";

  static final String API = "api:\n  type: A\n  values:\n  - 93.184.215.31\n  - 93.184.215.32\n";

  /**
   * A zone read from a split directory ({@code split_extension}): a file added, changed or taken
   * away there is a change to the zone, judged; a change elsewhere leaves it unread.
   */
  @Test
  void aChangeInASplitDirectoryIsJudged() throws Exception {
    base(SPLIT);
    git.delete("config/example.com.yaml");
    git.write("config/example.com./api.yaml", API);
    git.write("config/example.com./www.yaml", "www:\n  type: CNAME\n  value: api.example.com.\n");
    String base = git.commit("example.com. split, one file per name");
    git.write("config/example.com./mail.yaml", "mail:\n  type: A\n  value: 93.184.215.25\n");
    git.commit("a mail host, in a file of its own");
    Cli added = check(base);
    assertThat(added.exit()).as(added.out() + added.err()).isZero();
    assertThat(added.out()).startsWith("zonegate: pass (1 zone,").contains("+ add    mail.example.com. A")
        .doesNotContain("example.org.:");
    // The API's file taken away while www still points at it: blocked.
    git.delete("config/example.com./api.yaml");
    git.commit("retire the api");
    Cli removed = check(base);
    assertThat(removed.exit()).as(removed.out() + removed.err()).isEqualTo(1);
    assertThat(removed.out()).contains("- delete api.example.com. A").contains("block   address-emptied api.example.com.")
        .contains("config/example.com./www.yaml");
    // A file of another directory, or not YAML, in the split directory changes nothing octoDNS reads.
    String at = git.commit("nothing yet");
    git.write("config/example.com./README.md", "one file per name\n");
    git.write("config/example.com./old/api.yaml", API);
    git.commit("notes");
    Cli notes = check(at, "--format", "json");
    assertThat(notes.exit()).as(notes.out() + notes.err()).isZero();
    assertThat(notes.out()).contains("\"zones\" : [ ]");
  }

  // ---------------------------------------------------------------- sub-zones

  static final String WITH_SUB_ZONE =
      "providers:\n  config:\n" + YAML_PROVIDER + "    directory: ./config\n"
          + "zones:\n  example.com.:\n    sources: [ config ]\n    targets: [ config ]\n"
          + "  dev.example.com.:\n    sources: [ config ]\n    targets: [ config ]\n";

  /**
   * A record the parent zone's file puts under a sub-zone the config manages on its own: octoDNS
   * refuses the parent zone (the deploy fails), so the gate blocks it with the record's line.
   */
  @Test
  void aRecordUnderAConfiguredSubZoneIsRefusedAsOctoDnsRefusesIt() throws Exception {
    base(WITH_SUB_ZONE);
    git.write("config/dev.example.com.yaml", "api:\n  type: A\n  value: 93.184.215.60\n");
    String base = git.commit("dev. as a zone of its own");
    String com = read("config/example.com.yaml");
    git.write("config/example.com.yaml", com.replace("www:\n", "web.dev:\n  type: A\n  value: 93.184.215.61\nwww:\n"));
    git.commit("a dev host, in the wrong file");
    Cli r = check(base);
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out()).contains("zone-parse-error example.com.")
        .contains("the name web.dev.example.com. is under dev.example.com., a sub-zone the octoDNS config manages on its own;"
            + " octoDNS refuses the zone");
  }

  // ---------------------------------------------------------------- dynamic zone entries

  static final String DYNAMIC =
      "providers:\n  config:\n" + YAML_PROVIDER + "    directory: ./config\n"
          + "  override:\n" + YAML_PROVIDER + "    directory: ./config\n    default_ttl: 60\n"
          + "zones:\n  example.org.:\n    sources: [ override ]\n    targets: [ config ]\n"
          + "  '*':\n    sources: [ config ]\n    targets: [ config ]\n";

  static final String NET = "'':\n  type: A\n  value: 93.184.215.90\nwww:\n  type: CNAME\n  value: example.net.\n";

  @Test
  void aZoneFileAddedUnderADynamicEntryIsANewZone() throws Exception {
    String base = base(DYNAMIC);
    git.write("config/example.net.yaml", NET);
    git.commit("a new zone");
    Cli r = check(base);
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).startsWith("zonegate: pass (1 zone,").contains("example.net.: 2 adds");
    // A new zone octoDNS would refuse is refused.
    git.write("config/example.net.yaml", NET + "www.x:\n  type: CNAME\n  value: bad..name.\n");
    git.commit("a broken new zone");
    Cli broken = check(base);
    assertThat(broken.exit()).isEqualTo(1);
    assertThat(broken.out()).contains("zone-parse-error").contains("config/example.net.yaml:9");
  }

  @Test
  void aZoneFileDeletedUnderADynamicEntryIsAZoneEmptied() throws Exception {
    String base = base(DYNAMIC);
    git.delete("config/example.com.yaml");
    git.commit("example.com. goes away");
    Cli r = check(base);
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out()).contains("zone-emptied").contains("example.com.:");
  }

  @Test
  void aZoneConfiguredByNameTakesPrecedenceOverTheDynamicEntry() throws Exception {
    String base = base(DYNAMIC);
    // example.org. is read by 'override' (default_ttl 60), example.com. by the '*' entry (3600).
    String org = read("config/example.org.yaml");
    git.write("config/example.org.yaml", org + "zzz:\n  type: A\n  value: 93.184.215.99\n");
    git.write("config/example.com.yaml", read("config/example.com.yaml") + "zzz:\n  type: A\n  value: 93.184.215.99\n");
    git.commit("one new name in each");
    Cli r = check(base);
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains("+ add    zzz.example.org. A ttl 60")
        .contains("+ add    zzz.example.com. A ttl 3600");
  }

  @Test
  void aDynamicEntryWhoseDirectoryIsGoneIsAnError() throws Exception {
    String base = base("providers:\n  config:\n" + YAML_PROVIDER + "    directory: ./zones\n"
        + "zones:\n  '*':\n    sources: [ config ]\n    targets: [ config ]\n");
    git.write("zones/example.net.yaml", NET);
    git.commit("the first zone");
    Cli first = check(base);
    assertThat(first.exit()).as(first.out() + first.err()).isZero();
    assertThat(first.out()).contains("example.net.: 2 adds");
    git.delete("zones/example.net.yaml");
    git.write("elsewhere/example.net.yaml", NET);
    String moved = git.commit("moved away");
    Cli r = check(base, "--head", moved);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith("zonegate: error: ")
        .contains("production.yaml:7: zone entry '*': provider 'config' has no directory zones in git ")
        .endsWith("so octoDNS cannot list the zones the entry covers\n")
        .hasLineCount(1);
  }

  @Test
  void lintReadsTheZonesADynamicEntryLists() throws Exception {
    base(DYNAMIC);
    git.write("config/example.net.yaml", NET);
    Cli r = Cli.run("lint", "--repo", git.dir().toString(), "--octodns-config",
        git.dir().resolve("config/production.yaml").toString());
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).startsWith("zonegate: pass (3 zones");
  }

  // ---------------------------------------------------------------- sources zonegate cannot read

  @Test
  void anotherSourceIsANoticeInEveryReport() throws Exception {
    String config = "providers:\n  config:\n" + YAML_PROVIDER + "    directory: ./config\n"
        + "  route53:\n    class: octodns_route53.Route53Provider\n"
        + "zones:\n  example.com.:\n    sources:\n      - config\n      - route53\n    targets: [ route53 ]\n";
    String base = base(config);
    git.write("config/example.com.yaml", read("config/example.com.yaml").replace("93.184.215.22", "93.184.215.23"));
    git.commit("a change");
    Cli text = check(base);
    assertThat(text.exit()).as(text.out() + text.err()).isZero();
    String notice = "zone example.com.: records from source 'route53' (octodns_route53.Route53Provider) are not seen";
    assertThat(text.out()).contains("warning: " + git.dir().resolve("config/production.yaml") + ":11: " + notice);
    // Every format that carries the report's notices (SARIF, JUnit and Code Quality list findings only).
    for (String format : new String[] {"json", "markdown", "html"}) {
      Cli r = check(base, "--format", format);
      assertThat(r.exit()).as(format).isZero();
      assertThat(r.out()).as(format).contains("records from source").contains("route53");
    }
    // With no YamlProvider at all there is nothing to read: an error, as before.
    git.write("config/production.yaml", config.replace("      - config\n", ""));
    git.commit("route53 only");
    Cli none = check(base);
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).contains("no source is an octoDNS YamlProvider").hasLineCount(1);
  }

  // ---------------------------------------------------------------- lenient

  @Test
  void aLenientZoneShowsItsValidityFindingsAllowedByItsMarker() throws Exception {
    String config = "providers:\n  config:\n" + YAML_PROVIDER + "    directory: ./config\n"
        + "zones:\n  example.com.:\n    sources: [ config ]\n    lenient: true\n    targets: [ config ]\n";
    String base = base(config);
    // A CNAME beside other data: octoDNS loads it in a lenient zone, with a warning.
    git.write("config/example.com.yaml",
        read("config/example.com.yaml").replace("mx2:\n", "mx1:\n  - ttl: 300\n    type: A\n    value: 93.184.215.25\n")
            .replaceFirst("mx1:\n  ttl: 300\n  type: A\n  value: 93.184.215.25\n",
                "")
            .replace("mx1:\n  - ttl: 300\n    type: A\n    value: 93.184.215.25\n",
                "mx1:\n  - ttl: 300\n    type: A\n    value: 93.184.215.25\n  - type: CNAME\n    value: mx2.example.com.\n"
                    + "mx2:\n"));
    git.commit("a CNAME beside mx1's address");
    Cli r = check(base);
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    String marker = git.dir().resolve("config/production.yaml") + ":8";
    assertThat(r.out())
        .contains("allowed cname-conflict mx1.example.com. CNAME")
        .contains("allowed by the repository's lenient marker at " + marker);
    // The same zone not marked lenient: octoDNS refuses it.
    git.write("config/production.yaml", config.replace("    lenient: true\n", ""));
    git.commit("not lenient");
    Cli strict = check(base);
    assertThat(strict.exit()).isEqualTo(1);
    assertThat(strict.out()).contains("zone-parse-error").contains("a CNAME cannot coexist with other records");
  }

  // ---------------------------------------------------------------- includes

  @Test
  void aChangeToAnIncludedFileIsJudged() throws Exception {
    String config = "providers:\n  config:\n" + YAML_PROVIDER + "    directory: ./config\n"
        + "zones:\n  example.com.:\n    sources: [ config ]\n    targets: [ config ]\n"
        + "  example.org.:\n    sources: [ config ]\n    targets: [ config ]\n";
    base(config);
    git.write("config/example.com.yaml", read("config/example.com.yaml")
        .replace("mx1:\n  ttl: 300\n  type: A\n  value: 93.184.215.25\n", "mx1: !include mx1.inc\n"));
    git.write("config/mx1.inc", "ttl: 300\ntype: A\nvalue: 93.184.215.25\n");
    String base = git.commit("mx1 from a file of its own");
    git.write("config/mx1.inc", "ttl: 300\ntype: A\nvalue: 93.184.215.29\n");
    git.commit("only the included file changes");
    Cli r = check(base);
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).startsWith("zonegate: pass (1 zone,").contains("example.com.: 0 adds, 0 deletes, 1 update");
  }
}
