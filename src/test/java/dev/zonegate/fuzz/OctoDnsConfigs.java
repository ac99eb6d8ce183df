package dev.zonegate.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * octoDNS repositories made from a fuzzer's choices: a main config ({@code config.yaml}) of one to
 * three YamlProvider sources, each with a directory and some of the settings that decide which
 * files fill a zone and how (shared files, split directories, no zone file, replacing, key order,
 * default TTL), zones drawn from each other's names (a sub-zone, a dynamic {@code '*'} entry, an
 * alias), each with its sources in some order and perhaps filter processors; and the zone, shared and split files those
 * settings read, of a few valid records whose names and types meet across files. What is
 * compared is which files fill which zone, in which order, and what the merge gives.
 */
final class OctoDnsConfigs {
  private OctoDnsConfigs() {}

  static final String[] DIRS = {"d0", "d1", "."};

  static final String[] SETTINGS = {
    "default_ttl: 60", "default_ttl: '120'", "enforce_order: false", "enforce_order: 'no'", "populate_should_replace: true",
    "split_extension: .", "split_extension: .split", "shared_filename: shared.yaml", "disable_zonefile: true",
    "order_mode: simple", "escaped_semicolons: false"
  };

  static final String[] ZONES = {"example.com.", "example.net.", "sub.example.com.", "'*'", "'*.com'"};

  /** The zone files a repository may hold, named as octoDNS looks for them (and not). */
  static final String[] FILES = {
    "example.com.yaml", "example.net.yaml", "sub.example.com.yaml", "shared.yaml", "example.com./a.yaml",
    "example.com./b.yaml", "example.com.split/a.yaml", "Example.COM.yaml", "example.com.yml", "other.org.yaml"
  };

  static final String[] RECORDS = {
    "www:\n  type: A\n  value: 192.0.2.1\n",
    "www:\n  type: A\n  value: 192.0.2.2\n",
    "www:\n  ttl: 60\n  type: A\n  values:\n  - 192.0.2.3\n  - 192.0.2.4\n",
    "www:\n  type: CNAME\n  value: example.net.\n",
    "mail:\n  type: A\n  value: 192.0.2.9\n",
    "mail:\n  type: MX\n  value:\n    exchange: mx.example.net.\n    preference: 10\n",
    "sub:\n  type: NS\n  values:\n  - ns1.example.net.\n  - ns2.example.net.\n",
    "sub:\n  type: A\n  value: 192.0.2.5\n",
    "x.sub:\n  type: A\n  value: 192.0.2.7\n",
    "'':\n  type: TXT\n  value: hello\n",
    "'':\n  type: NS\n  value: ns1.example.net.\n",
    "'*':\n  type: A\n  value: 192.0.2.8\n",
    "www:\n  octodns:\n    lenient: true\n  type: TXT\n  value: a;b\n",
    "www.example.com:\n  type: A\n  value: 192.0.2.6\n",
    "www:\n  type: TXT\n  value: beside\n",
    "_acme-challenge:\n  type: TXT\n  value: token\n"
  };

  /** Processor definitions (under {@code processors:}, after {@code octodns.processor.}): those zonegate applies, some broken. */
  static final String[] PROCESSORS = {
    "filter.TypeRejectlistFilter\n    rejectlist: [ TXT ]\n",
    "filter.TypeAllowlistFilter\n    allowlist: [ A, NS ]\n",
    "filter.TypeRejectlistFilter\n    rejectlist: CNAME\n",
    "filter.TypeRejectlistFilter\n    rejectlist: [ CNAME ]\n    include_target: no\n",
    "filter.NameRejectlistFilter\n    rejectlist: [ www, '/^x/' ]\n",
    "filter.NameAllowlistFilter\n    allowlist: [ '', '/sub/' ]\n",
    "filter.NetworkValueRejectlistFilter\n    rejectlist: [ 192.0.2.0/30 ]\n",
    "filter.NetworkValueAllowlistFilter\n    allowlist: [ 192.0.2.8/29, '2001:db8::/32' ]\n",
    "filter.IgnoreRootNsFilter\n",
    "filter.ZoneNameFilter\n",
    "filter.ZoneNameFilter\n    error: false\n",
    "filter.TypeRejectlistFilter\n",
    "filter.IgnoreRootNsFilter\n    include_target: true\n",
    "filter.NetworkValueRejectlistFilter\n    rejectlist: [ 192.0.2.1/30 ]\n",
    "ownership.OwnershipProcessor\n",
    "ownership.OwnershipProcessor\n    should_replace: true\n",
    "meta.MetaProcessor\n",
    "restrict.TtlRestrictionFilter\n    max_ttl: 300\n",
    "restrict.TtlRestrictionFilter\n    allowed_ttls: [ 60, 3600 ]\n",
    "acme.AcmeManagingProcessor\n",
    "clamp.TtlClampProcessor\n    min_ttl: 60\n    max_ttl: 120\n",
  };

  /** The repository's files by path, {@code config.yaml} among them. */
  static Map<String, String> repository(FuzzedDataProvider d) {
    Map<String, String> files = new LinkedHashMap<>();
    StringBuilder c = new StringBuilder("providers:\n");
    int providers = d.consumeInt(1, 3);
    for (int p = 0; p < providers; p++) {
      c.append("  p").append(p).append(":\n    class: octodns.provider.yaml.YamlProvider\n    directory: ./")
          .append(d.pickValue(DIRS)).append('\n');
      int settings = d.consumeInt(0, 2);
      List<String> keys = new ArrayList<>();
      for (int s = 0; s < settings; s++) {
        String setting = d.pickValue(SETTINGS);
        String key = setting.substring(0, setting.indexOf(':'));
        if (!keys.contains(key)) { // a key twice is refused by zonegate on purpose (docs/fidelity-octodns.md)
          keys.add(key);
          c.append("    ").append(setting).append('\n');
        }
      }
    }
    c.append("  out:\n    class: octodns.provider.yaml.YamlProvider\n    directory: ./out\n");
    int defined = d.consumeInt(0, 3);
    if (defined > 0) {
      c.append("processors:\n");
      for (int i = 0; i < defined; i++) {
        c.append("  f").append(i).append(":\n    class: octodns.processor.").append(d.pickValue(PROCESSORS));
      }
      if (d.consumeInt(0, 3) == 0) {
        c.append("manager:\n  processors: [ f0 ]\n");
      }
    }
    c.append("zones:\n");
    int zones = d.consumeInt(1, 3);
    List<String> named = new ArrayList<>();
    for (int z = 0; z < zones; z++) {
      String zone = d.pickValue(ZONES);
      if (named.contains(zone)) {
        continue;
      }
      named.add(zone);
      c.append("  ").append(zone).append(":\n");
      if (!zone.startsWith("'") && !named.isEmpty() && d.consumeInt(0, 7) == 0 && !named.get(0).equals(zone)) {
        c.append("    alias: ").append(named.get(0)).append('\n');
        if (d.consumeInt(0, 3) == 0) {
          c.append("    ignore_subzone_adds: true\n");
        }
        continue;
      }
      List<String> sources = new ArrayList<>();
      int count = d.consumeInt(1, providers);
      for (int s = 0; s < count; s++) {
        String p = "p" + d.consumeInt(0, providers - 1);
        if (!sources.contains(p)) {
          sources.add(p);
        }
      }
      c.append("    sources: [").append(String.join(", ", sources)).append("]\n    targets: [out]\n");
      if (defined > 0 && d.consumeBoolean()) {
        c.append("    processors: [ f").append(d.consumeInt(0, defined - 1))
            .append(d.consumeBoolean() ? ", f" + d.consumeInt(0, defined - 1) : "").append(" ]\n");
      }
      if (d.consumeInt(0, 4) == 0) {
        c.append("    lenient: true\n");
      }
    }
    files.put("config.yaml", c.toString());
    int count = d.consumeInt(1, 5);
    for (int f = 0; f < count; f++) {
      String dir = d.pickValue(DIRS);
      String path = (dir.equals(".") ? "" : dir + "/") + d.pickValue(FILES);
      files.put(path, zoneFile(d));
    }
    return files;
  }

  /** A few records, names in order (octoDNS's default), or as they came. */
  private static String zoneFile(FuzzedDataProvider d) {
    int n = d.consumeInt(0, 3);
    List<String> records = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      records.add(d.pickValue(RECORDS));
    }
    if (d.consumeBoolean()) {
      records.sort(null);
    }
    return "---\n" + String.join("", records);
  }
}
