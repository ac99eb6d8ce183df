package dev.zonegate.live.powerdns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.cli.Main;
import dev.zonegate.model.Zone;
import dev.zonegate.testing.GitFixture;
import dev.zonegate.testing.PdnsServer;
import dev.zonegate.testing.Require;
import dev.zonegate.zone.MemoryTree;
import dev.zonegate.zone.OctoDnsYamlReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parity with octoDNS itself against a real PowerDNS: octoDNS 1.22 with octodns-powerdns syncs a
 * base zone (octoDNS YAML) to pdns ({@code octodns-sync --doit}), some zones are then changed on
 * pdns out of band, and for each head (adds, deletes, updates, TTL changes, many types) octoDNS's
 * own dry-run plan against pdns and zonegate's effective changes (the head YAML against pdns as
 * live, {@code zonegate check}) must name the same (name, type, action) set. zonegate compares
 * only what octoDNS manages on PowerDNS ({@code PowerDnsSource.SCOPE}, a {@code ProviderScope});
 * no filtering happens here.
 * One zone per case, all synced and planned in one octoDNS run each.
 *
 * <p>Skipped with the reason without pdns or octoDNS (../shared/peers/octodns and Debian's python
 * packages), failed instead with {@code ZONEGATE_REQUIRE_PDNS=1} / {@code ZONEGATE_REQUIRE_OCTODNS=1}.
 */
class OctoDnsPowerDnsParityTest {
  static final Path OCTODNS = Path.of("../shared/peers/octodns");
  static final String KEY_ENV = "PDNS_API_KEY";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @RegisterExtension static final PdnsServer pdns = new PdnsServer();

  @TempDir Path tmp;

  static final String HEX32 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  /** The base zone, keys in octoDNS's natural order ({@code Z} is the zone's name). */
  static final String BASE =
      "---\n"
          + "'':\n"
          + "  - ttl: 3600\n    type: CAA\n    values:\n      - flags: 0\n        tag: issue\n        value: letsencrypt.org\n"
          + "  - ttl: 300\n    type: MX\n    values:\n      - exchange: mx1.example.net.\n        preference: 10\n"
          + "  - ttl: 3600\n    type: NS\n    values:\n      - ns1.example.net.\n      - ns2.example.net.\n"
          + "  - ttl: 300\n    type: TXT\n    values:\n      - v=spf1 -all\n"
          + "_443._tcp.www:\n  ttl: 300\n  type: TLSA\n  value:\n    certificate_association_data: " + HEX32
          + "\n    certificate_usage: 3\n    matching_type: 1\n    selector: 1\n"
          + "_sip._tcp:\n  ttl: 300\n  type: SRV\n  value:\n    port: 5060\n    priority: 10\n    target: sip.example.net.\n    weight: 5\n"
          + "api:\n  ttl: 60\n  type: A\n  values:\n    - 192.0.2.20\n    - 192.0.2.21\n"
          + "blog:\n  ttl: 300\n  type: CNAME\n  value: www.Z\n"
          + "naptr:\n  ttl: 300\n  type: NAPTR\n  value:\n    flags: U\n    order: 100\n    preference: 10\n"
          + "    regexp: '!^.*$!sip:info@example.com!'\n    replacement: .\n    service: E2U+sip\n"
          + "sshfp:\n  ttl: 300\n  type: SSHFP\n  value:\n    algorithm: 1\n    fingerprint: " + HEX32.substring(0, 40)
          + "\n    fingerprint_type: 1\n"
          + "sub:\n  - ttl: 300\n    type: DS\n    value:\n      algorithm: 13\n      digest: " + HEX32
          + "\n      digest_type: 2\n      key_tag: 12345\n"
          + "  - ttl: 300\n    type: NS\n    values:\n      - ns1.sub.example.net.\n"
          + "www:\n  - ttl: 300\n    type: A\n    values:\n      - 192.0.2.10\n  - ttl: 300\n    type: AAAA\n    value: 2001:db8::10\n";

  /** Appended at the end: names after www in natural order. */
  static UnaryOperator<String> append(String yaml) {
    return b -> b + yaml;
  }

  static UnaryOperator<String> replace(String from, String to) {
    return b -> {
      if (!b.contains(from)) {
        throw new IllegalArgumentException("the base has no " + from);
      }
      return b.replace(from, to);
    };
  }

  /** Something done on pdns after the base sync, out of band. */
  interface OutOfBand {
    void apply(String zone) throws Exception;
  }

  record Case(String label, UnaryOperator<String> head, OutOfBand outOfBand) {
    Case(String label, UnaryOperator<String> head) {
      this(label, head, null);
    }
  }

  static final String WWW_A = "www:\n  - ttl: 300\n    type: A\n    values:\n      - 192.0.2.10\n";
  static final String APEX_NS = "  - ttl: 3600\n    type: NS\n    values:\n      - ns1.example.net.\n      - ns2.example.net.\n";

  static List<Case> cases() {
    List<Case> c = new ArrayList<>();
    c.add(new Case("no change", b -> b));
    c.add(new Case("add an A name", append("xnew:\n  ttl: 300\n  type: A\n  value: 192.0.2.99\n")));
    c.add(new Case("delete an AAAA", replace("  - ttl: 300\n    type: AAAA\n    value: 2001:db8::10\n", "")));
    c.add(new Case("update A values", replace("      - 192.0.2.10\n", "      - 192.0.2.10\n      - 192.0.2.11\n")));
    c.add(new Case("TTL only", replace("api:\n  ttl: 60\n", "api:\n  ttl: 120\n")));
    c.add(new Case("add an MX value", replace("        preference: 10\n", "        preference: 10\n      - exchange: mx2.example.net.\n        preference: 20\n")));
    c.add(new Case("update TXT", replace("      - v=spf1 -all\n", "      - v=spf1 include:_spf.example.net -all\n")));
    c.add(new Case("add a TXT with an escaped semicolon", append("xdkim:\n  ttl: 300\n  type: TXT\n  value: v=DKIM1\\; k=rsa\\; p=MIGf\n")));
    c.add(new Case("CNAME target", replace("  value: www.Z\n", "  value: api.Z\n")));
    c.add(new Case("delete a CNAME", replace("blog:\n  ttl: 300\n  type: CNAME\n  value: www.Z\n", "")));
    c.add(new Case("SRV weight", replace("    weight: 5\n", "    weight: 50\n")));
    c.add(new Case("add an SRV", replace("api:\n  ttl: 60\n",
        "_xmpp._tcp:\n  ttl: 300\n  type: SRV\n  value:\n    port: 5222\n    priority: 0\n    target: www.Z\n    weight: 1\napi:\n  ttl: 60\n")));
    c.add(new Case("CAA value", replace("        value: letsencrypt.org\n", "        value: pki.goog\n")));
    c.add(new Case("add a delegation", append("xsub:\n  ttl: 300\n  type: NS\n  values:\n    - ns1.example.org.\n    - ns2.example.org.\n")));
    c.add(new Case("delete a delegation and its DS", b -> b.substring(0, b.indexOf("\nsub:\n") + 1) + b.substring(b.indexOf("\nwww:\n") + 1)));
    c.add(new Case("SSHFP TTL and value", replace("sshfp:\n  ttl: 300\n  type: SSHFP\n  value:\n    algorithm: 1\n",
        "sshfp:\n  ttl: 600\n  type: SSHFP\n  value:\n    algorithm: 4\n")));
    c.add(new Case("TLSA selector", replace("    selector: 1\n", "    selector: 0\n")));
    c.add(new Case("NAPTR order", replace("    order: 100\n", "    order: 200\n")));
    c.add(new Case("add a PTR", append("xptr:\n  ttl: 300\n  type: PTR\n  value: host.example.net.\n")));
    c.add(new Case("add a LOC", append("xloc:\n  ttl: 300\n  type: LOC\n  value:\n    altitude: 20\n    lat_degrees: 51\n"
        + "    lat_direction: N\n    lat_minutes: 30\n    lat_seconds: 12.24\n    long_degrees: 0\n    long_direction: W\n"
        + "    long_minutes: 7\n    long_seconds: 39.6\n    precision_horz: 10\n    precision_vert: 2\n    size: 1\n")));
    c.add(new Case("A to CNAME at one name", replace(WWW_A + "  - ttl: 300\n    type: AAAA\n    value: 2001:db8::10\n",
        "www:\n  ttl: 300\n  type: CNAME\n  value: api.Z\n")));
    c.add(new Case("several at once", b -> append("xone:\n  ttl: 300\n  type: A\n  value: 192.0.2.1\n")
        .apply(b.replace("api:\n  ttl: 60\n", "api:\n  ttl: 30\n").replace("blog:\n  ttl: 300\n  type: CNAME\n  value: www.Z\n", ""))));
    c.add(new Case("apex NS gains a server", replace("      - ns2.example.net.\n", "      - ns2.example.net.\n      - ns3.example.net.\n")));
    c.add(new Case("apex NS not in the head (octoDNS leaves it alone)", replace(APEX_NS, "")));
    c.add(new Case("changed on pdns out of band, head unchanged", b -> b,
        z -> pdns.replace(z, new PdnsServer.Set("api." + z, "A", 60, "192.0.2.66"))));
    c.add(new Case("deleted on pdns out of band, head unchanged", b -> b, z -> pdns.delete(z, "blog." + z, "CNAME")));
    c.add(new Case("added on pdns out of band, head unchanged", b -> b,
        z -> pdns.replace(z, new PdnsServer.Set("rogue." + z, "A", 300, "192.0.2.250"))));
    c.add(new Case("a type octoDNS does not manage, added on pdns", b -> b,
        z -> pdns.replace(z, new PdnsServer.Set("info." + z, "HINFO", 300, "\"PC\" \"Linux\""))));
    c.add(new Case("an ignored record changed on pdns", replace("api:\n  ttl: 60\n", "api:\n  octodns:\n    ignored: true\n  ttl: 60\n"),
        z -> pdns.replace(z, new PdnsServer.Set("api." + z, "A", 60, "192.0.2.66"))));
    c.add(new Case("another provider's settings on the record", replace(WWW_A,
        "www:\n  - octodns:\n      cloudflare:\n        proxied: true\n    ttl: 300\n    type: A\n    values:\n      - 192.0.2.10\n")));
    return c;
  }

  /**
   * Where octoDNS and zonegate knowingly differ, by case label: PowerDNS's {@code disabled} records.
   * octodns-powerdns reads a disabled record as if it were served; zonegate leaves it out, as pdns
   * does when it answers.
   */
  static final Map<String, OutOfBand> DIFFERS = Map.of(
      "a disabled record added on pdns",
      z -> pdns.replace(z, new PdnsServer.Set("www." + z, "A", 300, List.of("192.0.2.10"), List.of("192.0.2.13"))));

  @Test
  void octoDnsPlansAndZonegateChangesNameTheSameSets() throws Exception {
    requireOctoDns();
    List<Case> cases = cases();
    Map<String, String> zones = new LinkedHashMap<>(); // zone -> label
    for (int i = 0; i < cases.size(); i++) {
      zones.put(String.format("case%02d.test.", i + 1), cases.get(i).label());
    }
    List<String> differ = new ArrayList<>(DIFFERS.keySet());
    for (int i = 0; i < differ.size(); i++) {
      zones.put(String.format("differ%02d.test.", i + 1), differ.get(i));
    }
    // The base, synced by octoDNS itself.
    Path baseDir = tmp.resolve("base");
    Files.createDirectories(baseDir);
    GitFixture git = GitFixture.init(tmp.resolve("repo"));
    StringBuilder zg = new StringBuilder("zones:\n");
    for (String z : zones.keySet()) {
      String base = BASE.replace("www.Z", "www." + z);
      Files.writeString(baseDir.resolve(z + "yaml"), base);
      git.write("config/" + z + "yaml", base);
      zg.append("  - name: ").append(z).append("\n    file: config/").append(z).append("yaml\n    live:\n")
          .append("      powerdns: { url: \"").append(pdns.url()).append("\", server: localhost, apiKeyEnv: ")
          .append(KEY_ENV).append(", timeout: 30 }\n");
    }
    git.write("zonegate.yaml", zg.toString());
    String baseCommit = git.commit("base");
    sync(baseDir, tmp.resolve("base-plan.json"), true);
    assertThat(plans(sync(baseDir, tmp.resolve("base-again.json"), false)))
        .as("octoDNS plans nothing right after its own sync: the base round-trips through pdns").isEmpty();
    // Heads and out-of-band changes.
    Path headDir = tmp.resolve("head");
    Files.createDirectories(headDir);
    int i = 0;
    for (String z : zones.keySet()) {
      String label = zones.get(z);
      Case c = i < cases.size() ? cases.get(i) : null;
      String base = BASE.replace("www.Z", "www." + z);
      String head = c == null ? base : c.head().apply(BASE).replace(".Z\n", "." + z + "\n");
      Files.writeString(headDir.resolve(z + "yaml"), head);
      git.write("config/" + z + "yaml", head);
      OutOfBand oob = c != null ? c.outOfBand() : DIFFERS.get(label);
      if (oob != null) {
        oob.apply(z);
      }
      i++;
    }
    git.commit("heads");
    Map<String, Set<String>> octo = plans(sync(headDir, tmp.resolve("head-plan.json"), false));
    JsonNode changes = zonegate(git, baseCommit);
    // The figures, for the record (surefire keeps standard output).
    int octoChanges = octo.values().stream().mapToInt(Set::size).sum();
    int zgChanges = changes.size();
    Map<String, Set<String>> kept = new TreeMap<>();
    for (JsonNode c : changes) {
      String z = c.get("zone").asString();
      String key = c.get("name").asString() + " " + c.get("rrtype").asString() + " " + c.get("action").asString();
      kept.computeIfAbsent(z, k -> new TreeSet<>()).add(key);
    }
    System.out.printf("octoDNS/PowerDNS parity: %d cases, octoDNS planned %d changes, zonegate found %d%n",
        cases.size(), octoChanges, zgChanges);
    List<String> mismatches = new ArrayList<>();
    for (String z : zones.keySet()) {
      Set<String> o = octo.getOrDefault(z, Set.of());
      Set<String> g = kept.getOrDefault(z, Set.of());
      boolean expectDiffer = z.startsWith("differ");
      System.out.printf("  %-16s %-55s octoDNS %s zonegate %s%n", z, zones.get(z), o, g);
      if (!expectDiffer && !o.equals(g)) {
        mismatches.add(z + " (" + zones.get(z) + "): octoDNS " + o + ", zonegate " + g);
      }
    }
    assertThat(mismatches).isEmpty();
    // The known difference, exactly: octoDNS would rewrite www A to drop a record that is not served.
    assertThat(octo.get("differ01.test.")).containsExactly("www.differ01.test. A update");
    assertThat(kept.getOrDefault("differ01.test.", Set.of())).isEmpty();
    // The cases are not trivially equal: both sides see changes in most of them.
    assertThat(octoChanges).isGreaterThanOrEqualTo(25);
  }

  /**
   * A case of octoDNS's filter processors: the processor the zone runs ({@code definition}, its
   * settings under {@code processors:}), the head, and what is done on pdns after the base sync.
   * Both tools read one octoDNS config; the base sync runs the processor too.
   */
  record Processed(String label, String definition, UnaryOperator<String> head, OutOfBand outOfBand, String octoDnsOnly) {
    Processed(String label, String definition, UnaryOperator<String> head, OutOfBand outOfBand) {
      this(label, definition, head, outOfBand, null);
    }
  }

  static final String FILTER = "    class: octodns.processor.filter.";

  static List<Processed> processed() {
    List<Processed> c = new ArrayList<>();
    String noTxt = FILTER + "TypeRejectlistFilter\n    rejectlist: [ TXT ]\n";
    OutOfBand extraTxt = z -> pdns.replace(z, new PdnsServer.Set("extra." + z, "TXT", 300, "\"hello\""));
    c.add(new Processed("TXT rejected: TXT changed in the head, one added on pdns", noTxt,
        replace("      - v=spf1 -all\n", "      - v=spf1 include:_spf.example.net -all\n"), extraTxt));
    c.add(new Processed("TXT rejected on the sources' side only: one added on pdns is deleted",
        noTxt + "    include_target: false\n", b -> b, extraTxt));
    c.add(new Processed("only A, AAAA and CNAME: MX and CNAME changed",
        FILTER + "TypeAllowlistFilter\n    allowlist: [ A, AAAA, CNAME ]\n",
        b -> replace("  value: www.Z\n", "  value: api.Z\n").apply(
            replace("        preference: 10\n", "        preference: 10\n      - exchange: mx2.example.net.\n        preference: 20\n").apply(b)),
        null));
    c.add(new Processed("underscored names rejected: SRV and TLSA changed, api's TTL too",
        FILTER + "NameRejectlistFilter\n    rejectlist: [ '/^_/' ]\n",
        b -> replace("    weight: 5\n", "    weight: 50\n").apply(replace("    selector: 1\n", "    selector: 0\n").apply(
            replace("api:\n  ttl: 60\n", "api:\n  ttl: 120\n").apply(b))),
        null));
    c.add(new Processed("names allowed by list: only www and blog managed, api deleted on pdns",
        FILTER + "NameAllowlistFilter\n    allowlist: [ www, /^bl/ ]\n",
        replace("      - 192.0.2.10\n", "      - 192.0.2.10\n      - 192.0.2.11\n"), z -> pdns.delete(z, "api." + z, "A")));
    c.add(new Processed("api's network rejected: api's TTL changed, then api moved out of it on pdns",
        FILTER + "NetworkValueRejectlistFilter\n    rejectlist: [ 192.0.2.20/31 ]\n",
        replace("api:\n  ttl: 60\n", "api:\n  ttl: 120\n"),
        z -> pdns.replace(z, new PdnsServer.Set("api." + z, "A", 60, "192.0.2.66"))));
    c.add(new Processed("network allowed: only 2001:db8::/32 managed, www's A changed",
        FILTER + "NetworkValueAllowlistFilter\n    allowlist: [ '2001:db8::/32' ]\n",
        replace("      - 192.0.2.10\n", "      - 192.0.2.12\n"), null));
    c.add(new Processed("root NS ignored: the head adds a server", FILTER + "IgnoreRootNsFilter\n",
        replace("      - ns2.example.net.\n", "      - ns2.example.net.\n      - ns3.example.net.\n"), null));
    c.add(new Processed("root NS changes taken out of the plan: ns3 added, www's A changed",
        FILTER + "ExcludeRootNsChanges\n    error: false\n",
        b -> replace("      - ns2.example.net.\n", "      - ns2.example.net.\n      - ns3.example.net.\n")
            .apply(replace("      - 192.0.2.10\n", "      - 192.0.2.12\n").apply(b)), null));
    // MetaProcessor's TXT record is octoDNS's own bookkeeping: zonegate does not compare it. With
    // nothing else changed octoDNS plans nothing either; with a change, octoDNS also rewrites it
    // (its time), the one known difference here.
    String meta = "    class: octodns.processor.meta.MetaProcessor\n";
    c.add(new Processed("meta record on pdns, head unchanged", meta, b -> b, null));
    c.add(new Processed("meta record on pdns, www's A changed: octoDNS rewrites the meta record too", meta,
        replace("      - 192.0.2.10\n", "      - 192.0.2.13\n"), null, "meta.Z TXT update"));
    // OwnershipProcessor: octoDNS marks what it deploys and changes only what is marked.
    String owner = "    class: octodns.processor.ownership.OwnershipProcessor\n";
    c.add(new Processed("ownership: blog deleted in the head, a host another tool added on pdns left alone", owner,
        replace("blog:\n  ttl: 300\n  type: CNAME\n  value: www.Z\n", ""),
        z -> pdns.replace(z, new PdnsServer.Set("rogue." + z, "A", 300, "192.0.2.250"))));
    c.add(new Processed("ownership: an owned record changed on pdns is put back", owner, b -> b,
        z -> pdns.replace(z, new PdnsServer.Set("api." + z, "A", 60, "192.0.2.66"))));
    // AcmeManagingProcessor: octoDNS's challenge records carry its marker; a certificate client's are left alone.
    c.add(new Processed("acme: a challenge record added in the head, a client's added on pdns",
        "    class: octodns.processor.acme.AcmeManagingProcessor\n",
        replace("_sip._tcp:\n", "_acme-challenge:\n  ttl: 300\n  type: TXT\n  value: token\n_sip._tcp:\n"),
        z -> pdns.replace(z, new PdnsServer.Set("_acme-challenge.www." + z, "TXT", 60, "\"cert\""))));
    c.add(new Processed("a name written with the zone's, removed", FILTER + "ZoneNameFilter\n    error: false\n",
        append("xfull.@ZONE@:\n  ttl: 300\n  type: A\n  value: 192.0.2.77\n"), null));
    return c;
  }

  @Test
  void filterProcessorsPlanAsOctoDnsPlansThem() throws Exception {
    requireOctoDns();
    List<Processed> cases = processed();
    GitFixture git = GitFixture.init(tmp.resolve("processed"));
    List<String> zones = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      String z = String.format("proc%02d.test.", i + 1);
      zones.add(z);
      git.write("config/" + z + "yaml", BASE.replace("www.Z", "www." + z));
    }
    Path basePlan = tmp.resolve("proc-base.json");
    Path headPlan = tmp.resolve("proc-head.json");
    git.write("octodns.yaml", processedConfig(cases, zones, basePlan));
    String baseCommit = git.commit("base");
    syncIn(git.dir(), "octodns.yaml", true);
    for (int i = 0; i < cases.size(); i++) {
      String z = zones.get(i);
      Processed c = cases.get(i);
      git.write("config/" + z + "yaml", c.head().apply(BASE).replace(".Z\n", "." + z + "\n").replace("@ZONE@", z.substring(0, z.length() - 1)));
      if (c.outOfBand() != null) {
        c.outOfBand().apply(z);
      }
    }
    git.write("octodns.yaml", processedConfig(cases, zones, headPlan));
    git.commit("heads");
    syncIn(git.dir(), "octodns.yaml", false);
    Map<String, Set<String>> octo = plans(Files.exists(headPlan) ? JSON.readTree(Files.readString(headPlan)) : JSON.createObjectNode());
    JsonNode changes = zonegate("check", "--repo", git.dir().toString(), "--octodns-config",
        git.dir().resolve("octodns.yaml").toString(), "--base", baseCommit, "--all-zones", "--format", "json");
    Map<String, Set<String>> kept = new TreeMap<>();
    for (JsonNode c : changes) {
      kept.computeIfAbsent(c.get("zone").asString(), k -> new TreeSet<>())
          .add(c.get("name").asString() + " " + c.get("rrtype").asString() + " " + c.get("action").asString());
    }
    List<String> mismatches = new ArrayList<>();
    int octoChanges = 0;
    for (int i = 0; i < cases.size(); i++) {
      String z = zones.get(i);
      Set<String> o = new TreeSet<>(octo.getOrDefault(z, Set.of()));
      Set<String> g = kept.getOrDefault(z, Set.of());
      octoChanges += o.size();
      String only = cases.get(i).octoDnsOnly();
      if (only != null && !o.remove(only.replace(".Z ", "." + z + " "))) {
        mismatches.add(z + " (" + cases.get(i).label() + "): octoDNS did not plan " + only);
      }
      System.out.printf("  %-14s %-70s octoDNS %s zonegate %s%n", z, cases.get(i).label(), o, g);
      if (!o.equals(g)) {
        mismatches.add(z + " (" + cases.get(i).label() + "): octoDNS " + o + ", zonegate " + g);
      }
    }
    System.out.printf("octoDNS/PowerDNS parity with filter processors: %d cases, octoDNS planned %d changes%n",
        cases.size(), octoChanges);
    assertThat(mismatches).isEmpty();
    // Not trivially equal: the filters leave some changes planned.
    assertThat(octoChanges).isGreaterThanOrEqualTo(5);
  }

  /** One octoDNS config for both tools: each zone runs its case's processor; the plan goes to {@code plan}. */
  private static String processedConfig(List<Processed> cases, List<String> zones, Path plan) {
    StringBuilder cfg = new StringBuilder();
    cfg.append("manager:\n  plan_outputs:\n    json:\n      class: octodns.provider.plan.PlanJson\n")
        .append("      output_filename: ").append(plan.toAbsolutePath()).append("\n")
        .append("processors:\n");
    for (int i = 0; i < cases.size(); i++) {
      cfg.append("  p").append(i + 1).append(":\n").append(cases.get(i).definition());
    }
    cfg.append("providers:\n  config:\n    class: octodns.provider.yaml.YamlProvider\n    directory: ./config\n")
        .append("    default_ttl: 3600\n")
        .append("  pdns:\n    class: octodns_powerdns.PowerDnsProvider\n    host: 127.0.0.1\n    port: ")
        .append(pdns.apiPort()).append("\n    api_key: env/").append(KEY_ENV).append("\n    timeout: 30\n")
        .append("zones:\n");
    for (int i = 0; i < zones.size(); i++) {
      cfg.append("  ").append(zones.get(i)).append(":\n    sources: [config]\n    processors: [p").append(i + 1)
          .append("]\n    targets: [pdns]\n");
    }
    return cfg.toString();
  }

  /** octodns-sync with {@code config}, run in {@code dir} (the config's directories are relative to it). */
  private void syncIn(Path dir, String config, boolean doit) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(
        OCTODNS.toAbsolutePath().resolve("bin/octodns-sync").toString(), "--config-file", config, "--force"));
    if (doit) {
      cmd.add("--doit");
    }
    Path log = tmp.resolve("proc-" + (doit ? "base" : "head") + ".log");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put(KEY_ENV, pdns.apiKey());
    Process p = pb.start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      Assertions.fail("octodns-sync did not finish");
    }
    String text = Files.readString(log);
    assertThat(p.exitValue()).as("octodns-sync failed:\n" + (text.length() > 4000 ? text.substring(text.length() - 4000) : text))
        .isZero();
  }

  /** zonegate check over all the zones; its report's changes. */
  private JsonNode zonegate(GitFixture git, String base) throws Exception {
    return zonegate("check", "--repo", git.dir().toString(), "--base", base, "--all-zones", "--format", "json");
  }

  /** zonegate with {@code args} (a check with the JSON report); its report's changes. */
  private JsonNode zonegate(String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = Main.run(args, o, e, new ByteArrayInputStream(new byte[0]), Map.of(KEY_ENV, pdns.apiKey()));
    }
    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isIn(0, 1);
    return JSON.readTree(out.toString(StandardCharsets.UTF_8)).get("changes");
  }

  /** octoDNS's plan per zone as "name type action" (create/update/delete as add/update/delete). */
  private static Map<String, Set<String>> plans(JsonNode plan) {
    Map<String, Set<String>> out = new TreeMap<>();
    for (JsonNode target : plan) {
      for (Map.Entry<String, JsonNode> z : target.properties()) {
        Set<String> s = new TreeSet<>();
        for (JsonNode c : z.getValue().get("changes")) {
          String name = c.get("name").asString();
          String fqdn = name.isEmpty() ? z.getKey() : name + "." + z.getKey();
          String action = c.get("type").asString().replace("create", "add");
          s.add(fqdn + " " + c.get("record_type").asString() + " " + action);
        }
        if (!s.isEmpty()) {
          out.put(z.getKey(), s);
        }
      }
    }
    return out;
  }

  /** octodns-sync over every zone in {@code dir}; returns its JSON plan. */
  private JsonNode sync(Path dir, Path planFile, boolean doit) throws IOException, InterruptedException {
    StringBuilder cfg = new StringBuilder();
    cfg.append("manager:\n  plan_outputs:\n    json:\n      class: octodns.provider.plan.PlanJson\n")
        .append("      output_filename: ").append(planFile.toAbsolutePath()).append("\n")
        .append("providers:\n  config:\n    class: octodns.provider.yaml.YamlProvider\n    directory: ")
        .append(dir.toAbsolutePath()).append("\n    default_ttl: 3600\n")
        .append("  pdns:\n    class: octodns_powerdns.PowerDnsProvider\n    host: 127.0.0.1\n    port: ")
        .append(pdns.apiPort()).append("\n    api_key: env/").append(KEY_ENV).append("\n    timeout: 30\n")
        .append("zones:\n");
    for (Path f : Files.list(dir).sorted().toList()) {
      String name = f.getFileName().toString();
      cfg.append("  ").append(name, 0, name.length() - "yaml".length())
          .append(":\n    sources: [config]\n    targets: [pdns]\n");
    }
    Path config = tmp.resolve(planFile.getFileName() + ".config.yaml");
    Files.writeString(config, cfg.toString());
    List<String> cmd = new ArrayList<>(List.of(OCTODNS.resolve("bin/octodns-sync").toString(), "--config-file", config.toString(), "--force"));
    if (doit) {
      cmd.add("--doit");
    }
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve(planFile.getFileName() + ".log").toFile());
    pb.environment().put(KEY_ENV, pdns.apiKey());
    Process p = pb.start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      Assertions.fail("octodns-sync did not finish");
    }
    String log = Files.readString(tmp.resolve(planFile.getFileName() + ".log"));
    String tail = log.length() > 4000 ? log.substring(log.length() - 4000) : log;
    assertThat(p.exitValue()).as("octodns-sync failed:\n" + tail).isZero();
    return Files.exists(planFile) ? JSON.readTree(Files.readString(planFile)) : JSON.createObjectNode();
  }

  /** Skips (or, where required, fails) unless octoDNS with octodns-powerdns can run here. */
  static void requireOctoDns() throws IOException, InterruptedException {
    String missing = null;
    Path sync = OCTODNS.resolve("bin/octodns-sync");
    if (!Files.isExecutable(sync)) {
      missing = "no octoDNS peer at " + OCTODNS.toAbsolutePath().normalize()
          + " (octoDNS 1.22 lives in shared/peers/octodns beside the checkout, as CI lays it out)";
    } else {
      Process p = new ProcessBuilder(OCTODNS.resolve("bin/octodns-python").toString(), "-c",
          "import yaml, dns, natsort, dateutil, idna, requests, octodns, octodns_powerdns")
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
        missing = "octoDNS's Python packages are missing (" + out.strip().replaceAll("\\s+", " ") + "); apt-get install"
            + " python3-yaml python3-dnspython python3-natsort python3-dateutil python3-idna python3-requests";
      }
    }
    Require.require(missing == null, "octoDNS cannot run here, so the PowerDNS parity is skipped: " + missing,
        "ZONEGATE_REQUIRE_OCTODNS");
  }
}
