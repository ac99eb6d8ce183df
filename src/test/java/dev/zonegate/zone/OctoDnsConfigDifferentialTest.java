package dev.zonegate.zone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.testing.Require;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Zones octoDNS fills from more than one file, read by zonegate from an octoDNS main config and by
 * octoDNS 1.22's own Manager ({@code src/test/python/octodns_config_dump.py}): several YamlProvider
 * sources with and without {@code populate_should_replace}, shared files sorted before and after
 * the zone file, missing files, {@code disable_zonefile}, dynamic entries with glob and regex,
 * zones configured outright beside them, a file spelled in capitals or in UTF-8, lenient zones.
 * Both must sync the same zones, and for each zone give the same RRsets or both refuse it.
 * Skipped visibly without octoDNS, failed instead where {@code ZONEGATE_REQUIRE_OCTODNS=1}.
 */
class OctoDnsConfigDifferentialTest {
  @TempDir static Path work;

  /** A repository: its octoDNS config ({@code config.yaml}) and files. */
  record Case(String id, String config, Map<String, String> files) {
    Path dir() {
      return work.resolve(id);
    }
  }

  private static final List<Case> CASES = new ArrayList<>();
  private static Map<String, JsonNode> octodns;

  static final String YAML = "    class: octodns.provider.yaml.YamlProvider\n";
  static final String OUT = "  out:\n" + YAML + "    directory: ./out\n";

  static final String WWW_A = "www:\n  type: A\n  value: 93.184.215.1\n";
  static final String WWW_A2 = "www:\n  ttl: 60\n  type: A\n  values:\n  - 93.184.215.2\n  - 93.184.215.3\n";
  static final String MAIL = "mail:\n  type: A\n  value: 93.184.215.9\n";

  private static void add(String id, String config, String... files) {
    Map<String, String> f = new LinkedHashMap<>();
    for (int i = 0; i < files.length; i += 2) {
      f.put(files[i], files[i + 1]);
    }
    CASES.add(new Case(id, config, f));
  }

  private static String providers(String... entries) {
    return "providers:\n" + String.join("", entries) + OUT;
  }

  private static String provider(String id, String dir, String... settings) {
    StringBuilder s = new StringBuilder("  " + id + ":\n" + YAML + "    directory: " + dir + "\n");
    for (String setting : settings) {
      s.append("    ").append(setting).append('\n');
    }
    return s.toString();
  }

  private static String zone(String name, String... sources) {
    return "  " + name + ":\n    sources: [ " + String.join(", ", sources) + " ]\n    targets: [ out ]\n";
  }

  static {
    // Several sources.
    add("later-source-adds",
        providers(provider("a", "a"), provider("b", "b", "default_ttl: 60")) + "zones:\n" + zone("example.com.", "a", "b"),
        "a/example.com.yaml", WWW_A, "b/example.com.yaml", MAIL);
    add("later-source-replaces",
        providers(provider("a", "a"), provider("b", "b", "populate_should_replace: true"))
            + "zones:\n" + zone("example.com.", "a", "b"),
        "a/example.com.yaml", WWW_A + MAIL.replace("mail", "zmail"), "b/example.com.yaml", WWW_A2);
    // The repository's root, spelled as octoDNS takes it (found by OctoDnsConfigFuzzTest).
    add("directory-root-spelled-long",
        providers(provider("a", "./."), provider("b", "d/..")) + "zones:\n" + zone("example.com.", "a")
            + zone("example.net.", "b"),
        "example.com.yaml", WWW_A, "example.net.yaml", MAIL, "d/keep.txt", "");
    // default_ttl as Python's int() takes it; a dynamic entry with a source that lists and reads
    // nothing (found by OctoDnsConfigFuzzTest).
    add("default-ttl-quoted",
        providers(provider("a", "a", "default_ttl: '120'"), provider("b", "b", "default_ttl: 60.0"))
            + "zones:\n" + zone("example.com.", "a") + zone("example.net.", "b"),
        "a/example.com.yaml", WWW_A, "b/example.net.yaml", MAIL);
    add("dynamic-entry-with-a-source-that-reads-nothing",
        providers(provider("a", "a", "disable_zonefile: true"), provider("b", "b")) + "zones:\n"
            + zone("example.net.", "b") + zone("'*'", "a"),
        "a/example.com.yaml", WWW_A, "b/example.net.yaml", MAIL);
    add("zone-taken-over-by-a-dynamic-entry-from-a-source-that-reads-nothing",
        providers(provider("a", "a", "disable_zonefile: true"), provider("b", "b")) + "zones:\n" + zone("'*'", "b")
            + zone("example.com.", "a", "b"),
        "b/Example.COM.yaml", WWW_A, "b/example.com.yaml", MAIL);
    add("alias-copies-a-record-into-its-own-sub-zone",
        providers(provider("a", "a")) + "zones:\n" + zone("example.net.", "a") + "  example.com.:\n    alias: example.net.\n"
            + zone("sub.example.com.", "a"),
        "a/example.net.yaml", "x.sub:\n  type: A\n  value: 192.0.2.7\n", "a/sub.example.com.yaml", WWW_A);
    // An alias copies its zone's records under the lenient Manager.sync's loop left: the last
    // zone that is not an alias. A record a lenient zone loaded then fails the alias (or passes).
    String lenientZone = "  example.net.:\n    lenient: true\n    sources: [ a ]\n    targets: [ out ]\n";
    add("alias-of-a-lenient-zone-last-zone-strict",
        providers(provider("a", "a")) + "zones:\n" + lenientZone + "  example.com.:\n    alias: example.net.\n"
            + zone("sub.example.com.", "a"),
        "a/example.net.yaml", "x.sub:\n  type: A\n  value: 192.0.2.7\n", "a/sub.example.com.yaml", WWW_A);
    add("alias-of-a-lenient-zone-last-zone-lenient",
        providers(provider("a", "a")) + "zones:\n" + zone("sub.example.com.", "a") + "  example.com.:\n    alias: example.net.\n"
            + lenientZone,
        "a/example.net.yaml", "x.sub:\n  type: A\n  value: 192.0.2.7\n", "a/sub.example.com.yaml", WWW_A);
    add("alias-of-a-lenient-zone-cname-beside-data-last-zone-strict",
        providers(provider("a", "a")) + "zones:\n" + lenientZone + "  example.com.:\n    alias: example.net.\n"
            + zone("example.org.", "a"),
        "a/example.net.yaml", "www:\n  - type: CNAME\n    value: example.org.\n  - type: TXT\n    value: hi\n",
        "a/example.org.yaml", WWW_A);
    add("alias-of-a-lenient-zone-cname-beside-data-alone",
        providers(provider("a", "a")) + "zones:\n" + lenientZone + "  example.com.:\n    alias: example.net.\n",
        "a/example.net.yaml", "www:\n  - type: CNAME\n    value: example.org.\n  - type: TXT\n    value: hi\n");
    add("alias-of-a-strict-zone-last-zone-lenient-own-sub-zone",
        providers(provider("a", "a")) + "zones:\n" + zone("example.net.", "a") + "  example.com.:\n    alias: example.net.\n"
            + "  sub.example.com.:\n    lenient: true\n    sources: [ a ]\n    targets: [ out ]\n",
        "a/example.net.yaml", "x.sub:\n  type: A\n  value: 192.0.2.7\n", "a/sub.example.com.yaml", WWW_A);
    add("alias-ignoring-sub-zone-adds",
        providers(provider("a", "a")) + "zones:\n" + zone("example.net.", "a")
            + "  example.com.:\n    alias: example.net.\n    ignore_subzone_adds: true\n" + zone("sub.example.com.", "a"),
        "a/example.net.yaml", "x.sub:\n  type: A\n  value: 192.0.2.7\nwww:\n  type: A\n  value: 192.0.2.8\n",
        "a/sub.example.com.yaml", WWW_A);
    add("later-source-duplicates",
        providers(provider("a", "a"), provider("b", "b")) + "zones:\n" + zone("example.com.", "a", "b"),
        "a/example.com.yaml", WWW_A, "b/example.com.yaml", WWW_A2);
    add("replace-is-the-later-sources-setting",
        providers(provider("a", "a", "populate_should_replace: true"), provider("b", "b"))
            + "zones:\n" + zone("example.com.", "a", "b"),
        "a/example.com.yaml", WWW_A, "b/example.com.yaml", WWW_A2);
    add("cname-beside-data-of-another-source",
        providers(provider("a", "a"), provider("b", "b")) + "zones:\n" + zone("example.com.", "a", "b"),
        "a/example.com.yaml", WWW_A, "b/example.com.yaml", "www:\n  type: CNAME\n  value: other.example.net.\n");
    add("cname-beside-data-of-another-source-lenient",
        providers(provider("a", "a"), provider("b", "b"))
            + "zones:\n  example.com.:\n    lenient: true\n    sources: [ a, b ]\n    targets: [ out ]\n",
        "a/example.com.yaml", WWW_A, "b/example.com.yaml", "www:\n  type: CNAME\n  value: other.example.net.\n");
    add("each-source-its-own-settings",
        providers(provider("a", "a"), provider("b", "b", "enforce_order: false", "escaped_semicolons: false"))
            + "zones:\n" + zone("example.com.", "a", "b"),
        "a/example.com.yaml", "txt:\n  type: TXT\n  value: a\\; b\n",
        "b/example.com.yaml", "zz:\n  type: TXT\n  value: c; d\naa:\n  type: A\n  value: 93.184.215.4\n");
    add("order-enforced-in-the-first",
        providers(provider("a", "a"), provider("b", "b", "enforce_order: false"))
            + "zones:\n" + zone("example.com.", "a", "b"),
        "a/example.com.yaml", "zz:\n  type: A\n  value: 93.184.215.4\naa:\n  type: A\n  value: 93.184.215.5\n",
        "b/example.com.yaml", MAIL);
    add("missing-file-in-a-source",
        providers(provider("a", "a"), provider("b", "b")) + "zones:\n" + zone("example.com.", "a", "b"),
        "a/example.com.yaml", WWW_A);
    add("missing-file-ignored",
        providers(provider("a", "a"), provider("b", "b", "ignore_missing_zones: true"))
            + "zones:\n" + zone("example.com.", "a", "b"),
        "a/example.com.yaml", WWW_A);
    add("same-directory-twice",
        providers(provider("a", "a"), provider("b", "a", "populate_should_replace: true"))
            + "zones:\n" + zone("example.com.", "a", "b"),
        "a/example.com.yaml", WWW_A);

    // Shared files.
    add("shared-sorted-after-the-zone-file",
        providers(provider("a", "a", "shared_filename: zz-shared.yaml", "populate_should_replace: true"))
            + "zones:\n" + zone("example.com.", "a") + zone("example.org.", "a"),
        "a/example.com.yaml", MAIL + WWW_A, "a/example.org.yaml", MAIL, "a/zz-shared.yaml", WWW_A2);
    add("shared-sorted-before-the-zone-file",
        providers(provider("a", "a", "shared_filename: _shared.yaml", "populate_should_replace: true"))
            + "zones:\n" + zone("example.com.", "a"),
        "a/example.com.yaml", WWW_A2, "a/_shared.yaml", MAIL + WWW_A);
    add("shared-duplicates",
        providers(provider("a", "a", "shared_filename: shared.yaml")) + "zones:\n" + zone("example.com.", "a"),
        "a/example.com.yaml", WWW_A, "a/shared.yaml", WWW_A2);
    add("shared-in-another-directory",
        providers(provider("a", "a", "shared_filename: ../common/all.yaml")) + "zones:\n" + zone("example.com.", "a"),
        "a/example.com.yaml", WWW_A, "common/all.yaml", MAIL);
    add("shared-alone",
        providers(provider("a", "a", "shared_filename: shared.yaml")) + "zones:\n" + zone("example.com.", "a"),
        "a/shared.yaml", MAIL);
    add("shared-missing",
        providers(provider("a", "a", "shared_filename: shared.yaml")) + "zones:\n" + zone("example.com.", "a"),
        "a/example.com.yaml", WWW_A);
    add("zone-file-disabled",
        providers(provider("a", "a", "shared_filename: shared.yaml", "disable_zonefile: true"))
            + "zones:\n" + zone("example.com.", "a"),
        "a/example.com.yaml", WWW_A, "a/shared.yaml", MAIL);
    add("alias-of-a-zone-of-several-files",
        providers(provider("a", "a", "shared_filename: shared.yaml"), provider("b", "b"))
            + "zones:\n" + zone("example.com.", "a", "b") + "  alias.example.:\n    alias: example.com.\n",
        "a/example.com.yaml", WWW_A, "a/shared.yaml", MAIL, "b/example.com.yaml", "txt:\n  type: TXT\n  value: b\n");

    // Split directories: one YAML file per record set (or any grouping), every .yaml file of the
    // zone's directory, read in the order of the paths with the zone file and the shared file.
    String apex = "'':\n  type: TXT\n  value: apex\n";
    add("split-extension-dot",
        providers(provider("a", "a", "split_extension: .", "disable_zonefile: true")) + "zones:\n" + zone("example.com.", "a"),
        "a/example.com./$example.com.yaml", apex, "a/example.com./www.yaml", WWW_A, "a/example.com./mail.yaml", MAIL,
        "a/example.com./notes.txt", "not: [ yaml", "a/example.com./old.yml", "stale: { type: A, value: 1.2.3.4 }\n",
        "a/example.com./deeper/x.yaml", "deep:\n  type: A\n  value: 93.184.215.7\n");
    add("split-beside-the-zone-file",
        providers(provider("a", "a", "split_extension: .", "populate_should_replace: true")) + "zones:\n" + zone("example.com.", "a"),
        "a/example.com./www.yaml", WWW_A2, "a/example.com.yaml", MAIL + WWW_A);
    add("split-duplicates-across-files",
        providers(provider("a", "a", "split_extension: .")) + "zones:\n" + zone("example.com.", "a"),
        "a/example.com./a.yaml", WWW_A, "a/example.com./b.yaml", WWW_A2);
    add("split-and-shared",
        providers(provider("a", "a", "split_extension: .", "shared_filename: _shared.yaml", "populate_should_replace: true"))
            + "zones:\n" + zone("example.com.", "a") + zone("example.org.", "a"),
        "a/example.com./www.yaml", WWW_A2, "a/_shared.yaml", MAIL + WWW_A, "a/example.org.yaml", "");
    add("split-provider-deprecated",
        providers("  a:\n    class: octodns.provider.yaml.SplitYamlProvider\n    directory: a\n    extension: .tst\n")
            + "zones:\n" + zone("example.com.", "a"),
        "a/example.com.tst/www.yaml", WWW_A, "a/example.com.tst/mail.yaml", MAIL, "a/example.com.yaml", "ignored:\n  type: A\n  value: 93.184.215.2\n");
    add("split-provider-default-extension",
        providers("  a:\n    class: octodns.provider.yaml.SplitYamlProvider\n    directory: a\n    disable_zonefile: false\n")
            + "zones:\n" + zone("example.com.", "a"),
        "a/example.com./www.yaml", WWW_A, "a/example.com.yaml", MAIL);
    add("split-directory-missing",
        providers(provider("a", "a", "split_extension: .", "disable_zonefile: true")) + "zones:\n" + zone("example.com.", "a"),
        "a/example.org./www.yaml", WWW_A);
    add("split-directory-empty-and-ignored",
        providers(provider("a", "a", "split_extension: .", "disable_zonefile: true", "ignore_missing_zones: true"))
            + "zones:\n" + zone("example.com.", "a"),
        "a/example.org./www.yaml", WWW_A);
    add("split-utf8-directory",
        providers(provider("a", "a", "split_extension: .")) + "zones:\n" + zone("xn--bcher-kva.example.", "a"),
        "a/bücher.example./www.yaml", WWW_A);
    add("split-both-spellings",
        providers(provider("a", "a", "split_extension: .")) + "zones:\n" + zone("bücher.example.", "a"),
        "a/bücher.example./www.yaml", WWW_A, "a/xn--bcher-kva.example./mail.yaml", MAIL);
    add("split-dynamic-entry",
        providers(provider("a", "a", "split_extension: .split")) + "zones:\n" + zone("'*'", "a"),
        "a/example.com.split/www.yaml", WWW_A, "a/example.org.yaml", MAIL, "a/example.net.split/mail.yaml", MAIL,
        "a/example.net.yaml", WWW_A, "a/other.dir/x.yaml", WWW_A);
    add("split-lenient-cname-beside-data",
        providers(provider("a", "a", "split_extension: ."))
            + "zones:\n  example.com.:\n    lenient: true\n    sources: [ a ]\n    targets: [ out ]\n",
        "a/example.com./a.yaml", WWW_A, "a/example.com./b.yaml", "www:\n  type: CNAME\n  value: other.example.net.\n");

    // octoDNS's own split fixtures (tests/config/split, read by its simple-split.yaml), where the
    // shared corpus is at hand (required where ZONEGATE_REQUIRE_CORPUS=1: the walk then fails).
    Path corpus = Require.corpusDir().resolve("octodns-tests-config/split");
    if (Files.isDirectory(corpus) || "1".equals(System.getenv("ZONEGATE_REQUIRE_CORPUS"))) {
      List<String> files = new ArrayList<>();
      try (var walk = Files.walk(corpus)) {
        for (Path f : (Iterable<Path>) walk.sorted()::iterator) {
          if (Files.isRegularFile(f)) {
            files.add("split/" + corpus.relativize(f).toString().replace('\\', '/'));
            files.add(Files.readString(f, StandardCharsets.UTF_8));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      add("corpus-simple-split",
          providers("  in:\n    class: octodns.provider.yaml.SplitYamlProvider\n    directory: split\n    extension: .tst\n")
              + "zones:\n" + zone("unit.tests.", "in") + zone("subzone.unit.tests.", "in") + zone("unordered.", "in")
              + zone("dynamic.tests.", "in") + zone("empty.", "in"),
          files.toArray(new String[0]));
    } else {
      System.out.println("octoDNS config differential: the shared corpus is missing (" + corpus
          + "), so octoDNS's own split fixtures are not among the cases");
    }

    // Flags written as null, numbers or lists: Python's truth decides them, as octoDNS tests them.
    String unordered = "zz:\n  type: A\n  value: 93.184.215.4\naa:\n  type: A\n  value: 93.184.215.5\n";
    // enforce_order written every way PyYAML reads differently: None, numbers, quoted and plain words.
    String[][] enforceOrder = {
        {"null", "~"}, {"zero", "0"}, {"two", "2"}, {"quoted-false", "\"false\""}, {"plain-no", "no"},
        {"quoted-no", "'no'"}, {"odd-case", "nO"}, {"empty-string", "''"}, {"quoted-tilde", "'~'"}, {"off", "OFF"}};
    for (String[] e : enforceOrder) {
      add("flag-enforce-order-" + e[0],
          providers(provider("a", "a", "enforce_order: " + e[1])) + "zones:\n" + zone("example.com.", "a"),
          "a/example.com.yaml", unordered);
    }
    add("flag-escaped-semicolons-null",
        providers(provider("a", "a", "escaped_semicolons: ~")) + "zones:\n" + zone("example.com.", "a"),
        "a/example.com.yaml", "txt:\n  type: TXT\n  value: a; b\n");
    add("flag-lenient-quoted-false",
        providers(provider("a", "a"), provider("b", "b"))
            + "zones:\n  example.com.:\n    lenient: 'false'\n    sources: [ a, b ]\n    targets: [ out ]\n",
        "a/example.com.yaml", WWW_A, "b/example.com.yaml", "www:\n  type: CNAME\n  value: other.example.net.\n");
    add("flag-replace-list",
        providers(provider("a", "a"), provider("b", "b", "populate_should_replace: [yes]"))
            + "zones:\n" + zone("example.com.", "a", "b"),
        "a/example.com.yaml", WWW_A, "b/example.com.yaml", WWW_A2);
    add("flag-lenient-empty-list",
        providers(provider("a", "a"), provider("b", "b"))
            + "zones:\n  example.com.:\n    lenient: []\n    sources: [ a, b ]\n    targets: [ out ]\n",
        "a/example.com.yaml", WWW_A, "b/example.com.yaml", "www:\n  type: CNAME\n  value: other.example.net.\n");

    // Sub-zones: a zone of the config below another; the parent holds only the NS and DS at its top.
    String sub = "sub:\n  type: NS\n  values:\n  - ns1.example.net.\n  - ns2.example.net.\n";
    String subZone = zone("example.com.", "a") + zone("sub.example.com.", "a");
    add("sub-zone-ns-at-its-top",
        providers(provider("a", "a")) + "zones:\n" + subZone,
        "a/example.com.yaml", sub + WWW_A, "a/sub.example.com.yaml", WWW_A);
    add("sub-zone-a-at-its-top",
        providers(provider("a", "a")) + "zones:\n" + subZone,
        "a/example.com.yaml", "sub:\n  type: A\n  value: 93.184.215.5\n" + WWW_A, "a/sub.example.com.yaml", WWW_A);
    add("sub-zone-record-below-it",
        providers(provider("a", "a")) + "zones:\n" + subZone,
        "a/example.com.yaml", WWW_A + "www.sub:\n  type: A\n  value: 93.184.215.6\n", "a/sub.example.com.yaml", MAIL);
    add("sub-zone-record-below-it-lenient-zone",
        providers(provider("a", "a"))
            + "zones:\n  example.com.:\n    lenient: true\n    sources: [ a ]\n    targets: [ out ]\n" + zone("sub.example.com.", "a"),
        "a/example.com.yaml", WWW_A + "www.sub:\n  type: A\n  value: 93.184.215.6\n", "a/sub.example.com.yaml", MAIL);
    add("sub-zone-record-below-it-lenient-record",
        providers(provider("a", "a")) + "zones:\n" + subZone,
        "a/example.com.yaml", WWW_A + "www.sub:\n  octodns:\n    lenient: true\n  type: A\n  value: 93.184.215.6\n",
        "a/sub.example.com.yaml", MAIL);
    add("sub-zone-adds-ignored",
        providers(provider("a", "a"))
            + "zones:\n  example.com.:\n    ignore_subzone_adds: true\n    sources: [ a ]\n    targets: [ out ]\n"
            + zone("sub.example.com.", "a"),
        "a/example.com.yaml", WWW_A + "www.sub:\n  type: A\n  value: 93.184.215.6\n", "a/sub.example.com.yaml", MAIL);
    add("sub-zone-deep",
        providers(provider("a", "a")) + "zones:\n" + zone("example.com.", "a") + zone("deep.thing.example.com.", "a"),
        "a/example.com.yaml", "thing:\n  type: A\n  value: 93.184.215.7\nx.deep.thing:\n  type: A\n  value: 93.184.215.8\n",
        "a/deep.thing.example.com.yaml", MAIL);
    add("sub-zone-not-a-suffix-match",
        providers(provider("a", "a")) + "zones:\n" + subZone,
        "a/example.com.yaml", "mysub:\n  type: A\n  value: 93.184.215.9\n", "a/sub.example.com.yaml", MAIL);
    add("sub-zone-listed-by-a-dynamic-entry",
        providers(provider("a", "a")) + "zones:\n" + zone("'*'", "a"),
        "a/example.com.yaml", WWW_A + "www.sub:\n  type: A\n  value: 93.184.215.6\n", "a/sub.example.com.yaml", MAIL);

    // Dynamic entries.
    String com = "a/example.com.yaml";
    add("dynamic-all",
        providers(provider("a", "a")) + "zones:\n" + zone("'*'", "a"),
        com, WWW_A, "a/example.org.yaml", MAIL, "a/2.0.192.in-addr.arpa.yaml", "", "a/notes.yaml", WWW_A,
        "a/readme.txt", "x", "a/sub.example.yaml/inner.yaml", WWW_A);
    add("dynamic-beside-a-zone-by-name",
        providers(provider("a", "a"), provider("b", "a", "default_ttl: 60"))
            + "zones:\n" + zone("'*'", "a") + zone("example.org.", "b"),
        com, WWW_A, "a/example.org.yaml", MAIL);
    add("dynamic-glob-and-regex",
        providers(provider("a", "a"), provider("b", "a", "default_ttl: 60"))
            + "zones:\n  '*.arpa.':\n    glob: '*.arpa.'\n    sources: [ b ]\n    targets: [ out ]\n"
            + "  '*':\n    regex: '^example\\.(com|net)\\.$'\n    sources: [ a ]\n    targets: [ out ]\n",
        com, WWW_A, "a/example.org.yaml", MAIL, "a/example.net.yaml", MAIL,
        "a/2.0.192.in-addr.arpa.yaml", "'1':\n  type: PTR\n  value: www.example.com.\n");
    add("dynamic-entries-in-order",
        providers(provider("a", "a"), provider("b", "a", "default_ttl: 60"))
            + "zones:\n" + zone("'*.b'", "b") + zone("'*.a'", "a"),
        com, WWW_A, "a/example.org.yaml", MAIL);
    add("dynamic-several-sources",
        providers(provider("a", "a"), provider("b", "b", "ignore_missing_zones: true"))
            + "zones:\n" + zone("'*'", "a", "b"),
        com, WWW_A, "b/example.org.yaml", MAIL, "b/example.com.yaml", MAIL);
    add("dynamic-file-in-capitals-takes-over",
        providers(provider("a", "a", "shared_filename: shared.yaml"), provider("b", "a", "default_ttl: 60"))
            + "zones:\n" + zone("example.com.", "b") + zone("'*'", "a"),
        com, WWW_A, "a/Example.COM.yaml", MAIL, "a/shared.yaml", "shared:\n  type: A\n  value: 93.184.215.8\n");
    add("dynamic-utf8-file",
        providers(provider("a", "a")) + "zones:\n" + zone("'*'", "a"),
        "a/bücher.example.yaml", WWW_A);
    add("idna-zone-by-name-utf8-file",
        providers(provider("a", "a")) + "zones:\n" + zone("xn--bcher-kva.example.", "a"),
        "a/bücher.example.yaml", WWW_A);
    add("idna-zone-both-spellings",
        providers(provider("a", "a")) + "zones:\n" + zone("bücher.example.", "a"),
        "a/bücher.example.yaml", WWW_A, "a/xn--bcher-kva.example.yaml", MAIL);
    add("dynamic-lenient",
        providers(provider("a", "a"))
            + "zones:\n  '*':\n    lenient: true\n    sources: [ a ]\n    targets: [ out ]\n",
        com, WWW_A + "www2:\n  - type: A\n    value: 93.184.215.6\n  - type: CNAME\n    value: www.example.com.\n");
    add("dynamic-alias",
        providers(provider("a", "a")) + "zones:\n" + zone("'*'", "a") + "  alias.example.:\n    alias: example.com.\n",
        com, WWW_A);
    add("dynamic-directory-missing",
        providers(provider("a", "nowhere")) + "zones:\n" + zone("'*'", "a"),
        com, WWW_A);
  }

  /** A zone of source {@code a} that runs {@code processors} (names, comma-separated). */
  private static String processed(String name, String processors) {
    return "  " + name + ":\n    sources: [ a ]\n    processors: [ " + processors + " ]\n    targets: [ out ]\n";
  }

  /** A config whose {@code processors:} are {@code definitions} and whose zones are {@code zones}. */
  private static String withProcessors(String definitions, String zones) {
    return "processors:\n" + definitions + providers(provider("a", "a")) + "zones:\n" + zones;
  }

  private static String processor(String id, String cls, String... settings) {
    StringBuilder s = new StringBuilder("  " + id + ":\n    class: octodns.processor.filter." + cls + "\n");
    for (String setting : settings) {
      s.append("    ").append(setting).append('\n');
    }
    return s.toString();
  }

  // Filter processors: octoDNS runs them on the zone its sources filled, before it validates.
  static final String MIXED = "'':\n  - type: A\n    value: 93.184.215.1\n  - type: NS\n    values: [ ns1.example.net., ns2.example.net. ]\n"
      + "  - type: TXT\n    value: v=spf1 -all\n"
      + "_acme-challenge:\n  type: TXT\n  value: token\n"
      + "api:\n  type: AAAA\n  values: [ 2001:db8::1, 2001:db8:1::1 ]\n"
      + "db:\n  type: A\n  values: [ 10.0.0.5, 192.0.2.5 ]\n"
      + "mail:\n  - type: A\n    value: 10.1.2.3\n  - type: MX\n    value:\n      exchange: mail.example.com.\n      preference: 10\n"
      + "www:\n  type: CNAME\n  value: api.example.com.\n";

  static {
    add("filter-type-allowlist",
        withProcessors(processor("only", "TypeAllowlistFilter", "allowlist: [ A, CNAME ]"), processed("example.com.", "only")),
        "a/example.com.yaml", MIXED);
    add("filter-type-rejectlist-source-only",
        withProcessors(processor("no-txt", "TypeRejectlistFilter", "rejectlist: [ TXT ]", "include_target: no"),
            processed("example.com.", "no-txt")),
        "a/example.com.yaml", MIXED);
    add("filter-type-list-as-a-string-is-its-characters",
        withProcessors(processor("odd", "TypeRejectlistFilter", "rejectlist: TXT"), processed("example.com.", "odd")),
        "a/example.com.yaml", MIXED);
    add("filter-type-list-as-a-map-is-its-keys",
        withProcessors(processor("map", "TypeRejectlistFilter", "rejectlist: { TXT: 1, MX: 2 }"), processed("example.com.", "map")),
        "a/example.com.yaml", MIXED);
    add("filter-name-allowlist-exact-and-regex",
        withProcessors(processor("names", "NameAllowlistFilter", "allowlist: [ www, '/^ap/', '' ]"),
            processed("example.com.", "names")),
        "a/example.com.yaml", MIXED);
    add("filter-name-rejectlist-regex-search",
        withProcessors(processor("acme", "NameRejectlistFilter", "rejectlist: [ '/acme/', MAIL ]"),
            processed("example.com.", "acme")),
        "a/example.com.yaml", MIXED);
    add("filter-name-slash-alone-matches-everything",
        withProcessors(processor("all", "NameRejectlistFilter", "rejectlist: [ / ]"), processed("example.com.", "all")),
        "a/example.com.yaml", MIXED);
    add("filter-network-allowlist",
        withProcessors(processor("nets", "NetworkValueAllowlistFilter", "allowlist: [ 10.0.0.0/8, '2001:db8::/48' ]"),
            processed("example.com.", "nets")),
        "a/example.com.yaml", MIXED);
    add("filter-network-rejectlist-netmask",
        withProcessors(processor("nets", "NetworkValueRejectlistFilter", "rejectlist: [ 10.0.0.0/255.0.0.0 ]"),
            processed("example.com.", "nets")),
        "a/example.com.yaml", MIXED);
    add("filter-ignore-root-ns",
        withProcessors(processor("no-root-ns", "IgnoreRootNsFilter"), processed("example.com.", "no-root-ns")),
        "a/example.com.yaml", MIXED);
    String named = MIXED + "www.example.com:\n  type: A\n  value: 93.184.215.7\n";
    add("filter-zone-name-refuses",
        withProcessors(processor("zn", "ZoneNameFilter"), processed("example.com.", "zn")),
        "a/example.com.yaml", named);
    add("filter-zone-name-removes",
        withProcessors(processor("zn", "ZoneNameFilter", "error: false"), processed("example.com.", "zn")),
        "a/example.com.yaml", named);
    add("filter-zone-name-after-a-filter-that-removed-it",
        withProcessors(processor("no-a", "TypeRejectlistFilter", "rejectlist: [ A ]") + processor("zn", "ZoneNameFilter"),
            processed("example.com.", "no-a, zn")),
        "a/example.com.yaml", named);
    // octoDNS validates after its processors: a filter can take a CNAME's neighbour away first.
    String beside = "www:\n  - type: CNAME\n    value: api.example.com.\n  - type: TXT\n    value: hello\n";
    add("filter-removes-what-a-cname-coexisted-with",
        withProcessors(processor("no-txt", "TypeRejectlistFilter", "rejectlist: [ TXT ]"), processed("example.com.", "no-txt")),
        "a/example.com.yaml", beside);
    add("filter-cname-coexistence-without-the-filter",
        withProcessors(processor("no-txt", "TypeRejectlistFilter", "rejectlist: [ TXT ]"), zone("example.com.", "a")),
        "a/example.com.yaml", beside);
    // The manager's processors first, then the zone's, then post_processors.
    add("filter-manager-processors-and-post-processors",
        "manager:\n  processors: [ no-root-ns ]\n  post_processors: [ no-txt ]\n"
            + withProcessors(processor("no-root-ns", "IgnoreRootNsFilter") + processor("no-txt", "TypeRejectlistFilter",
                "rejectlist: [ TXT ]") + processor("nets", "NetworkValueRejectlistFilter", "rejectlist: [ 192.0.2.0/24 ]"),
                processed("example.com.", "nets")),
        "a/example.com.yaml", MIXED);
    // An alias copies its zone as that zone's processors left it, then runs those of the last zone
    // sync met (Manager.sync's loop variable).
    add("filter-alias-runs-the-last-zones-processors",
        withProcessors(processor("no-txt", "TypeRejectlistFilter", "rejectlist: [ TXT ]")
                + processor("no-a", "TypeRejectlistFilter", "rejectlist: [ A ]"),
            processed("example.com.", "no-txt") + "  alias.example.:\n    alias: example.com.\n" + processed("example.net.", "no-a")),
        "a/example.com.yaml", MIXED, "a/example.net.yaml", MAIL);
    // The zone name filter of an alias's zone runs on the zone it copies, under that zone's name
    // (found by OctoDnsConfigFuzzTest); the alias's own, under the alias's.
    add("filter-zone-name-in-an-alias-and-its-zone",
        withProcessors(processor("zn", "ZoneNameFilter", "error: false"),
            processed("example.com.", "zn") + "  sub.example.com.:\n    alias: example.com.\n"),
        "a/example.com.yaml", named + "x.sub.example.com:\n  type: A\n  value: 93.184.215.8\n");
    // ExcludeRootNsChanges acts on the plan: the zone keeps its root NS (zonegate leaves it out of
    // the comparison, which the dumper does not run).
    add("filter-root-ns-changes-excluded",
        withProcessors(processor("x", "ExcludeRootNsChanges", "error: false"), processed("example.com.", "x")),
        "a/example.com.yaml", MIXED);
    // OwnershipProcessor marks every record the zone holds with a TXT record of its own.
    String owner = "  own:\n    class: octodns.processor.ownership.OwnershipProcessor\n";
    add("ownership-marks-each-record",
        withProcessors(owner, processed("example.com.", "own")), "a/example.com.yaml", MIXED);
    add("ownership-after-a-filter-marks-what-is-left",
        withProcessors(processor("no-txt", "TypeRejectlistFilter", "rejectlist: [ TXT ]") + owner,
            processed("example.com.", "no-txt, own")), "a/example.com.yaml", MIXED);
    add("ownership-before-a-filter-that-takes-its-records",
        withProcessors(processor("no-txt", "TypeRejectlistFilter", "rejectlist: [ TXT ]") + owner,
            processed("example.com.", "own, no-txt")), "a/example.com.yaml", MIXED);
    add("ownership-settings",
        withProcessors("  own:\n    class: octodns.processor.ownership.OwnershipProcessor\n    txt_name: _octo\n"
            + "    txt_value: ours\n    txt_ttl: 300\n", processed("example.com.", "own")), "a/example.com.yaml", MIXED);
    String marked = MIXED.replace("api:\n", "_owner.A.db:\n  type: TXT\n  value: '*octodns*'\napi:\n");
    add("ownership-mark-written-by-hand",
        withProcessors(owner, processed("example.com.", "own")), "a/example.com.yaml", marked);
    add("ownership-mark-written-by-hand-replaced",
        withProcessors("  own:\n    class: octodns.processor.ownership.OwnershipProcessor\n    should_replace: true\n",
            processed("example.com.", "own")), "a/example.com.yaml", marked);
    add("ownership-of-an-alias-and-its-zone",
        withProcessors(owner, processed("example.com.", "own") + "  alias.example.:\n    alias: example.com.\n"),
        "a/example.com.yaml", MIXED);
    add("ownership-of-an-alias-of-a-zone-without",
        withProcessors(owner, zone("example.com.", "a") + "  alias.example.:\n    alias: example.com.\n"
            + processed("example.net.", "own")),
        "a/example.com.yaml", MIXED, "a/example.net.yaml", MAIL);
    add("ownership-refused-txt-value",
        withProcessors("  own:\n    class: octodns.processor.ownership.OwnershipProcessor\n    txt_value: 'a;b'\n",
            processed("example.com.", "own")), "a/example.com.yaml", MIXED);
    // TtlRestrictionFilter refuses a zone with a TTL outside its range or set (a lenient record aside).
    String ttls = "  ttls:\n    class: octodns.processor.restrict.TtlRestrictionFilter\n";
    add("ttl-restriction-defaults",
        withProcessors(ttls, processed("example.com.", "ttls")), "a/example.com.yaml", MIXED);
    add("ttl-restriction-min-refuses",
        withProcessors(ttls + "    min_ttl: 3601\n", processed("example.com.", "ttls")), "a/example.com.yaml", MIXED);
    add("ttl-restriction-max-refuses",
        withProcessors(ttls + "    max_ttl: 300\n", processed("example.com.", "ttls")), "a/example.com.yaml", MIXED);
    add("ttl-restriction-allowed-set",
        withProcessors(ttls + "    allowed_ttls: [ 60, 3600 ]\n", processed("example.com.", "ttls")), "a/example.com.yaml",
        MIXED);
    add("ttl-restriction-allowed-set-refuses",
        withProcessors(ttls + "    allowed_ttls: [ 60, 300 ]\n", processed("example.com.", "ttls")), "a/example.com.yaml",
        MIXED);
    add("ttl-restriction-lenient-record-passes",
        withProcessors(ttls + "    max_ttl: 300\n", processed("example.com.", "ttls")), "a/example.com.yaml",
        "www:\n  octodns:\n    lenient: true\n  type: A\n  value: 93.184.215.1\n");
    add("ttl-restriction-after-a-filter",
        withProcessors(processor("only-a", "TypeAllowlistFilter", "allowlist: [ A ]") + ttls + "    max_ttl: 3600\n",
            processed("example.com.", "only-a, ttls")), "a/example.com.yaml", WWW_A2 + "x:\n  ttl: 7200\n  type: TXT\n  value: x\n");
    add("ttl-restriction-limit-not-a-number",
        withProcessors(ttls + "    min_ttl: low\n", processed("example.com.", "ttls")), "a/example.com.yaml", MIXED);
    add("ttl-restriction-unused-limit-not-a-number",
        withProcessors(ttls + "    min_ttl: low\n", zone("example.com.", "a")), "a/example.com.yaml", MIXED);
    // AcmeManagingProcessor marks each _acme-challenge TXT record with a value of its own.
    String acme = "  acme:\n    class: octodns.processor.acme.AcmeManagingProcessor\n";
    add("acme-marks-challenge-records",
        withProcessors(acme, processed("example.com.", "acme")), "a/example.com.yaml",
        MIXED.replace("_acme-challenge:\n  type: TXT\n  value: token\n",
            "_acme-challenge:\n  type: TXT\n  value: token\n_acme-challenge.www:\n  type: TXT\n  values: [ a, b ]\n"));
    add("acme-the-old-spelling",
        withProcessors("  acme:\n    class: octodns.processor.acme.AcmeMangingProcessor\n", processed("example.com.", "acme")),
        "a/example.com.yaml", MIXED);
    add("acme-refused-setting",
        withProcessors(acme + "    marker: x\n", processed("example.com.", "acme")), "a/example.com.yaml", MIXED);
    // TtlClampProcessor brings each TTL into its range.
    String clamp = "  clamp:\n    class: octodns.processor.clamp.TtlClampProcessor\n";
    String ttlsMixed = WWW_A2 + "x:\n  ttl: 100000\n  type: TXT\n  value: x\n" + "y:\n  ttl: 600\n  type: TXT\n  value: y\n";
    add("clamp-defaults", withProcessors(clamp, processed("example.com.", "clamp")), "a/example.com.yaml", ttlsMixed);
    add("clamp-range", withProcessors(clamp + "    min_ttl: 120\n    max_ttl: 500\n", processed("example.com.", "clamp")),
        "a/example.com.yaml", ttlsMixed);
    add("clamp-refused-min-above-max",
        withProcessors(clamp + "    min_ttl: 900\n    max_ttl: 500\n", zone("example.com.", "a")), "a/example.com.yaml", ttlsMixed);
    add("clamp-refused-one-limit-not-a-number",
        withProcessors(clamp + "    min_ttl: low\n", zone("example.com.", "a")), "a/example.com.yaml", ttlsMixed);
    add("clamp-before-a-ttl-restriction",
        withProcessors(clamp + "    max_ttl: 3600\n" + ttls + "    max_ttl: 3600\n", processed("example.com.", "clamp, ttls")),
        "a/example.com.yaml", ttlsMixed);
    // EnsureTrailingDots: a target without its trailing dot gets it (zonegate takes it absolute already).
    String relative = "mail:\n  type: MX\n  value:\n    exchange: mx.example.net\n    preference: 10\n"
        + "ns:\n  type: NS\n  values: [ ns1.example.net, ns2.example.net. ]\n"
        + "www:\n  type: CNAME\n  value: api.example.com\n";
    add("trailing-dots-added",
        withProcessors("  dots:\n    class: octodns.processor.trailing_dots.EnsureTrailingDots\n",
            processed("example.com.", "dots")), "a/example.com.yaml", relative);
    add("trailing-dots-without-the-processor", withProcessors("", zone("example.com.", "a")), "a/example.com.yaml", relative);
    // Value filters and other processors: checked as octoDNS builds them, not run (by either side here).
    add("filter-value-filter-not-run",
        withProcessors(processor("v", "ValueRejectlistFilter", "rejectlist: [ '/^10\\./' ]"), processed("example.com.", "v")),
        "a/example.com.yaml", MIXED);

    // Processors octoDNS cannot build fail the whole config, used or not.
    String zoneOnly = zone("example.com.", "a");
    add("filter-refused-missing-list",
        withProcessors(processor("only", "TypeAllowlistFilter"), zoneOnly), "a/example.com.yaml", MIXED);
    add("filter-refused-unknown-setting",
        withProcessors(processor("only", "TypeAllowlistFilter", "allowlist: [ A ]", "types: [ A ]"), zoneOnly),
        "a/example.com.yaml", MIXED);
    add("filter-refused-network-with-include-target",
        withProcessors(processor("nets", "NetworkValueRejectlistFilter", "rejectlist: [ 10.0.0.0/8 ]", "include_target: false"),
            zoneOnly),
        "a/example.com.yaml", MIXED);
    add("filter-refused-host-bits-set",
        withProcessors(processor("nets", "NetworkValueRejectlistFilter", "rejectlist: [ 10.0.0.1/8 ]"), zoneOnly),
        "a/example.com.yaml", MIXED);
    add("filter-refused-list-is-a-number",
        withProcessors(processor("only", "TypeAllowlistFilter", "allowlist: 5"), zoneOnly), "a/example.com.yaml", MIXED);
    add("filter-refused-list-in-a-type-list",
        withProcessors(processor("only", "TypeAllowlistFilter", "allowlist: [ [ A ] ]"), zoneOnly),
        "a/example.com.yaml", MIXED);
    add("filter-refused-name-pattern-not-a-string",
        withProcessors(processor("names", "NameRejectlistFilter", "rejectlist: [ 42 ]"), zoneOnly),
        "a/example.com.yaml", MIXED);
    add("filter-refused-name-pattern-yaml-boolean",
        withProcessors(processor("names", "NameRejectlistFilter", "rejectlist: [ yes ]"), zoneOnly),
        "a/example.com.yaml", MIXED);
    add("filter-refused-root-ns-with-a-setting",
        withProcessors(processor("r", "IgnoreRootNsFilter", "include_target: true"), zoneOnly), "a/example.com.yaml", MIXED);
    add("filter-refused-value-filter-without-its-list",
        withProcessors(processor("v", "ValueAllowlistFilter"), zoneOnly), "a/example.com.yaml", MIXED);
    add("filter-refused-processors-not-a-map",
        "processors: [ a ]\n" + providers(provider("a", "a")) + "zones:\n" + zoneOnly, "a/example.com.yaml", MIXED);
    add("filter-refused-definition-not-a-map",
        "processors:\n  x: octodns.processor.filter.IgnoreRootNsFilter\n" + providers(provider("a", "a")) + "zones:\n" + zoneOnly,
        "a/example.com.yaml", MIXED);
  }

  @BeforeAll
  static void runOctoDns() throws Exception {
    OctoDnsPeer.require();
    List<OctoDnsPeer.ConfigRequest> requests = new ArrayList<>();
    for (Case c : CASES) {
      Files.createDirectories(c.dir());
      Files.writeString(c.dir().resolve("config.yaml"), c.config(), StandardCharsets.UTF_8);
      for (Map.Entry<String, String> f : c.files().entrySet()) {
        Path p = c.dir().resolve(f.getKey());
        Files.createDirectories(p.getParent());
        Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
      }
      requests.add(new OctoDnsPeer.ConfigRequest(c.id(), c.dir(), "config.yaml"));
    }
    octodns = OctoDnsPeer.loadConfigs(requests, work);
  }

  @Test
  void zonegateFillsEachZoneAsOctoDnsDoes() throws Exception {
    List<String> failures = new ArrayList<>();
    int zones = 0;
    for (Case c : CASES) {
      JsonNode o = octodns.get(c.id());
      assertThat(o).as("octoDNS result for " + c.id()).isNotNull();
      Map<String, String> octo = OctoDnsConfigAgreement.octo(o);
      Map<String, String> gate = OctoDnsConfigAgreement.gate(c.dir());
      zones += octo.size();
      if (System.getenv("OCTODNS_DIFF_DUMP") != null) {
        System.out.println("CASE " + c.id() + "\n    octoDNS:  " + octo + "\n    zonegate: " + gate);
      }
      if (!octo.equals(gate)) {
        failures.add(c.id() + "\n    octoDNS:  " + octo + "\n    zonegate: " + gate);
      }
    }
    System.out.println(
        "octoDNS config differential: " + CASES.size() + " configs, " + zones + " zones, " + failures.size()
            + " disagreements");
    failures.forEach(System.out::println);
    assertThat(failures).isEmpty();
  }

  @Test
  void everyCaseHasZonesOrIsRefusedOnPurpose() {
    // A guard on the cases themselves: each names at least one zone, or is meant to fail whole.
    for (Case c : CASES) {
      Map<String, String> o = OctoDnsConfigAgreement.octo(octodns.get(c.id()));
      assertThat(o).as(c.id()).isNotEmpty();
      if (o.containsKey("*")) {
        assertThat(c.id()).containsAnyOf("missing", "refused");
      }
    }
    assertThat(new TreeSet<>(CASES.stream().map(Case::id).toList())).hasSize(CASES.size());
  }
}
