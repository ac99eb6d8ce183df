package dev.zonegate.config;

import dev.zonegate.model.Location;
import dev.zonegate.model.Notice;
import dev.zonegate.zone.CheckNames;
import dev.zonegate.zone.OctoDnsFilter;
import dev.zonegate.zone.OctoDnsOptions;
import dev.zonegate.zone.OctoDnsSources;
import dev.zonegate.zone.SourceTree;
import dev.zonegate.zone.ZoneFormat;
import dev.zonegate.zone.ZoneReadException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * An octoDNS main config read as a zonegate config (docs/configuration.md): each zone under {@code zones:} is
 * read as octoDNS fills it, from every YamlProvider among its {@code sources:} in order ({@link
 * OctoDnsSources}): in each source's directory the zone file octoDNS itself would read, {@code
 * <zone name with its trailing dot>yaml} ({@code config/example.com.yaml}), and the source's
 * {@code shared_filename}, with each source's own settings.
 *
 * <p>Only what locates and reads the zone files is read: each source's {@code class}, {@code
 * directory}, {@code shared_filename}, {@code disable_zonefile}, {@code ignore_missing_zones} and the
 * YamlProvider settings that change how a file reads ({@code enforce_order}, {@code order_mode},
 * {@code default_ttl}, {@code escaped_semicolons}, {@code populate_should_replace}), each with
 * octoDNS's default, and the zone's {@code lenient} (default false), whose place in the config is
 * the marker findings it acknowledges point to. Its processors ({@link OctoDnsProcessors}): the filters zonegate
 * applies go with the zone's reading, every other one a zone runs is named in a notice;
 * the zone's targets, with their settings and credential references, are read by {@link
 * OctoDnsTargets} only when live state is asked for (env/VAR references resolved then, a literal
 * secret refused). An octoDNS config has no rule packs: the default pack applies.
 *
 * <p>A zone zonegate cannot read is an error naming it, never skipped, so nothing passes
 * unchecked: no YamlProvider among its sources, or a directory, shared file or split extension
 * taken from a secret handler ({@code env/VAR}). Split directories ({@code split_extension}, or the
 * deprecated {@code SplitYamlProvider}) are read file by file ({@link OctoDnsSources}). Another
 * source beside a YamlProvider (Route 53, {@code auto-arpa}, ...) is a notice on the zone: its
 * records are not seen.
 *
 * <p>A dynamic entry ({@code '*'}, {@code '*.arpa.'}: any key starting with {@code *}) stands for
 * the zones its sources list when octoDNS runs ({@code Manager._preprocess_zones}): for a
 * YamlProvider, the files of its directory ending in {@code .yaml} with at least two dots, less
 * the zones already configured, filtered by the entry's {@code glob} or {@code regex}. Which those
 * are depends on the tree, so they are listed by {@link RepoConfig#in} and {@link
 * RepoConfig#atBase}; a source that zonegate cannot list (any other class) is an error. A zone
 * sourced only from {@code auto-arpa} (generated reverse zones) is skipped: its records derive from
 * the other zones', which are checked. An {@code alias:} zone is read from the files of the zone it
 * copies, under its own name.
 */
final class OctoDnsConfig {
  static final String YAML_PROVIDER = "octodns.provider.yaml.YamlProvider";
  static final String SPLIT_PROVIDER = "octodns.provider.yaml.SplitYamlProvider";
  static final String AUTO_ARPA = "auto-arpa";
  static final String AUTO_ARPA_CLASS = "octodns.processor.arpa.AutoArpa";

  private final ConfigDoc doc;
  private final JsonNode providers;
  /** Prefixes octoDNS resolves as secrets ({@code env/NAME} and each of {@code secret_handlers:}). */
  private final Set<String> secretHandlers = new HashSet<>();
  private final OctoDnsProcessors processors;

  private OctoDnsConfig(ConfigDoc doc, JsonNode providers) throws ConfigException {
    this.doc = doc;
    this.providers = providers;
    secretHandlers.add("env");
    JsonNode handlers = doc.root.get("secret_handlers");
    if (handlers != null && handlers.isObject()) {
      secretHandlers.addAll(handlers.propertyNames());
    }
    processors = new OctoDnsProcessors(doc, secretHandlers);
  }

  static RepoConfig read(ConfigDoc doc) throws ConfigException {
    JsonNode providers = doc.root.get("providers");
    if (providers == null || !providers.isObject()) {
      throw doc.error(
          providers == null ? "" : "/providers",
          providers == null
              ? "an octoDNS config needs providers: (a map of provider names to settings)"
              : "providers: is a map of provider names to settings, not a " + ConfigDoc.kindOf(providers));
    }
    JsonNode zones = doc.root.get("zones");
    if (zones == null || !zones.isObject()) {
      throw doc.error(
          zones == null ? "" : "/zones",
          zones == null
              ? "an octoDNS config needs zones: (a map of zone names to sources and targets)"
              : "zones: is a map of zone names to sources and targets, not a " + ConfigDoc.kindOf(zones));
    }
    return new OctoDnsConfig(doc, providers).zones(zones);
  }

  /** One entry under {@code zones:}. */
  private sealed interface Entry permits Filled, Generated, Alias, Dynamic {}

  /** A zone filled from its sources' files. */
  private record Filled(Spec spec) implements Entry {}

  /** A zone filled only by {@code auto-arpa}: nothing to read; its {@code lenient} and processors (see {@link #build}). */
  private record Generated(boolean lenient, List<OctoDnsProcessors.Run> processors) implements Entry {}

  /** A zone that copies another: {@code target} as written; its own {@code ignore_subzone_adds}. */
  private record Alias(String key, String target, String at, boolean ignoreSubzoneAdds) implements Entry {}

  /**
   * A dynamic entry: the zones its sources list, less those configured already, each filled as
   * {@code spec} says. {@code glob} or {@code regex} (null: every zone) filter the names.
   */
  private record Dynamic(String key, Spec spec, List<Lister> listers, String glob, Pattern regex, String at)
      implements Entry {}

  /** A YamlProvider's {@code list_zones}: the zone files of its directory, and its split directories. */
  private record Lister(String id, String directory, boolean disableZonefile, String split) {}

  /** A source zonegate cannot read, and where the zone names it. */
  private record Unseen(String id, String cls, Location where) {}

  /** What an entry's sources say, whichever zone they fill. */
  private record Spec(
      List<OctoDnsSources.Source> yaml, List<Unseen> unseen, List<Lister> listers, boolean lenient, Location lenientAt,
      Location where, LiveConfig live, String liveTarget, boolean ignoreSubzoneAdds, ConfigException fillsNothing,
      List<OctoDnsProcessors.Run> processors) {}

  private RepoConfig zones(JsonNode zones) throws ConfigException {
    // Keyed as octoDNS keys its zones (an IdnaDict: lower case, IDNA), in the order written.
    LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
    Map<String, String> written = new HashMap<>();
    boolean dynamic = false;
    String generated = null;
    for (Map.Entry<String, JsonNode> e : zones.properties()) {
      String key = e.getKey();
      String at = "/zones" + ConfigDoc.segment(key);
      JsonNode z = e.getValue();
      if (key.startsWith("*")) {
        entries.put(key.toLowerCase(Locale.ROOT), dynamic(key, z, at));
        dynamic = true;
        continue;
      }
      if (!z.isObject()) {
        throw doc.error(
            at,
            "zone '" + key + "': "
                + (z.isNull() ? "has no sources" : "expected a map with sources:, not a " + ConfigDoc.kindOf(z)));
      }
      String name = generated(z) ? null : name(key, at);
      Entry entry;
      if (name == null) {
        // auto_arpa builds it from the other zones' records, which are checked
        entry = new Generated(flag(z, "lenient", false, at, "zone '" + key + "': "), processors.forZone("zone '" + key + "': ", z, at));
        generated = generated == null ? key : generated;
        name = key.toLowerCase(Locale.ROOT);
      } else if (z.has("alias")) {
        JsonNode target = z.get("alias");
        if (!target.isString()) {
          throw doc.error(at + "/alias", "zone '" + key + "': alias names the zone it copies, as a string");
        }
        entry = new Alias(key, target.asString(), at, flag(z, "ignore_subzone_adds", false, at, "zone '" + key + "': "));
      } else {
        entry = new Filled(spec(key, z, at, false));
      }
      String first = written.putIfAbsent(name, key);
      if (first != null) {
        throw doc.error(at, "zone '" + key + "' is the same zone as '" + first + "', listed twice");
      }
      entries.put(name, entry);
    }
    List<ZoneConfig> named = build(entries, dynamic);
    if (named.isEmpty() && !dynamic) {
      throw doc.error(
          "/zones",
          "no zone zonegate can check"
              + (generated == null
                  ? ""
                  : " (a zone filled only by auto-arpa, such as '" + generated + "', is generated, not read)"));
    }
    RepoConfig.Dynamic expand = dynamic ? (tree, base) -> build(expand(entries, tree, base), false) : null;
    return new RepoConfig(doc.path, named, List.of(), RepoConfig.OCTODNS, expand);
  }

  /**
   * The zone configs of {@code entries}: filled zones in order, then aliases. {@code partial}: the
   * dynamic entries are not listed yet, so an alias whose zone is not configured outright may copy
   * one of theirs, and waits.
   */
  private List<ZoneConfig> build(LinkedHashMap<String, Entry> entries, boolean partial) throws ConfigException {
    List<ZoneConfig> out = new ArrayList<>();
    List<Alias> aliases = new ArrayList<>();
    // Manager.sync copies every alias zone under the `lenient` its loop over the zones left: that
    // of the last zone that is not an alias. Zones a dynamic entry lists come last, so until they
    // are listed (partial) that zone is not known, and the aliases wait.
    // Its processors too: those of that same zone.
    boolean copyLenient = false;
    String lenientFrom = null;
    List<OctoDnsProcessors.Run> copyProcessors = List.of();
    for (Map.Entry<String, Entry> e : entries.entrySet()) {
      if (e.getValue() instanceof Filled f) {
        copyLenient = f.spec().lenient();
        copyProcessors = f.spec().processors();
      } else if (e.getValue() instanceof Generated g) {
        copyLenient = g.lenient();
        copyProcessors = g.processors();
      } else {
        continue;
      }
      lenientFrom = e.getKey();
    }
    for (Map.Entry<String, Entry> e : entries.entrySet()) {
      if (e.getValue() instanceof Filled f) {
        if (f.spec().fillsNothing() != null) {
          if (partial) {
            continue; // a dynamic entry's listing may yet take this zone over
          }
          throw f.spec().fillsNothing();
        }
        out.add(zoneConfig(
            e.getKey(), e.getKey(), f.spec(), f.spec().where(), subZones(e.getKey(), entries.keySet()), null,
            f.spec().processors()));
      } else if (e.getValue() instanceof Alias a) {
        aliases.add(a);
      }
    }
    for (Alias a : aliases) {
      if (partial) {
        continue; // the lenient its records are copied under is not known yet (above)
      }
      String target = targetName(a.target());
      Entry t = target == null ? null : entries.get(target);
      if (t instanceof Alias) {
        throw doc.error(
            a.at() + "/alias",
            "zone '" + a.key() + "': alias '" + a.target() + "' is itself an alias, which octoDNS refuses");
      }
      if (!(t instanceof Filled f) || f.spec().fillsNothing() != null) {
        if (partial) {
          continue;
        }
        if (t instanceof Filled f) {
          throw f.spec().fillsNothing();
        }
        throw doc.error(
            a.at() + "/alias",
            "zone '" + a.key() + "': alias '" + a.target() + "' is not a zone with sources in this config");
      }
      // The target is filled under its own configured sub-zones, and each record copied into the
      // alias is added under the alias's (Zone.add_record): a record must pass both.
      String alias = name(a.key(), a.at());
      OctoDnsSources.Copy copy = new OctoDnsSources.Copy(
          alias, subZones(alias, entries.keySet()), a.ignoreSubzoneAdds(), copyLenient, lenientFrom, applied(copyProcessors));
      out.add(zoneConfig(alias, target, f.spec(), doc.at(a.at()), subZones(target, entries.keySet()), copy, copyProcessors));
    }
    return out;
  }

  /**
   * {@code Manager.configured_sub_zones}: the zones of the config below {@code zone}, by their
   * names relative to it ({@code other} and {@code deep.thing} for {@code some.com.}).
   */
  static Set<String> subZones(String zone, Set<String> zones) {
    Set<String> out = new TreeSet<>();
    String dotted = "." + zone;
    for (String z : zones) {
      if (z.endsWith(dotted)) {
        out.add(z.substring(0, z.length() - dotted.length()));
      }
    }
    return out;
  }

  private static String targetName(String target) {
    try {
      return OctoDnsSources.encodedName(target);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The zone {@code name}, filled from the files of {@code fileZone} (itself, or the zone an alias
   * copies, as {@code copy} says; null for itself).
   */
  private ZoneConfig zoneConfig(
      String name, String fileZone, Spec spec, Location where, Set<String> subZones, OctoDnsSources.Copy copy,
      List<OctoDnsProcessors.Run> processors)
      throws ConfigException {
    List<Notice> notices = new ArrayList<>();
    for (Unseen u : spec.unseen()) {
      notices.add(
          new Notice(
              u.where(),
              "zone " + name + ": records from source '" + u.id() + "' (" + u.cls() + ") are not seen; zonegate reads"
                  + " only octoDNS YamlProvider files, so whatever that source adds to the zone is not judged"));
    }
    for (OctoDnsProcessors.Run u : processors) {
      if (u.filter() != null) {
        continue; // applied as the zone is read and planned
      }
      notices.add(
          new Notice(
              u.where(),
              "zone " + name + ": processor '" + u.id() + "' (" + u.cls() + ") is not applied; zonegate judges the zone"
                  + " as its sources fill it, so what the processor drops, adds or changes before octoDNS plans is"
                  + " judged as if it did not run"));
    }
    OctoDnsSources sources;
    try {
      sources = new OctoDnsSources(
          fileZone, spec.yaml(), notices, spec.lenient(), spec.lenientAt(), subZones, spec.ignoreSubzoneAdds(), copy,
          applied(spec.processors()));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(where, "zone '" + name + "': octoDNS cannot decode its name (" + e.getMessage() + ")");
    }
    return new ZoneConfig(
        name, sources.nominalFile(), ZoneFormat.OCTODNS, List.of(), spec.live(), spec.yaml().get(0).options(), where, sources,
        CheckNames.FAIL, spec.liveTarget(), null);
  }

  /** The filters among {@code runs}, in order: the processors zonegate applies. */
  private static List<OctoDnsFilter> applied(List<OctoDnsProcessors.Run> runs) {
    List<OctoDnsFilter> out = new ArrayList<>();
    for (OctoDnsProcessors.Run r : runs) {
      if (r.filter() != null) {
        out.add(r.filter());
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- dynamic entries

  private Dynamic dynamic(String key, JsonNode z, String at) throws ConfigException {
    String label = "zone entry '" + key + "': ";
    if (z == null || z.isNull() || !z.isObject()) {
      throw doc.error(
          at,
          label + (z == null || z.isNull() ? "has no sources" : "expected a map with sources:, not a " + ConfigDoc.kindOf(z)));
    }
    Spec spec = spec(key, z, at, true);
    String glob = null;
    Pattern regex = null;
    JsonNode g = z.get("glob");
    JsonNode r = z.get("regex");
    if (g != null && !g.isNull() && !(g.isString() && g.asString().isEmpty())) {
      if (!g.isString()) {
        throw doc.error(at + "/glob", label + "glob is a pattern of zone names, as a string");
      }
      glob = g.asString();
    } else if (r != null && !r.isNull() && !(r.isString() && r.asString().isEmpty())) {
      if (!r.isString()) {
        throw doc.error(at + "/regex", label + "regex is a regular expression of zone names, as a string");
      }
      regex = PyPatterns.regex(r.asString());
      if (regex == null) {
        throw doc.error(
            at + "/regex",
            label + "regex '" + r.asString() + "' is not a regular expression zonegate reads as Python does");
      }
    }
    return new Dynamic(key, spec, spec.listers(), glob, regex, at);
  }

  /**
   * {@code entries} with each dynamic entry replaced by the zones it lists in {@code tree}, as
   * {@code Manager._preprocess_zones} does: entries in order, each listing less the keys present so
   * far (compared as written, so a file spelled in capitals or in UTF-8 takes over the entry of its
   * zone, as it does in octoDNS), filtered, then added.
   */
  private LinkedHashMap<String, Entry> expand(LinkedHashMap<String, Entry> entries, SourceTree tree, boolean base)
      throws ConfigException {
    LinkedHashMap<String, Entry> zones = new LinkedHashMap<>(entries);
    Map<String, Set<String>> listed = new HashMap<>();
    for (Map.Entry<String, Entry> e : entries.entrySet()) {
      if (!(e.getValue() instanceof Dynamic d)) {
        continue;
      }
      Set<String> candidates = new TreeSet<>(SourceTree.CODE_POINT_ORDER);
      for (Lister l : d.listers()) {
        Set<String> names = listed.get(l.id());
        if (names == null) {
          names = list(l, d, tree, base);
          listed.put(l.id(), names);
        }
        candidates.addAll(names);
      }
      candidates.removeAll(zones.keySet());
      for (String c : candidates) {
        if (d.glob() != null ? !PyPatterns.fnmatch(c, d.glob()) : d.regex() != null && !d.regex().matcher(c).find()) {
          continue;
        }
        zones.put(listedName(c, d, tree), new Filled(d.spec()));
      }
      zones.remove(e.getKey());
    }
    return zones;
  }

  /**
   * YamlProvider.list_zones: with a split extension, the directories whose names end in it (less
   * all of it but its first character: {@code example.com.tst} lists {@code example.com.}); unless
   * {@code disable_zonefile}, the files ending in {@code .yaml} with two dots or more.
   */
  private Set<String> list(Lister l, Dynamic d, SourceTree tree, boolean base) throws ConfigException {
    Set<String> out = new TreeSet<>(SourceTree.CODE_POINT_ORDER);
    if (l.disableZonefile() && l.split() == null) {
      return out;
    }
    String dir = l.directory().isEmpty() ? "." : l.directory();
    SortedMap<String, SourceTree.Kind> files;
    try {
      files = tree.list(l.directory());
    } catch (ZoneReadException e) {
      throw new ConfigException(
          doc.at(d.at()),
          "zone entry '" + d.key() + "': the directory " + dir + " of provider '" + l.id() + "' cannot be listed in "
              + tree.describe() + " (" + e.problem() + "), so the zones the entry covers are unknown");
    }
    if (files == null) {
      if (base) {
        return out;
      }
      throw new ConfigException(
          doc.at(d.at()),
          "zone entry '" + d.key() + "': provider '" + l.id() + "' has no directory " + dir + " in " + tree.describe()
              + ", so octoDNS cannot list the zones the entry covers");
    }
    for (Map.Entry<String, SourceTree.Kind> f : files.entrySet()) {
      String name = f.getKey();
      if (l.split() != null && f.getValue() == SourceTree.Kind.DIRECTORY && name.endsWith(l.split())) {
        out.add(name.substring(0, name.length() - (l.split().length() - 1)));
      }
      if (!l.disableZonefile()
          && f.getValue() == SourceTree.Kind.FILE && name.endsWith(".yaml") && name.chars().filter(c -> c == '.').count() >= 2) {
        out.add(name.substring(0, name.length() - 4));
      }
    }
    return out;
  }

  /** The zone a listed file names, as octoDNS keys it; an error where octoDNS could not make it a zone. */
  private String listedName(String listed, Dynamic d, SourceTree tree) throws ConfigException {
    String file = listed + "yaml";
    String encoded;
    try {
      encoded = OctoDnsSources.encodedName(listed);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          doc.at(d.at()),
          "zone entry '" + d.key() + "': the file " + file + " in " + tree.describe() + " names no zone octoDNS can"
              + " encode (" + e.getMessage() + ")");
    }
    try {
      return doc.zoneName(d.at(), encoded);
    } catch (ConfigException e) {
      throw new ConfigException(
          doc.at(d.at()),
          "zone entry '" + d.key() + "': the file " + file + " in " + tree.describe() + " would be the zone '" + listed
              + "', which is not a domain name zonegate can check; rename or move the file");
    }
  }

  // ---------------------------------------------------------------- sources

  /** The sources of the entry at {@code at}; {@code dynamic}: each must be one whose zones can be listed. */
  private Spec spec(String key, JsonNode z, String at, boolean dynamic) throws ConfigException {
    String label = (dynamic ? "zone entry '" : "zone '") + key + "': ";
    JsonNode sources = z.get("sources");
    if (sources == null || sources.isNull() || (sources.isArray() && sources.isEmpty())) {
      throw doc.error(at, label + "has no sources");
    }
    if (!sources.isArray()) {
      throw doc.error(at + "/sources", label + "sources: is a list of provider names");
    }
    List<String> seen = new ArrayList<>();
    List<OctoDnsSources.Source> yaml = new ArrayList<>();
    List<Unseen> unseen = new ArrayList<>();
    List<Lister> listers = new ArrayList<>();
    ConfigException fillsNothing = null;
    for (int i = 0; i < sources.size(); i++) {
      JsonNode srcNode = sources.get(i);
      String src = srcNode.isString() ? srcNode.asString() : srcNode.toString();
      String srcAt = at + "/sources/" + i;
      JsonNode p = srcNode.isString() ? providers.get(src) : null;
      if (p == null && src.equals(AUTO_ARPA) && srcNode.isString()) {
        // The manager's own auto_arpa source: PTRs generated from the other zones; it lists no zones.
        seen.add(src + " (" + AUTO_ARPA_CLASS + ")");
        unseen.add(new Unseen(src, AUTO_ARPA_CLASS, doc.at(srcAt)));
        continue;
      }
      if (p == null) {
        throw doc.error(srcAt, label + "source '" + src + "' is not one of the providers");
      }
      String cls = p.isObject() ? p.path("class").asString("") : "";
      seen.add(src + " (" + (cls.isEmpty() ? "no class" : cls) + ")");
      if (!cls.equals(YAML_PROVIDER) && !cls.equals(SPLIT_PROVIDER)) {
        if (dynamic) {
          throw doc.error(
              srcAt,
              label + "octoDNS lists the zones of source '" + src + "' (" + (cls.isEmpty() ? "no class" : cls)
                  + ") when it runs, which zonegate cannot do, so the zones the entry covers are unknown; list them"
                  + " under zones: by name");
        }
        unseen.add(new Unseen(src, cls.isEmpty() ? "no class" : cls, doc.at(srcAt)));
        continue;
      }
      OctoDnsSources.Source s = source(label, src, p, z, at, srcAt, cls.equals(SPLIT_PROVIDER));
      listers.add(new Lister(src, s.directory(), s.disableZonefile(), s.split()));
      if (s.disableZonefile() && s.shared() == null && s.split() == null) {
        if (s.ignoreMissingZones()) {
          continue; // it reads no file and minds none missing: it adds nothing
        }
        ConfigException e = doc.error(
            "/providers" + ConfigDoc.segment(src) + "/disable_zonefile",
            label + "provider '" + src + "' sets disable_zonefile and has no shared_filename, so it reads no file and"
                + " octoDNS fails every zone it fills (no YAMLs found)");
        // Judged when the entry fills a zone (ZoneConfigs are built): a zone a dynamic entry's
        // file takes over, or a dynamic entry whose other sources list nothing, fills none.
        fillsNothing = fillsNothing == null ? e : fillsNothing;
        continue;
      }
      yaml.add(s);
    }
    if (yaml.isEmpty() && fillsNothing == null
        && !(dynamic && unseen.stream().allMatch(u -> u.cls().equals(AUTO_ARPA_CLASS)))) {
      throw doc.error(
          at + "/sources",
          label + "no source is an octoDNS YamlProvider (" + String.join(", ", seen)
              + "), so zonegate cannot find its zone file");
    }
    boolean lenient = flag(z, "lenient", false, at, label);
    Location lenientAt = z.has("lenient") ? doc.at(at + "/lenient") : doc.at(at);
    OctoDnsTargets targets = new OctoDnsTargets(doc, providers);
    LiveConfig live = targets.live(label, z, at);
    boolean ignoreSubzoneAdds = flag(z, "ignore_subzone_adds", false, at, label);
    return new Spec(
        yaml, unseen, yaml.isEmpty() && fillsNothing == null ? List.of() : listers, lenient, lenientAt, doc.at(at), live,
        targets.liveTarget(z), ignoreSubzoneAdds, fillsNothing, processors.forZone(label, z, at));
  }

  /**
   * One YamlProvider source: where its files are and how it reads them. A SplitYamlProvider
   * ({@code splitProvider}, deprecated in octoDNS 1.x) is a YamlProvider whose {@code extension}
   * (default {@code .}) is its split extension, and which never reads a zone file.
   */
  private OctoDnsSources.Source source(
      String label, String src, JsonNode p, JsonNode z, String at, String srcAt, boolean splitProvider)
      throws ConfigException {
    String pat = "/providers" + ConfigDoc.segment(src);
    String directory = directory(label, src, p);
    String split = null;
    String splitKey = splitProvider ? "extension" : "split_extension";
    JsonNode se = p.get(splitKey);
    if (splitProvider && (se == null || se.isNull())) {
      split = ".";
    } else if (se != null && truthy(se)) {
      if (!se.isString()) {
        throw doc.error(
            pat + "/" + splitKey,
            label + "provider '" + src + "' " + splitKey + " is the end of the split directory's name (such as '.'),"
                + " a string");
      }
      split = se.asString();
      secret(pat + "/" + splitKey, label, src, "split extension", split);
      if (split.contains("/") || split.contains("\\")) {
        throw doc.error(pat + "/" + splitKey, label + "provider '" + src + "' " + splitKey + " '" + split
            + "' names another directory; zonegate reads split directories inside the provider's own");
      }
    }
    String shared = null;
    JsonNode sf = p.get("shared_filename");
    if (sf != null && truthy(sf)) {
      if (!sf.isString()) {
        throw doc.error(pat + "/shared_filename", label + "provider '" + src + "' shared_filename names a file, as a string");
      }
      shared = sf.asString();
      secret(pat + "/shared_filename", label, src, "shared file", shared);
      if (shared.startsWith("/") || shared.startsWith("\\")) {
        throw doc.error(
            pat + "/shared_filename",
            label + "provider '" + src + "' shared_filename '" + shared + "': path escapes the repository (paths are"
                + " relative to the repository root)");
      }
      doc.repoPath(
          pat + "/shared_filename", label + "provider '" + src + "' shared_filename",
          directory.isEmpty() ? shared : directory + "/" + shared);
    }
    return new OctoDnsSources.Source(
        src,
        directory,
        options(p, src, z, at, label),
        shared,
        split,
        // SplitYamlProvider sets disable_zonefile itself, whatever the config says.
        splitProvider || flag(p, "disable_zonefile", false, pat, label),
        flag(p, "ignore_missing_zones", false, pat, label),
        doc.at(srcAt));
  }

  /**
   * A zone whose only sources are {@code auto-arpa}, the source octoDNS's manager adds when
   * {@code auto_arpa} is on: its PTR records are generated from the A/AAAA records of the other
   * zones, so there is no file to read and the records it derives from are checked where they are
   * written. A provider someone named {@code auto-arpa} is an ordinary provider.
   */
  private boolean generated(JsonNode z) {
    JsonNode sources = z.path("sources");
    if (!sources.isArray() || sources.isEmpty()) {
      return false;
    }
    for (JsonNode s : sources) {
      if (!s.isString() || !s.asString().equals(AUTO_ARPA) || providers.has(AUTO_ARPA)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The zone's name as octoDNS keys it ({@code idna_encode}: lower case, IDNA 2008); octoDNS
   * refuses a zone name without its trailing dot.
   */
  private String name(String key, String at) throws ConfigException {
    if (!key.endsWith(".")) {
      throw doc.error(at, "zone '" + key + "': octoDNS zone names end with a dot ('" + key + ".')");
    }
    String encoded;
    try {
      encoded = OctoDnsSources.encodedName(key);
    } catch (IllegalArgumentException e) {
      throw doc.error(at, "zone name '" + key + "' is not a domain name octoDNS can encode (" + e.getMessage() + ")");
    }
    return doc.zoneName(at, encoded);
  }

  /** The provider's directory, repository-relative ({@code ./config} and {@code config} alike). */
  private String directory(String label, String src, JsonNode p) throws ConfigException {
    String at = "/providers" + ConfigDoc.segment(src) + "/directory";
    JsonNode d = p.get("directory");
    if (d == null || !d.isString() || d.asString().isBlank()) {
      throw doc.error(at, label + "provider '" + src + "' has no directory");
    }
    String dir = d.asString().trim();
    secret(at, label, src, "directory", dir);
    return doc.repoDirectory(at, label + "provider '" + src + "' directory", dir);
  }

  /**
   * octoDNS hands a setting written {@code HANDLER/NAME} to that secret handler ({@code env/VAR}
   * reads the environment): the value is not in the config, so zonegate cannot know it.
   */
  private void secret(String at, String label, String src, String what, String value) throws ConfigException {
    if (!fromSecretHandler(secretHandlers, value)) {
      return;
    }
    throw doc.error(
        at,
        label + "provider '" + src + "' takes its " + what
            + (value.startsWith("env/") ? " from the environment (" : " from a secret handler (") + value
            + "); zonegate reads no environment variables or secrets for config, so write the " + what);
  }

  /** Whether octoDNS hands {@code value} to one of {@code handlers}: {@code HANDLER/NAME} ({@code _build_kwargs}). */
  static boolean fromSecretHandler(Set<String> handlers, String value) {
    int slash = value.indexOf('/');
    return slash >= 0 && handlers.contains(value.substring(0, slash));
  }

  /** The YamlProvider settings {@code src} reads its zone files with, and the zone's lenient. */
  private OctoDnsOptions options(JsonNode p, String src, JsonNode z, String at, String label)
      throws ConfigException {
    String pat = "/providers" + ConfigDoc.segment(src);
    boolean enforceOrder = flag(p, "enforce_order", true, pat, label);
    String orderMode = "natural";
    JsonNode mode = p.get("order_mode");
    if (mode != null && !mode.isNull()) {
      orderMode = mode.isString() ? mode.asString() : mode.toString();
      if (enforceOrder && !orderMode.equals("natural") && !orderMode.equals("simple")) {
        throw doc.error(
            pat + "/order_mode",
            label + "order_mode must be natural or simple, not '" + orderMode + "' (octoDNS refuses it)");
      }
      if (!enforceOrder) {
        orderMode = "natural"; // octoDNS looks at order_mode only when it enforces an order
      }
    }
    return new OctoDnsOptions(
        enforceOrder,
        orderMode,
        ttl(p, "default_ttl", pat, label),
        // YamlProvider takes None for its default here (True, deprecated): not Python's truth.
        isNone(p.get("escaped_semicolons"), pat + ConfigDoc.segment("escaped_semicolons"))
            || flag(p, "escaped_semicolons", true, pat, label),
        flag(p, "populate_should_replace", false, pat, label),
        flag(z, "lenient", false, at, label));
  }

  /**
   * YamlProvider's {@code default_ttl}: a whole number of seconds, 0 to 2^31-1 (RFC 2181 §8), as
   * octoDNS takes it when a record has no TTL of its own: through Python's {@code int()}, so
   * {@code '120'} and {@code 60.0} are TTLs too.
   */
  private long ttl(JsonNode n, String key, String at, String label) throws ConfigException {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      return OctoDnsOptions.DEFAULT_TTL;
    }
    Long seconds = v.isIntegralNumber() && v.canConvertToLong() ? Long.valueOf(v.longValue())
        : v.isFloatingPointNumber() && Double.isFinite(v.doubleValue()) && Math.abs(v.doubleValue()) < 1e18
            ? Long.valueOf((long) v.doubleValue())
        : v.isString() ? longOrNull(OctoDnsOptions.pythonInt(v.asString()))
        : null;
    if (seconds != null && seconds >= 0 && seconds <= Integer.MAX_VALUE) {
      return seconds;
    }
    throw doc.error(
        at + ConfigDoc.segment(key), label + key + " must be a whole number of seconds from 0 to 2147483647, not '"
            + (v.isString() ? v.asString() : v.toString()) + "'");
  }

  private static Long longOrNull(BigInteger n) {
    return n == null || n.bitLength() > 62 ? null : Long.valueOf(n.longValue());
  }

  private static boolean truthy(JsonNode v) {
    return PyConfig.truthy(v);
  }

  private boolean isNone(JsonNode v, String pointer) {
    return PyConfig.isNone(doc, v, pointer);
  }

  private boolean flag(JsonNode n, String key, boolean dflt, String at, String label) {
    return PyConfig.flag(doc, n, key, dflt, at);
  }
}
