package dev.zonegate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zonegate.model.RRset;
import dev.zonegate.model.Zone;
import dev.zonegate.testing.Require;
import dev.zonegate.zone.CheckNames;
import dev.zonegate.zone.IncludeDirectory;
import dev.zonegate.zone.MemoryTree;
import dev.zonegate.zone.OctoDnsSources;
import dev.zonegate.zone.ZoneFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigLoaderTest {
  /** octoDNS's tests/config in the shared corpus (whose tests call Require.corpus first). */
  private static Path corpus() {
    return Require.corpusDir().resolve("octodns-tests-config");
  }

  private static RepoConfig zonegate(String yaml) throws ConfigException {
    return ConfigLoader.zonegate("zonegate.yaml", yaml.getBytes(StandardCharsets.UTF_8));
  }

  private static RepoConfig octodns(String yaml) throws ConfigException {
    return ConfigLoader.octodns("config/production.yaml", yaml.getBytes(StandardCharsets.UTF_8));
  }

  /** The message of the error a zonegate.yaml gives; fails the test when it loads. */
  private static String zonegateError(String yaml) {
    try {
      zonegate(yaml);
    } catch (ConfigException e) {
      assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Exception");
      return e.getMessage();
    }
    throw new AssertionError("loaded without error:\n" + yaml);
  }

  private static String octodnsError(String yaml) {
    try {
      octodns(yaml);
    } catch (ConfigException e) {
      assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Exception");
      return e.getMessage();
    }
    throw new AssertionError("loaded without error:\n" + yaml);
  }

  private static String zone(String body) {
    return "zones:\n  - name: example.com.\n    file: zones/example.com.zone\n" + body;
  }

  // ---------------------------------------------------------------- zonegate.yaml: valid

  @Test
  void aFullConfigGivesEveryZoneAndLiveSource() throws Exception {
    RepoConfig c =
        zonegate(
            """
            # every live source
            zones:
              - name: Example.COM
                file: ./zones/example.com.zone
                live:
                  axfr: { server: 192.0.2.53, port: 5353, timeout: 30,
                          tsig: { name: gate-key, algorithm: hmac-sha512, secretEnv: ZONEGATE_TSIG } }
                critical: [ "api", "*.endpoints" ]
              - name: example.net.
                file: zones/example.net.yaml
                format: master
                live:
                  query:
                    servers: [ "192.0.2.53", "198.51.100.53:5353", "[2001:db8::53]:53", "2001:db8::54", "ns1.example.net" ]
                    tsig: { name: gate-key., secretEnv: QUERY_KEY }
              - name: example.org.
                file: zones\\example.org.json
                live:
                  snapshot: live/../live/example.org.zone
              - name: example.info.
                file: zones/example.info.zone
                live: { axfr: { server: ns1.example.info } }
            rules: [ rules/default.yaml, ./rules/local.yaml ]
            """);
    assertThat(c.path()).isEqualTo("zonegate.yaml");
    assertThat(c.source()).isEqualTo("zonegate");
    assertThat(c.rulePacks()).containsExactly("rules/default.yaml", "rules/local.yaml");
    assertThat(c.zones()).hasSize(4);

    ZoneConfig com = c.zones().get(0);
    assertThat(com.name()).isEqualTo("example.com.");
    assertThat(com.file()).isEqualTo("zones/example.com.zone");
    assertThat(com.format()).isNull();
    assertThat(com.effectiveFormat()).isEqualTo(ZoneFormat.MASTER);
    assertThat(com.critical()).containsExactly("api", "*.endpoints");
    assertThat(com.live())
        .isEqualTo(
            new LiveConfig.Axfr(
                "192.0.2.53", 5353, new LiveConfig.Tsig("gate-key", "hmac-sha512", "ZONEGATE_TSIG"), 30));
    assertThat(com.lenient()).isFalse();
    assertThat(com.enforceOrder()).isTrue();
    assertThat(com.where().path()).isEqualTo("zonegate.yaml");
    assertThat(com.where().line()).isEqualTo(3);

    ZoneConfig net = c.zones().get(1);
    assertThat(net.format()).isEqualTo(ZoneFormat.MASTER);
    assertThat(net.live())
        .isEqualTo(
            new LiveConfig.Query(
                List.of("192.0.2.53", "198.51.100.53:5353", "[2001:db8::53]:53", "2001:db8::54", "ns1.example.net"),
                new LiveConfig.Tsig("gate-key.", "hmac-sha256", "QUERY_KEY"),
                10));
    assertThat(net.critical()).isEmpty();

    ZoneConfig org = c.zones().get(2);
    assertThat(org.file()).isEqualTo("zones/example.org.json");
    assertThat(org.effectiveFormat()).isEqualTo(ZoneFormat.ROUTE53);
    assertThat(org.live()).isEqualTo(new LiveConfig.Snapshot("live/example.org.zone"));

    assertThat(c.zones().get(3).live()).isEqualTo(new LiveConfig.Axfr("ns1.example.info", 53, null, 10));
    assertThat(c.zone("example.info.")).isSameAs(c.zones().get(3));
  }

  @Test
  void aZoneWithoutLiveHasNoneAndRulesMayBeAbsent() throws Exception {
    RepoConfig c = zonegate(zone(""));
    assertThat(c.zones()).singleElement().satisfies(z -> assertThat(z.live()).isNull());
    assertThat(c.rulePacks()).isEmpty();
  }

  @Test
  void theExampleRepositoryConfigLoads() throws Exception {
    Path file = Path.of("testdata/config-repo/zonegate.yaml");
    RepoConfig c = ConfigLoader.zonegate(file.toString(), Files.readAllBytes(file));
    assertThat(c.zones()).extracting(ZoneConfig::name).containsExactly("example.com.", "example.net.");
    assertThat(c.zones()).extracting(ZoneConfig::file)
        .containsExactly("zones/example.com.zone", "zones/example.net.zone");
    assertThat(c.zones().get(0).critical()).containsExactly("api");
    assertThat(c.rulePacks()).containsExactly("builtin:default", "rules/local.yaml");
    for (ZoneConfig z : c.zones()) {
      assertThat(Path.of("testdata/config-repo").resolve(z.file())).exists();
    }
  }

  // ---------------------------------------------------------------- zonegate.yaml: errors

  @Test
  void anUnknownTopLevelKeyIsNamedWithItsLine() {
    assertThat(zonegateError(zone("") + "rule: [ rules/local.yaml ]\n"))
        .isEqualTo("zonegate.yaml:4: unknown key 'rule' (a zonegate config has only zones and rules); did you mean 'rules'?");
    assertThat(zonegateError("providers: {}\nzones: {}\n"))
        .startsWith("zonegate.yaml:1: unknown key 'providers'")
        .contains("--octodns-config");
  }

  @Test
  void anUnknownZoneKeyIsNamedWithTheZone() {
    assertThat(zonegateError(zone("    critcal: [ api ]\n")))
        .isEqualTo(
            "zonegate.yaml:4: zone 'example.com.': unknown key 'critcal' (a zone takes name, file, format, critical, live, checkNames, includeDirectory, serverDirectory)");
  }

  @Test
  void checkNamesIsNamedsDefaultUnlessTheZoneSaysWhatItsServerDoes() throws Exception {
    assertThat(zonegate(zone("")).zones().get(0).checkNames()).isEqualTo(CheckNames.FAIL);
    assertThat(zonegate(zone("    checkNames: warn\n")).zones().get(0).checkNames()).isEqualTo(CheckNames.WARN);
    assertThat(zonegate(zone("    checkNames: ignore\n")).zones().get(0).checkNames()).isEqualTo(CheckNames.IGNORE);
    assertThat(zonegate(zone("    format: master\n    checkNames: fail\n")).zones().get(0).checkNames()).isEqualTo(CheckNames.FAIL);
    assertThat(zonegateError(zone("    checkNames: off\n")))
        .isEqualTo("zonegate.yaml:4: zone 'example.com.': checkNames: 'off' is not one of fail, warn, ignore");
    // A setting that cannot apply is refused, not dropped: check-names is named's.
    assertThat(zonegateError("zones:\n  - name: example.com.\n    file: zones/example.com.yaml\n    checkNames: ignore\n"))
        .isEqualTo("zonegate.yaml:4: zone 'example.com.': checkNames is named's setting for master files;"
            + " zones/example.com.yaml is read as octodns");
    assertThat(zonegateError(zone("    format: route53\n    checkNames: warn\n")))
        .isEqualTo("zonegate.yaml:5: zone 'example.com.': checkNames is named's setting for master files;"
            + " zones/example.com.zone is read as route53");
  }

  @Test
  void includeDirectoryIsWhereTheZonesServerTakesIncludesFrom() throws Exception {
    assertThat(zonegate(zone("")).zones().get(0).includeDirectory()).isNull();
    assertThat(zonegate(zone("    includeDirectory: .\n")).zones().get(0).includeDirectory())
        .isEqualTo(new IncludeDirectory("", null));
    assertThat(zonegate(zone("    includeDirectory: bind/./zones/\n    serverDirectory: /etc//bind/\n")).zones().get(0).includeDirectory())
        .isEqualTo(new IncludeDirectory("bind/zones", "/etc/bind"));
    assertThat(zonegateError(zone("    includeDirectory: ' '\n")))
        .isEqualTo("zonegate.yaml:4: zone 'example.com.': includeDirectory is empty (. is the repository root)");
    assertThat(zonegateError(zone("    serverDirectory: /etc/bind\n")))
        .isEqualTo("zonegate.yaml:4: zone 'example.com.': serverDirectory needs includeDirectory: the repository's copy of that directory");
    assertThat(zonegateError(zone("    includeDirectory: .\n    serverDirectory: etc/bind\n")))
        .isEqualTo("zonegate.yaml:5: zone 'example.com.': serverDirectory 'etc/bind' is not an absolute path (named's directory as the"
            + " server sees it, such as /etc/bind)");
    assertThat(zonegateError(zone("    includeDirectory: ../etc\n")))
        .isEqualTo("zonegate.yaml:4: zone 'example.com.': includeDirectory '../etc': path escapes the repository"
            + " (paths are relative to the repository root)");
    assertThat(zonegateError("zones:\n  - name: example.com.\n    file: zones/example.com.yaml\n    includeDirectory: .\n"))
        .isEqualTo("zonegate.yaml:4: zone 'example.com.': includeDirectory is named's directory for $INCLUDE in master files;"
            + " zones/example.com.yaml is read as octodns");
  }

  @Test
  void anUnknownNestedKeyIsRefusedByTheSchema() {
    assertThat(zonegateError(zone("    live:\n      axfr:\n        server: ns1.example.com\n        prot: 53\n")))
        .isEqualTo("zonegate.yaml:7: zone 'example.com.': live.axfr: unknown key 'prot' (axfr takes server, port, tsig, timeout)");
  }

  @Test
  void aZoneWithoutAFileIsRefused() {
    assertThat(zonegateError("zones:\n  - name: example.com.\n"))
        .startsWith("zonegate.yaml:2: zone 'example.com.': ")
        .contains("file");
  }

  @Test
  void zonesAreRequiredAndNotEmpty() {
    assertThat(zonegateError("rules: []\n")).startsWith("zonegate.yaml:1: ").contains("zones");
    assertThat(zonegateError("zones: []\n")).startsWith("zonegate.yaml:1: zones: ");
  }

  @Test
  void aBadFormatIsRefused() {
    assertThat(zonegateError(zone("    format: bind9\n")))
        .isEqualTo("zonegate.yaml:4: zone 'example.com.': format: 'bind9' is not one of master, octodns, route53");
  }

  @Test
  void aZoneConfiguredTwiceIsRefused() {
    assertThat(zonegateError(zone("") + "  - name: EXAMPLE.com\n    file: other.zone\n"))
        .isEqualTo("zonegate.yaml:4: zone 'example.com.' is configured twice (first at line 2)");
  }

  @Test
  void aBadZoneNameIsRefused() {
    assertThat(zonegateError("zones:\n  - name: example..com\n    file: x.zone\n"))
        .isEqualTo("zonegate.yaml:2: zone name 'example..com' is not a domain name");
    assertThat(zonegateError("zones:\n  - name: exa mple.com\n    file: x.zone\n"))
        .startsWith("zonegate.yaml:2: zone name 'exa mple.com'");
    assertThat(zonegateError("zones:\n  - name: " + "a".repeat(64) + ".com\n    file: x.zone\n"))
        .startsWith("zonegate.yaml:2: zone name ");
  }

  @Test
  void anInternationalizedZoneNameIsComparedInItsAsciiForm() throws Exception {
    assertThat(zonegate("zones:\n  - name: bücher.example\n    file: x.zone\n").zones().get(0).name())
        .isEqualTo("xn--bcher-kva.example.");
    RepoConfig c =
        octodns("providers:\n  c:\n    class: octodns.provider.yaml.YamlProvider\n    directory: config\n"
            + "zones:\n  bücher.example.:\n    sources: [ c ]\n");
    assertThat(c.zones().get(0).name()).isEqualTo("xn--bcher-kva.example.");
    assertThat(c.zones().get(0).file()).isEqualTo("config/bücher.example.yaml"); // octoDNS opens the UTF-8 name first
  }

  @ParameterizedTest
  @ValueSource(strings = {"../x", "/etc/x", "zones/../../x", "C:/zones/x", "\\\\server\\share"})
  void aZoneFileOutsideTheRepositoryIsRefused(String file) {
    String yaml = "zones:\n  - name: example.com.\n    file: '" + file + "'\n";
    assertThat(zonegateError(yaml))
        .isEqualTo(
            "zonegate.yaml:3: zone 'example.com.': file '" + file
                + "': path escapes the repository (paths are relative to the repository root)");
  }

  @Test
  void ruleAndSnapshotPathsMustStayInside() {
    assertThat(zonegateError(zone("") + "rules: [ ../shared/rules.yaml ]\n"))
        .startsWith("zonegate.yaml:4: rule pack '../shared/rules.yaml': path escapes the repository");
    assertThat(zonegateError(zone("    live: { snapshot: /var/lib/live.zone }\n")))
        .startsWith("zonegate.yaml:4: zone 'example.com.': live.snapshot '/var/lib/live.zone': path escapes");
    assertThat(zonegateError("zones:\n  - name: example.com.\n    file: ./\n"))
        .isEqualTo("zonegate.yaml:3: zone 'example.com.': file './' names no file");
  }

  @Test
  void aSecretIsRefusedWithItsOwnMessage() {
    String yaml =
        zone(
            "    live:\n      axfr:\n        server: ns1.example.com\n"
                + "        tsig: { name: k, secret: c2VjcmV0c2VjcmV0, secretEnv: K }\n");
    assertThat(zonegateError(yaml))
        .isEqualTo(
            "zonegate.yaml:7: zone 'example.com.': secrets never live in config files;"
                + " name an environment variable with secretEnv");
    // Also where it does not belong at all, and before any other complaint about the file.
    assertThat(zonegateError("secret: abc\nzone: []\n"))
        .isEqualTo("zonegate.yaml:1: secrets never live in config files; name an environment variable with secretEnv");
  }

  @Test
  void aBadSecretEnvIsRefused() {
    String yaml =
        zone("    live:\n      axfr:\n        server: ns1.example.com\n        tsig: { name: k, secretEnv: my-key }\n");
    assertThat(zonegateError(yaml))
        .isEqualTo(
            "zonegate.yaml:7: zone 'example.com.': live.axfr.tsig.secretEnv: 'my-key' is not an environment variable"
                + " name (capitals, digits and _, as in ZONEGATE_TSIG)");
  }

  @Test
  void aBadAlgorithmIsRefused() {
    String yaml =
        zone("    live:\n      query:\n        servers: [ ns1 ]\n        tsig: { name: k, algorithm: hmac-md5, secretEnv: K }\n");
    assertThat(zonegateError(yaml)).startsWith("zonegate.yaml:7: zone 'example.com.': live.query.tsig.algorithm: ");
  }

  @Test
  void aPortOutOfRangeIsRefused() {
    assertThat(zonegateError(zone("    live:\n      axfr: { server: ns1.example.com, port: 70000 }\n")))
        .startsWith("zonegate.yaml:5: zone 'example.com.': live.axfr.port: ")
        .contains("65535");
    assertThat(zonegateError(zone("    live:\n      query: { servers: [ 'ns1:70000' ] }\n")))
        .isEqualTo(
            "zonegate.yaml:5: zone 'example.com.': live.query.servers: 'ns1:70000' has port '70000'; a port is 1 to 65535");
    assertThat(zonegateError(zone("    live:\n      query: { servers: [ '[2001:db8::1]x' ] }\n")))
        .contains("is not [IPv6-address]:port");
  }

  @Test
  void twoLiveSourcesAtOnceAreRefused() {
    String yaml = zone("    live:\n      axfr: { server: ns1.example.com }\n      snapshot: live.zone\n");
    assertThat(zonegateError(yaml))
        .isEqualTo(
            "zonegate.yaml:5: zone 'example.com.': live takes exactly one of axfr, query, snapshot, route53, powerdns,"
                + " cloudflare, not axfr and snapshot");
    assertThat(zonegateError(zone("    live: {}\n"))).isEqualTo("zonegate.yaml:4: zone 'example.com.': live names no source; give"
        + " one of axfr, query, snapshot, route53, powerdns, cloudflare, or leave live out");
    assertThat(zonegateError(zone("    live: { axrf: { server: ns1 } }\n")))
        .isEqualTo("zonegate.yaml:4: zone 'example.com.': unknown live source 'axrf' (one of axfr, query, snapshot, route53, powerdns, cloudflare)");
  }

  @Test
  void anUnusableCriticalGlobIsRefused() {
    assertThat(zonegateError(zone("    critical:\n      - api\n      - 'bad name'\n")))
        .startsWith("zonegate.yaml:6: zone 'example.com.': critical: name glob 'bad name' has the character");
  }

  @Test
  void aDuplicateYamlKeyIsRefused() {
    assertThat(zonegateError(zone("    file: other.zone\n")))
        .isEqualTo("zonegate.yaml:4: not valid YAML: key 'file' appears twice in the same map");
  }

  @Test
  void aYamlAliasIsRefusedAtItsLine() {
    assertThat(zonegateError("zones:\n  - name: &n example.com.\n    file: x.zone\n  - name: other.example.\n    file: *n\n"))
        .isEqualTo("zonegate.yaml:5: YAML aliases (*name) are not supported here; write the value out");
  }

  @Test
  void brokenYamlIsRefusedWithItsLine() {
    assertThat(zonegateError("zones:\n  - name: [unclosed\n"))
        .isEqualTo("zonegate.yaml:2: not valid YAML: while parsing a flow sequence: expected ',' or ']', but got <stream end>");
  }

  @Test
  void aDocumentThatIsNotAMapIsRefused() {
    assertThat(zonegateError("- name: example.com.\n  file: x.zone\n"))
        .isEqualTo("zonegate.yaml:1: a zonegate config is a YAML map with a zones: list, not a list");
    assertThat(zonegateError("just words\n")).endsWith("not a string");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "# only a comment\n", "---\n"})
  void anEmptyFileIsRefused(String yaml) {
    assertThat(zonegateError(yaml))
        .isEqualTo("zonegate.yaml: the file is empty; a zonegate config is a YAML map with a zones: list");
  }

  @Test
  void aWrongTypeIsReportedWithTheZoneAndKey() {
    assertThat(zonegateError(zone("    critical: api\n")))
        .isEqualTo("zonegate.yaml:4: zone 'example.com.': critical: string found, list expected");
    assertThat(zonegateError("zones: { example.com.: x.zone }\n")).isEqualTo("zonegate.yaml:1: zones: map found, list expected");
    assertThat(zonegateError("zones:\n  - name: 5\n    file: x.zone\n")).startsWith("zonegate.yaml:2: zone #1: name: ");
  }

  // ---------------------------------------------------------------- octoDNS config

  @Test
  void theOctoDnsTestConfigGivesItsZonesAndFiles() throws Exception {
    Path file = Require.corpus("octodns-tests-config/simple.yaml");
    RepoConfig c = ConfigLoader.octodns("config/simple.yaml", Files.readAllBytes(file));
    assertThat(c.source()).isEqualTo("octodns");
    assertThat(c.rulePacks()).isEmpty();
    assertThat(c.zones())
        .extracting(ZoneConfig::name)
        .containsExactly("unit.tests.", "subzone.unit.tests.", "sub.txt.unit.tests.", "empty.");
    assertThat(c.zones())
        .extracting(ZoneConfig::file)
        .containsExactly(
            "tests/config/unit.tests.yaml",
            "tests/config/subzone.unit.tests.yaml",
            "tests/config/sub.txt.unit.tests.yaml",
            "tests/config/empty.yaml");
    for (ZoneConfig z : c.zones()) {
      assertThat(z.format()).isEqualTo(ZoneFormat.OCTODNS);
      // Its target is a YamlProvider dump: no live state zonegate can read (exit 2 when asked for).
      assertThat(z.live()).isInstanceOf(LiveConfig.Unknown.class);
      assertThat(z.lenient()).isFalse();
      assertThat(z.enforceOrder()).isTrue();
      // The files octoDNS reads are the corpus's own: tests/config is the corpus directory.
      assertThat(file.getParent().resolve(z.file().substring("tests/config/".length()))).exists();
    }
    // The entry's map starts on the line after the zone's key.
    assertThat(c.zones().get(0).where().line()).isEqualTo(30);
  }

  @Test
  void theOctoDnsLenientZoneIsCarried() throws Exception {
    Path file = Require.corpus("octodns-tests-config/simple-lenient-zone.yaml");
    RepoConfig c = ConfigLoader.octodns("simple-lenient-zone.yaml", Files.readAllBytes(file));
    assertThat(c.zones()).singleElement().satisfies(z -> assertThat(z.lenient()).isTrue());
  }

  /**
   * octoDNS's split directories: the corpus's simple-split.yaml (SplitYamlProvider, extension .tst)
   * fills each zone from every .yaml file of its directory, the zone file aside; a split extension
   * that is not a string, or that names another directory, is refused.
   */
  @Test
  void octoDnsSplitDirectoriesAreReadFileByFile() throws Exception {
    Path file = Require.corpus("octodns-tests-config/simple-split.yaml");
    RepoConfig c = ConfigLoader.octodns("simple-split.yaml", Files.readAllBytes(file)).in(corpusTree());
    ZoneConfig unit = c.zones().stream().filter(z -> z.name().equals("unit.tests.")).findFirst().orElseThrow();
    assertThat(unit.splitDirectories()).containsExactly("tests/config/split/unit.tests.tst");
    assertThat(unit.sources().sources().get(0).disableZonefile()).isTrue();
    Zone z = unit.reader().read(corpusTree(), unit.file(), unit.name());
    assertThat(z.sets()).extracting(RRset::location)
        .allSatisfy(l -> assertThat(l.path()).startsWith("tests/config/split/unit.tests.tst/").endsWith(".yaml"));
    assertThat(z.get("www.unit.tests.", "A")).isNotNull();
    assertThat(
            octodnsError(
                "providers:\n  c:\n    class: octodns.provider.yaml.YamlProvider\n    directory: config\n"
                    + "    split_extension: true\nzones:\n  example.com.:\n    sources: [ c ]\n"))
        .isEqualTo("config/production.yaml:5: zone 'example.com.': provider 'c' split_extension is the end of the split"
            + " directory's name (such as '.'), a string");
    assertThat(
            octodnsError(
                "providers:\n  c:\n    class: octodns.provider.yaml.YamlProvider\n    directory: config\n"
                    + "    split_extension: ./x\nzones:\n  example.com.:\n    sources: [ c ]\n"))
        .contains("split_extension './x' names another directory");
    assertThat(
            octodnsError(
                "providers:\n  c:\n    class: octodns.provider.yaml.YamlProvider\n    directory: config\n"
                    + "    split_extension: env/SPLIT\nzones:\n  example.com.:\n    sources: [ c ]\n"))
        .contains("provider 'c' takes its split extension from the environment (env/SPLIT)");
  }

  /** The corpus as a repository would hold it: octoDNS's tests/config. */
  private static MemoryTree corpusTree() throws Exception {
    Map<String, byte[]> files = new HashMap<>();
    Path root = corpus();
    try (var s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (Files.isRegularFile(p)) {
          files.put("tests/config/" + root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
        }
      }
    }
    return new MemoryTree(files);
  }

  @Test
  void octoDnsDynamicZonesAreListedFromTheTreeAndAliasesFollowTheirZone() throws Exception {
    Path file = Require.corpus("octodns-tests-config/dynamic-config.yaml");
    RepoConfig c = ConfigLoader.octodns("dynamic-config.yaml", Files.readAllBytes(file));
    // Named outright: one zone; the '*.one' and '*.two' entries list theirs from the files.
    assertThat(c.zones()).extracting(ZoneConfig::name).containsExactly("subzone.unit.tests.");
    assertThat(c.dynamic()).isNotNull();
    // As octoDNS 1.22 expands it (Manager._preprocess_zones on the same files): subzone.unit.tests.,
    // then unit.tests., dynamic.tests., sub.txt.unit.tests. from '*.one' and nothing more from '*.two'.
    RepoConfig listed = c.in(corpusTree());
    assertThat(listed.dynamic()).isNull();
    assertThat(listed.zones())
        .extracting(ZoneConfig::name)
        .containsExactly("subzone.unit.tests.", "dynamic.tests.", "sub.txt.unit.tests.", "unit.tests.");
    assertThat(listed.zone("unit.tests.").file()).isEqualTo("tests/config/unit.tests.yaml");
    // A base that does not have the directory yet lists nothing; a head without it is an error.
    assertThat(c.atBase(new MemoryTree(Map.of())).zones()).extracting(ZoneConfig::name)
        .containsExactly("subzone.unit.tests.");
    assertThatThrownBy(() -> c.in(new MemoryTree(Map.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "dynamic-config.yaml:24: zone entry '*.one': provider 'in' has no directory tests/config in memory, so"
                + " octoDNS cannot list the zones the entry covers");

    RepoConfig alias =
        octodns(
            "providers:\n  c:\n    class: octodns.provider.yaml.YamlProvider\n    directory: config\n"
                + "zones:\n  alias.example.:\n    alias: example.com.\n  example.com.:\n    sources: [ c ]\n");
    assertThat(alias.zones()).extracting(ZoneConfig::name).containsExactly("example.com.", "alias.example.");
    assertThat(alias.zone("alias.example.").file()).isEqualTo("config/example.com.yaml");
    assertThat(
            octodnsError(
                "providers:\n  c:\n    class: octodns.provider.yaml.YamlProvider\n    directory: config\n"
                    + "zones:\n  alias.example.:\n    alias: nope.example.\n"))
        .isEqualTo("config/production.yaml:7: zone 'alias.example.': alias 'nope.example.' is not a zone with sources in this config");
    // An alias may copy a zone a dynamic entry lists.
    RepoConfig dynamicAlias =
        octodns(
            "providers:\n  c:\n    class: octodns.provider.yaml.YamlProvider\n    directory: config\n"
                + "zones:\n  '*':\n    sources: [ c ]\n  alias.example.:\n    alias: example.com.\n");
    assertThat(dynamicAlias.zones()).isEmpty();
    MemoryTree one = new MemoryTree(Map.of("config/example.com.yaml", new byte[0]));
    assertThat(dynamicAlias.in(one).zones()).extracting(ZoneConfig::name)
        .containsExactly("example.com.", "alias.example.");
    assertThatThrownBy(() -> dynamicAlias.in(new MemoryTree(Map.of("config/other.example.yaml", new byte[0]))))
        .hasMessage(
            "config/production.yaml:9: zone 'alias.example.': alias 'example.com.' is not a zone with sources in"
                + " this config");
  }

  @Test
  void aDynamicEntryListsAsOctoDnsDoes() throws Exception {
    String providers =
        "providers:\n  c:\n    class: octodns.provider.yaml.YamlProvider\n    directory: zones\n";
    MemoryTree tree =
        new MemoryTree(
            Map.of(
                "zones/example.com.yaml", new byte[0],
                "zones/example.net.yaml", new byte[0],
                "zones/2.0.192.in-addr.arpa.yaml", new byte[0],
                "zones/shared.yaml", new byte[0], // one dot: not a zone
                "zones/notes.txt", new byte[0],
                "zones/sub.dir.yaml/x", new byte[0], // a directory: not a zone
                "zones/deeper/example.org.yaml", new byte[0]));
    RepoConfig all = octodns(providers + "zones:\n  '*':\n    sources: [ c ]\n");
    assertThat(all.in(tree).zones()).extracting(ZoneConfig::name)
        .containsExactly("2.0.192.in-addr.arpa.", "example.com.", "example.net.");
    // Configured outright wins over the entry; glob and regex filter it; entries in order, each less
    // the zones already taken.
    RepoConfig split =
        octodns(
            providers.replace("zones\n", "zones\n  r:\n    class: octodns.provider.yaml.YamlProvider\n"
                    + "    directory: zones\n    default_ttl: 60\n")
                + "zones:\n  example.com.:\n    sources: [ r ]\n"
                + "  '*.arpa.':\n    glob: '*.arpa.'\n    sources: [ r ]\n"
                + "  '*':\n    regex: 'net\\.$'\n    sources: [ c ]\n");
    List<ZoneConfig> zones = split.in(tree).zones();
    assertThat(zones).extracting(ZoneConfig::name)
        .containsExactly("example.com.", "2.0.192.in-addr.arpa.", "example.net.");
    assertThat(zones).extracting(z -> z.sources().sources().get(0).id()).containsExactly("r", "r", "c");
    assertThat(zones.get(1).defaultTtl()).isEqualTo(60);
    assertThat(zones.get(1).where()).hasToString("config/production.yaml:13");
  }

  @Test
  void aDynamicEntryThatCannotBeListedIsAnError() {
    String yaml =
        """
        providers:
          c:
            class: octodns.provider.yaml.YamlProvider
            directory: zones
          r53:
            class: octodns_route53.Route53Provider
        zones:
          '*':
            sources: [ c, r53 ]
        """;
    assertThat(octodnsError(yaml))
        .isEqualTo(
            "config/production.yaml:9: zone entry '*': octoDNS lists the zones of source 'r53'"
                + " (octodns_route53.Route53Provider) when it runs, which zonegate cannot do, so the zones the entry"
                + " covers are unknown; list them under zones: by name");
  }

  @Test
  void aListedFileThatNamesNoZoneIsAnError() throws Exception {
    RepoConfig c =
        octodns(
            "providers:\n  c:\n    class: octodns.provider.yaml.YamlProvider\n    directory: zones\n"
                + "zones:\n  '*':\n    sources: [ c ]\n");
    assertThatThrownBy(() -> c.in(new MemoryTree(Map.of("zones/.pre-commit.yaml", new byte[0]))))
        .hasMessage(
            "config/production.yaml:7: zone entry '*': the file .pre-commit.yaml in memory would be the zone"
                + " '.pre-commit.', which is not a domain name zonegate can check; rename or move the file");
  }

  @Test
  void sourcesBesideTheFirstYamlProviderAreAllRead() throws Exception {
    String yaml =
        """
        providers:
          config:
            class: octodns.provider.yaml.YamlProvider
            directory: config
            shared_filename: common.yaml
          internal:
            class: octodns.provider.yaml.YamlProvider
            directory: ./internal
            populate_should_replace: true
            ignore_missing_zones: true
          r53:
            class: octodns_route53.Route53Provider
        zones:
          example.com.:
            lenient: true
            sources: [ config, r53, internal, auto-arpa ]
        """;
    ZoneConfig z = octodns(yaml).zones().get(0);
    assertThat(z.file()).isEqualTo("config/example.com.yaml");
    assertThat(z.paths())
        .containsExactly("config/example.com.yaml", "config/common.yaml", "internal/example.com.yaml");
    assertThat(z.sources().sources()).extracting(OctoDnsSources.Source::id).containsExactly("config", "internal");
    assertThat(z.sources().sources().get(1).options().populateShouldReplace()).isTrue();
    assertThat(z.sources().sources().get(1).ignoreMissingZones()).isTrue();
    assertThat(z.sources().unseen())
        .extracting(n -> n.location().line())
        .containsExactly(16, 16);
    assertThat(z.sources().unseen().get(0).message())
        .isEqualTo(
            "zone example.com.: records from source 'r53' (octodns_route53.Route53Provider) are not seen; zonegate"
                + " reads only octoDNS YamlProvider files, so whatever that source adds to the zone is not judged");
    assertThat(z.sources().unseen().get(1).message()).contains("'auto-arpa' (octodns.processor.arpa.AutoArpa)");
  }

  /**
   * Processors octoDNS runs on a zone before it plans (the manager's, the zone's, the manager's
   * post-processors, meta): the filters zonegate applies are carried to the zone's reading, in
   * order; every other one is named in a notice on the zone. An alias zone runs those of the last
   * zone sync met, as its loop leaves them, after those of the zone it copies. A name octoDNS does
   * not know, or a processor without class, is refused as octoDNS refuses it.
   */
  @Test
  void octoDnsFiltersAreAppliedOtherProcessorsNamedAndUnknownOnesRefused() throws Exception {
    String yaml = """
        manager:
          include_meta: true
          processors: [ no-root-ns ]
          post_processors: [ owner ]
        processors:
          no-root-ns:
            class: octodns.processor.filter.IgnoreRootNsFilter
          only-web:
            class: octodns.processor.filter.TypeAllowlistFilter
            allowlist: [ A, AAAA, CNAME ]
          owner:
            class: octodns.processor.spf.SpfDnsLookupProcessor
        providers:
          config:
            class: octodns.provider.yaml.YamlProvider
            directory: config
        zones:
          example.com.:
            sources: [ config ]
            processors: [ only-web ]
          alias.example.:
            alias: example.com.
          example.net.:
            sources: [ config ]
        """;
    List<ZoneConfig> zones = octodns(yaml).zones();
    assertThat(zones).extracting(ZoneConfig::name).containsExactly("example.com.", "example.net.", "alias.example.");
    assertThat(zones.get(0).sources().filters()).extracting(f -> f.id() + " at line " + f.where().line())
        .containsExactly("no-root-ns at line 3", "only-web at line 20", "meta at line 2");
    assertThat(zones.get(0).sources().filters().get(2).metaRecord()).isEqualTo("octodns-meta");
    assertThat(zones.get(0).sources().unseen()).extracting(n -> n.message().substring(0, n.message().indexOf(" is not")))
        .containsExactly("zone example.com.: processor 'owner' (octodns.processor.spf.SpfDnsLookupProcessor)");
    assertThat(zones.get(0).sources().unseen().get(0).message()).endsWith(
        " is not applied; zonegate judges the zone as its sources fill it, so what the processor drops, adds or"
            + " changes before octoDNS plans is judged as if it did not run");
    assertThat(zones.get(0).sources().unseen().get(0).location().line()).isEqualTo(4);
    // The alias: example.com.'s filters on the copy, then example.net.'s, the last zone that is not
    // an alias (no only-web).
    assertThat(zones.get(2).sources().filters()).extracting(f -> f.id())
        .containsExactly("no-root-ns", "only-web", "meta", "no-root-ns", "meta");
    assertThat(zones.get(2).sources().unseen()).extracting(n -> n.message().substring(0, n.message().indexOf(" (")))
        .containsExactly("zone alias.example.: processor 'owner'");
    assertThatThrownBy(() -> octodns(yaml.replace("processors: [ only-web ]", "processors: [ only-web, nope ]")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("processor 'nope' is not one of the processors:, which octoDNS refuses");
    assertThatThrownBy(() -> octodns(yaml.replace("class: octodns.processor.spf.SpfDnsLookupProcessor", "enabled: true")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("processor 'owner' has no class, which octoDNS refuses");
  }

  /**
   * octoDNS builds every processor when it starts, used or not: a filter it cannot build fails the
   * config, with the file and line of the setting at fault.
   */
  @Test
  void aFilterOctoDnsCannotBuildFailsTheConfigUsedOrNot() throws Exception {
    String head = "processors:\n  f:\n";
    String rest = "providers:\n  config:\n    class: octodns.provider.yaml.YamlProvider\n    directory: config\n"
        + "zones:\n  example.com.:\n    sources: [ config ]\n";
    String filter = "    class: octodns.processor.filter.";
    assertThat(octodnsError(head + filter + "TypeAllowlistFilter\n" + rest))
        .isEqualTo("config/production.yaml:3: processor 'f' (TypeAllowlistFilter) needs its allowlist, so octoDNS refuses"
            + " the config (Incorrect processor config)");
    assertThat(octodnsError(head + filter + "TypeAllowlistFilter\n    allowlist: [ A ]\n    types: [ A ]\n" + rest))
        .isEqualTo("config/production.yaml:5: processor 'f' (TypeAllowlistFilter) takes no setting 'types', so octoDNS"
            + " refuses the config (Incorrect processor config)");
    assertThat(octodnsError(head + filter + "NetworkValueRejectlistFilter\n    rejectlist: [ 10.0.0.1/8 ]\n" + rest))
        .isEqualTo("config/production.yaml:4: processor 'f' (NetworkValueRejectlistFilter): 10.0.0.1/8 is not a valid"
            + " CIDR to use, so octoDNS refuses the config");
    assertThat(octodnsError(head + filter + "NameRejectlistFilter\n    rejectlist: [ 42 ]\n" + rest))
        .isEqualTo("config/production.yaml:4: processor 'f' (NameRejectlistFilter): an entry of its rejectlist is a"
            + " number, not a string, so octoDNS fails building it");
    assertThat(octodnsError(head + filter + "NameRejectlistFilter\n    rejectlist: [ '/(ab/' ]\n" + rest))
        .contains("'/(ab/' is not a regular expression zonegate reads as Python does");
    assertThat(octodnsError(head + filter + "TypeRejectlistFilter\n    rejectlist: env/TYPES\n" + rest))
        .contains("takes its rejectlist from a secret handler (env/TYPES)");
    assertThat(octodnsError("processors: [ f ]\n" + rest))
        .isEqualTo("config/production.yaml:1: processors: is a map of processor names to their settings, not a list,"
            + " which octoDNS refuses");
    assertThat(octodnsError(head + "    class: octodns.processor.clamp.TtlClampProcessor\n    min_ttl: low\n" + rest))
        .contains("(TtlClampProcessor): min_ttl and max_ttl are numbers, and Python cannot compare the two given");
    assertThat(octodnsError(head + "    class: octodns.processor.clamp.TtlClampProcessor\n    min_ttl: 900\n    max_ttl: 60\n"
        + rest)).contains("min_ttl 900 is not lower than max_ttl 60, so octoDNS refuses the config");
    // A TTL restriction with a limit that is no number fails the zones that run it, not the config.
    assertThat(octodns(head + "    class: octodns.processor.restrict.TtlRestrictionFilter\n    min_ttl: low\n" + rest).zones())
        .hasSize(1);
    // A processor zonegate does not apply is built by octoDNS alone: its settings are not judged here.
    assertThat(octodns(head + "    class: octodns.processor.spf.SpfDnsLookupProcessor\n    anything: 1\n" + rest).zones())
        .hasSize(1);
  }

  /** A Cloudflare target's min_ttl (octodns-cloudflare's 120 by default), and the id of the target live is read from. */
  @Test
  void aCloudflareTargetsMinTtlAndTheLiveTargetsId() throws Exception {
    String base = "providers:\n  c:\n    class: octodns.provider.yaml.YamlProvider\n    directory: config\n"
        + "  cf:\n    class: octodns_cloudflare.CloudflareProvider\n    token: env/CF_TOKEN\n";
    String zones = "zones:\n  example.com.:\n    sources: [ c ]\n    targets: [ cf ]\n";
    ZoneConfig z = octodns(base + zones).zones().get(0);
    assertThat(z.live()).isEqualTo(new LiveConfig.Cloudflare(null, "CF_TOKEN", null, 10, 120));
    assertThat(z.liveTarget()).isEqualTo("cf");
    assertThat(octodns(base + "    min_ttl: 30\n" + zones).zones().get(0).live())
        .isEqualTo(new LiveConfig.Cloudflare(null, "CF_TOKEN", null, 10, 30));
    ZoneConfig bad = octodns(base + "    min_ttl: soon\n" + zones).zones().get(0);
    assertThat(bad.live()).isInstanceOfSatisfying(LiveConfig.Unknown.class,
        u -> assertThat(u.why()).contains("target provider 'cf' min_ttl is a whole number of seconds"));
    assertThat(zonegate(zone("")).zones().get(0).liveTarget()).isNull();
  }

  @Test
  void aSharedFileOrDirectoryFromASecretIsRefused() {
    String base = "providers:\n  c:\n    class: octodns.provider.yaml.YamlProvider\n    directory: config\n";
    String zones = "zones:\n  example.com.:\n    sources: [ c ]\n";
    assertThat(octodnsError(base + "    shared_filename: env/SHARED\n" + zones))
        .isEqualTo(
            "config/production.yaml:5: zone 'example.com.': provider 'c' takes its shared file from the environment"
                + " (env/SHARED); zonegate reads no environment variables or secrets for config, so write the shared"
                + " file");
    assertThat(octodnsError("secret_handlers:\n  vault:\n    class: x.Vault\n" + base.replace("config\n", "vault/zones\n") + zones))
        .contains("takes its directory from a secret handler (vault/zones)");
    assertThat(octodnsError(base + "    shared_filename: ../../outside.yaml\n" + zones))
        .contains("shared_filename 'config/../../outside.yaml': path escapes the repository");
    assertThat(octodnsError(base + "    disable_zonefile: true\n" + zones))
        .isEqualTo(
            "config/production.yaml:5: zone 'example.com.': provider 'c' sets disable_zonefile and has no"
                + " shared_filename, so it reads no file and octoDNS fails every zone it fills (no YAMLs found)");
  }

  @Test
  void octoDnsAliasChainsAreRefusedAndAutoArpaZonesSkipped() throws Exception {
    Path loop = Require.corpus("octodns-tests-config/alias-zone-loop.yaml");
    Path arpa = Require.corpus("octodns-tests-config/simple-arpa.yaml");
    assertThatThrownBy(() -> ConfigLoader.octodns("alias-zone-loop.yaml", Files.readAllBytes(loop)))
        .hasMessage(
            "alias-zone-loop.yaml:21: zone 'alias-loop.tests.': alias 'alias.tests.' is itself an alias, which"
                + " octoDNS refuses");
    RepoConfig c = ConfigLoader.octodns("simple-arpa.yaml", Files.readAllBytes(arpa));
    assertThat(c.zones()).extracting(ZoneConfig::name).containsExactly("unit.tests.");
  }

  @Test
  void theExampleOctoDnsRepositoryLoadsAndIgnoresCredentials() throws Exception {
    Path file = Path.of("testdata/octodns-repo/config/production.yaml");
    RepoConfig c = ConfigLoader.octodns("config/production.yaml", Files.readAllBytes(file));
    assertThat(c.zones()).extracting(ZoneConfig::name).containsExactly("example.com.", "example.org.");
    assertThat(c.zones())
        .extracting(ZoneConfig::file)
        .containsExactly("config/example.com.yaml", "config/example.org.yaml");
    for (ZoneConfig z : c.zones()) {
      assertThat(Path.of("testdata/octodns-repo").resolve(z.file())).exists();
      assertThat(z.enforceOrder()).isTrue();
    }
  }

  @Test
  void aZoneWithoutAYamlProviderSourceIsAnError() {
    String yaml =
        """
        providers:
          config:
            class: helpers.TestYamlProvider
            directory: tests/config
          r53:
            class: octodns_route53.Route53Provider
            access_key_id: env/AWS_ACCESS_KEY_ID
        zones:
          example.com.:
            sources:
              - config
              - r53
            targets: [ r53 ]
        """;
    assertThat(octodnsError(yaml))
        .isEqualTo(
            "config/production.yaml:11: zone 'example.com.': no source is an octoDNS YamlProvider"
                + " (config (helpers.TestYamlProvider), r53 (octodns_route53.Route53Provider)),"
                + " so zonegate cannot find its zone file");
  }

  @Test
  void lenientAndEnforceOrderAreCarriedAndTheDirectoryNormalised() throws Exception {
    String yaml =
        """
        processors:
          anything:
            class: octodns.processor.filter.IgnoreRootNsFilter
        providers:
          r53:
            class: octodns_route53.Route53Provider
            secret_access_key: env/AWS_SECRET_ACCESS_KEY
          config:
            class: octodns.provider.yaml.YamlProvider
            directory: ./config
            enforce_order: False
        zones:
          example.com.:
            lenient: true
            sources: [ r53, config ]
            targets: [ r53 ]
            processors: [ anything ]
          Example.ORG.:
            sources: [ config ]
        """;
    RepoConfig c = octodns(yaml);
    ZoneConfig com = c.zones().get(0);
    assertThat(com.file()).isEqualTo("config/example.com.yaml");
    assertThat(com.lenient()).isTrue();
    assertThat(com.enforceOrder()).isFalse();
    assertThat(com.where()).hasToString("config/production.yaml:14");
    ZoneConfig org = c.zones().get(1);
    assertThat(org.name()).isEqualTo("example.org.");
    // octoDNS keys its zones lower-cased and opens config/example.org.yaml, whatever the spelling.
    assertThat(org.file()).isEqualTo("config/example.org.yaml");
    assertThat(org.lenient()).isFalse();

    RepoConfig dot =
        octodns("providers:\n  c:\n    class: octodns.provider.yaml.YamlProvider\n    directory: .\n"
            + "zones:\n  example.com.:\n    sources: [ c ]\n");
    assertThat(dot.zones().get(0).file()).isEqualTo("example.com.yaml");
  }

  @Test
  void octoDnsErrorsNameTheZoneOrKey() {
    String providers = "providers:\n  c:\n    class: octodns.provider.yaml.YamlProvider\n    directory: ../elsewhere\n";
    assertThat(octodnsError(providers + "zones:\n  example.com.:\n    sources: [ c ]\n"))
        .isEqualTo(
            "config/production.yaml:4: zone 'example.com.': provider 'c' directory '../elsewhere':"
                + " path escapes the repository (paths are relative to the repository root)");
    assertThat(
            octodnsError(
                "providers:\n  c:\n    class: octodns.provider.yaml.YamlProvider\n    directory: env/ZONES\n"
                    + "zones:\n  example.com.:\n    sources: [ c ]\n"))
        .contains("from the environment (env/ZONES)");
    assertThat(octodnsError("providers: {}\nzones:\n  example.com.:\n    sources: [ nope ]\n"))
        .isEqualTo("config/production.yaml:4: zone 'example.com.': source 'nope' is not one of the providers");
    assertThat(octodnsError("providers: {}\nzones:\n  missing.sources.: {}\n"))
        .isEqualTo("config/production.yaml:3: zone 'missing.sources.': has no sources");
    assertThat(octodnsError("providers: {}\nzones:\n  example.com:\n    sources: [ c ]\n"))
        .isEqualTo("config/production.yaml:4: zone 'example.com': octoDNS zone names end with a dot ('example.com.')");
    assertThat(octodnsError(providers.replace("../elsewhere", "config")
            + "zones:\n  example.com.:\n    sources: [ c ]\n  Example.COM.:\n    sources: [ c ]\n"))
        .isEqualTo("config/production.yaml:9: zone 'Example.COM.' is the same zone as 'example.com.', listed twice");
    assertThat(octodnsError("zones: {}\n")).isEqualTo(
        "config/production.yaml:1: an octoDNS config needs providers: (a map of provider names to settings)");
    assertThat(octodnsError("providers: {}\nzones: {}\n")).isEqualTo("config/production.yaml:2: no zone zonegate can check");
    assertThat(octodnsError("")).isEqualTo(
        "config/production.yaml: the file is empty; an octoDNS config is a YAML map with providers: and zones:");
    assertThat(octodnsError("providers: {}\nproviders: {}\n")).contains("key 'providers' appears twice");
  }

  /** A flag is Python's truth of what PyYAML made of it, as octoDNS tests it: any other word is true. */
  @Test
  void aFlagWrittenAsAnyOtherWordIsTrueAsItIsToOctoDns() throws Exception {
    String c = "providers:\n  c:\n    class: octodns.provider.yaml.YamlProvider\n    directory: config\n";
    String z = "zones:\n  example.com.:\n    sources: [ c ]\n";
    assertThat(octodns(c + "    enforce_order: maybe\n" + z).zones().get(0).enforceOrder()).isTrue();
    assertThat(octodns(c + "    enforce_order: \"False\"\n" + z).zones().get(0).enforceOrder()).isTrue();
    assertThat(octodns(c + "    enforce_order: False\n" + z).zones().get(0).enforceOrder()).isFalse();
    assertThat(octodns(c + "    enforce_order: Off\n" + z).zones().get(0).enforceOrder()).isFalse();
    assertThat(octodns(c + "    enforce_order: ~\n" + z).zones().get(0).enforceOrder()).isFalse();
    assertThat(octodns(c + "    enforce_order: '~'\n" + z).zones().get(0).enforceOrder()).isTrue();
    assertThat(octodns(c + "    enforce_order: no  # not 'no'\n" + z).zones().get(0).enforceOrder()).isFalse();
  }
}
