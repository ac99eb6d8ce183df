package dev.zonegate.zone;

import dev.zonegate.model.Extras;
import dev.zonegate.model.Location;
import dev.zonegate.model.Names;
import dev.zonegate.model.Notice;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.model.Zone;
import dev.zonegate.model.ZoneMarks;
import dev.zonegate.zone.OctoDnsPy.Bool;
import dev.zonegate.zone.OctoDnsPy.Int;
import dev.zonegate.zone.OctoDnsPy.Py;
import dev.zonegate.zone.OctoDnsPy.PyDict;
import dev.zonegate.zone.OctoDnsPy.PyList;
import dev.zonegate.zone.OctoDnsPy.Raised;
import dev.zonegate.zone.OctoDnsPy.Str;
import dev.zonegate.zone.OctoDnsValues.BadValue;
import dev.zonegate.zone.OctoDnsValues.Reason;
import dev.zonegate.zone.OctoDnsValues.Value;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * Reads a zone file of octoDNS's YamlProvider as octoDNS 1.22 loads it for {@code octodns-sync}:
 * a map of names relative to the zone ({@code ''} is the apex) to one record or a list of
 * records, each with {@code type}, optional {@code ttl} and {@code value}/{@code values}.
 *
 * <p>The file is loaded as octoDNS's loader loads it ({@link OctoDnsYaml}: PyYAML's YAML 1.1
 * scalars, the last of duplicate keys, key order per {@code enforce_order}), each record is
 * judged by octoDNS's default "legacy" validators and its values processed as octoDNS's record
 * classes process them ({@link OctoDnsValues}), and the zone is then checked as
 * {@code Zone.validate} checks it (no CNAME beside other data, no ALIAS beside A/AAAA). What
 * octoDNS refuses is an error naming file and line; what it loads is read. The provider's
 * settings ({@link OctoDnsOptions}) change the reading as they change octoDNS's.
 *
 * <p>The values are compared as canonical rdata, so a YAML zone compares equal to the same data
 * read from a master file. A name in a value written without its trailing dot, which the legacy
 * validators allow, is read as written from the root ({@code mail.example.com} is
 * {@code mail.example.com.}), as API providers serve it; a notice says so. A value octoDNS loads
 * but that no provider could serve (an MX preference above 65535, a TLSA association that is not
 * hex) is an error.
 *
 * <p>Beside the values ({@link OctoDnsExtras}) a record carries the provider keys under {@code
 * octodns:} and its {@code dynamic} and {@code geo} routing, so a flipped {@code proxied} or an
 * emptied pool is a change. A record marked {@code octodns: {ignored: true}} is kept for the rules
 * to see (it is served) but not compared (octoDNS leaves it alone), and listed once in the report;
 * one marked {@code lenient} has its validity findings shown as allowed by that marker.
 *
 * <p>An empty document, or one whose value is false in Python ({@code ~}, {@code {}}, {@code
 * []}, {@code 0}), is an empty zone, as YamlProvider treats it ({@code if yaml_data:}); any other
 * non-map document is an error.
 */
public final class OctoDnsYamlReader implements ZoneReader {
  /** YamlProvider's {@code default_ttl}. */
  public static final long DEFAULT_TTL = OctoDnsOptions.DEFAULT_TTL;

  /** The largest TTL RFC 2181 §8 allows, and providers accept. */
  static final long MAX_TTL = 2147483647L;

  private final OctoDnsOptions options;

  /** For files compared by hand: key order is not enforced, records are judged strictly. */
  public OctoDnsYamlReader() {
    this(OctoDnsOptions.UNORDERED);
  }

  /**
   * @param enforceOrder YamlProvider's {@code enforce_order}: keys must be in natural order
   * @param lenient the zone's {@code lenient}: validation problems are notices, not errors
   * @param defaultTtl YamlProvider's {@code default_ttl}: the TTL of a record that names none
   */
  public OctoDnsYamlReader(boolean enforceOrder, boolean lenient, long defaultTtl) {
    this(new OctoDnsOptions(enforceOrder, "natural", defaultTtl, true, false, lenient));
  }

  public OctoDnsYamlReader(OctoDnsOptions options) {
    this.options = options;
  }

  @Override
  public Zone read(SourceTree tree, String path, String origin) throws ZoneReadException {
    return read(tree, path, origin, false);
  }

  /**
   * As octoDNS loads a zone with {@code lenient=True}: validation problems are notices; and
   * beyond octoDNS, a record octoDNS would fail on, or a value that cannot be DNS data, is
   * skipped with a notice instead of failing the read. Throws only when the document itself
   * cannot be loaded (a YAML syntax error, keys out of order, a document that is not a map).
   */
  @Override
  public Zone readLenient(SourceTree tree, String path, String origin) throws ZoneReadException {
    return read(tree, path, origin, true);
  }

  private Zone read(SourceTree tree, String path, String origin, boolean skip) throws ZoneReadException {
    String zone = origin != null ? Names.absolute(origin) : ZoneFormat.originFromFileName(path);
    return populate(tree, zone, List.of(new Part(path, options)), options.lenient(), null, List.of(), skip);
  }

  /** One file a zone is populated from, and the settings of the YamlProvider that reads it. */
  record Part(String path, OctoDnsOptions options) {}

  /**
   * The zone {@code zone} as octoDNS populates it from several files in turn ({@code
   * Manager._populate_and_plan}: each source's {@code populate}, each of its files in turn) and
   * then validates it once: a record of a later file is added to the same zone, a second record of
   * a name and type is a duplicate unless the provider reading it has {@code
   * populate_should_replace}, and the zone checks (a CNAME beside other data) see every file's
   * records. Each file is read with its own provider's settings.
   *
   * @param lenient the zone's {@code lenient}
   * @param lenientAt where the zone is marked lenient, for findings it acknowledges; null for none
   * @param notices said on the zone whatever its files hold
   * @param skip read as {@link #readLenient} does
   */
  static Zone populate(
      SourceTree tree, String zone, List<Part> parts, boolean lenient, Location lenientAt, List<Notice> notices,
      boolean skip) throws ZoneReadException {
    return populate(tree, zone, parts, lenient, lenientAt, notices, skip, Set.of(), false, null);
  }

  /**
   * As above, for a zone whose config also configures {@code subZones} (see the {@link
   * OctoDnsSources} constructor), and that is copied into an alias zone as {@code copy} says
   * (null: read for itself).
   */
  static Zone populate(
      SourceTree tree, String zone, List<Part> parts, boolean lenient, Location lenientAt, List<Notice> notices,
      boolean skip, Set<String> subZones, boolean ignoreSubzoneAdds, OctoDnsSources.Copy copy) throws ZoneReadException {
    return populate(tree, zone, parts, lenient, lenientAt, notices, skip, subZones, ignoreSubzoneAdds, copy, List.of(), zone);
  }

  /**
   * As above, with the filter processors octoDNS runs on the zone once its sources filled it
   * ({@code filters}, in order; an alias zone's own are in {@code copy}), on the zone named
   * {@code filled} (octoDNS's name of the zone whose files are read: for an alias, the zone it
   * copies).
   */
  static Zone populate(
      SourceTree tree, String zone, List<Part> parts, boolean lenient, Location lenientAt, List<Notice> notices,
      boolean skip, Set<String> subZones, boolean ignoreSubzoneAdds, OctoDnsSources.Copy copy,
      List<OctoDnsFilter> filters, String filled) throws ZoneReadException {
    Conversion c = new Conversion(zone, lenient || skip, skip);
    c.subZones = subZones;
    c.ignoreSubzoneAdds = ignoreSubzoneAdds;
    c.copy = copy;
    c.filters = filters;
    c.filled = filled;
    for (Notice n : notices) {
      c.zoneBuilder.notice(n.location(), n.message());
    }
    if (lenient && lenientAt != null) {
      c.zoneBuilder.zoneLenient(lenientAt);
    }
    try {
      for (Part part : parts) {
        OctoDnsOptions o = part.options().withLenient(lenient || skip);
        c.file(part.path(), o);
        c.populate(OctoDnsYaml.load(tree.read(part.path()), part.path(), o.order(), tree));
      }
      return c.finish();
    } catch (RuntimeException | LinkageError e) {
      // A bug or an unforeseen library failure must still come out as one readable sentence.
      throw new ZoneReadException(
          new Location(c.path == null ? parts.get(0).path() : c.path, c.line),
          "cannot be read as an octoDNS zone ("
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + OctoDnsYaml.oneLine(e.getMessage()))
              + ")",
          e);
    }
  }

  /** One record as octoDNS holds it once loaded. */
  /**
   * {@code unservable}: under populate_should_replace, what no provider can serve in the record
   * (its TTL, a routing value), judged only if no later record of its name and type replaces it
   * (octoDNS itself takes such data, and a replaced record never reaches a provider); else null.
   */
  private record Loaded(
      String label, String owner, String name, String type, long ttl, List<Value> values,
      boolean lenient, boolean ignored, Extras extras, String path, int line, ZoneMarks.Targets targets,
      Reason unservable) {
    /** Its key among the zone's records: the name and the type. */
    static String id(String name, String type) {
      return name + "\u0000" + type;
    }

    Loaded withTtl(long t) {
      return new Loaded(label, owner, name, type, t, values, lenient, ignored, extras, path, line, targets, unservable);
    }

    Loaded withValues(List<Value> v) {
      return new Loaded(label, owner, name, type, ttl, v, lenient, ignored, extras, path, line, targets, unservable);
    }
  }

  /**
   * One zone's conversion, file by file; {@code path} and {@code line} track progress so a late
   * failure can still point.
   */
  private static final class Conversion {
    final String zone;
    /** The zone's {@code lenient} (or a lenient reading's): validation problems are notices. */
    final boolean zoneLenient;
    final boolean skip;
    final ZoneBuilder zoneBuilder;
    /** Records by (name, type), in the order octoDNS added them. */
    final Map<String, Loaded> records = new LinkedHashMap<>();
    /** The current record's {@link Loaded#unservable}, until it is stored. */
    private Reason pending;
    /** The file being read and its provider's settings. */
    String path;
    OctoDnsOptions options;
    int line;
    /** The config's zones below this one (relative names), and whether records in them are dropped. */
    Set<String> subZones = Set.of();
    boolean ignoreSubzoneAdds;
    /** For an alias zone, how the records are copied into it; else null. */
    OctoDnsSources.Copy copy;
    /** The ids of {@link #records} an alias zone's copy drops (ignore_subzone_adds). */
    final Set<String> notCopied = new HashSet<>();
    /** The filter processors the zone runs ({@code process_source_zone}), in order, and the zone they run on. */
    List<OctoDnsFilter> filters = List.of();
    String filled;
    /** The ids of {@link #records} the zone's filters remove, and those an alias zone's own filters remove from its copy. */
    final Set<String> removed = new HashSet<>();
    final Set<String> removedFromCopy = new HashSet<>();
    /** Records the alias's own processors add to its copy (ownership records): not in the zone it copies. */
    final Set<String> copiedOnly = new HashSet<>();
    /**
     * Of the removed records, those octoDNS then leaves alone at the target (a filter of the zone
     * that is built removes their name and type from the target's zone too), each with its notice:
     * kept in the zone as ignored ones are, seen by the rules and not compared.
     */
    final Map<String, String> leftAlone = new LinkedHashMap<>();

    Conversion(String zone, boolean zoneLenient, boolean skip) {
      this.zone = zone;
      this.zoneLenient = zoneLenient;
      this.skip = skip;
      this.zoneBuilder = new ZoneBuilder(zone);
    }

    void file(String p, OctoDnsOptions o) {
      path = p;
      options = o;
      line = 0;
    }

    Location at(int l) {
      return new Location(path, l);
    }

    Zone finish() throws ZoneReadException {
      process();
      validateZone();
      build();
      return zoneBuilder.build();
    }

    /** YamlProvider._populate_from_file: one file's records into the zone. */
    void populate(OctoDnsYaml.Doc doc) throws ZoneReadException {
      for (OctoDnsYaml.Duplicate d : doc.duplicates()) {
        zoneBuilder.notice(
            at(d.second()),
            "the key '" + d.key() + "' is given twice (lines " + d.first() + " and " + d.second()
                + "); octoDNS, like YAML loaders, keeps only the last");
      }
      Py root = doc.root();
      if (!OctoDnsPy.truthy(root)) {
        return;
      }
      if (!(root instanceof PyDict names)) {
        throw new ZoneReadException(
            at(root.line()),
            "an octoDNS zone file must be a map of names to records, not "
                + (root instanceof PyList ? "a list"
                    : "a single value " + (root instanceof Str s ? OctoDnsValues.show(s.v()) : OctoDnsPy.repr(root))));
      }
      for (OctoDnsPy.Entry e : names.map.values()) {
        line = e.keyLine;
        List<Py> data = e.value instanceof PyList l ? new ArrayList<>(l.items) : List.of(e.value);
        for (Py d : data) {
          int recordLine = e.value instanceof PyList ? (d.line() > 0 ? d.line() : e.keyLine) : e.keyLine;
          line = recordLine;
          String label = "'" + OctoDnsPy.str(e.key) + "'";
          try {
            record(e.key, d, recordLine, label);
          } catch (Raised r) {
            fail(r.line > 0 ? r.line : recordLine, label + ": " + raised(r));
          }
        }
      }
    }

    /** A problem octoDNS cannot get past: an error, or skipped with a notice in lenient reading. */
    /**
     * {@code octodns.included} or {@code excluded} as octoDNS's planning tests a target against it
     * ({@code target.id in x}): a list by its items, a map by its keys, a string by its
     * substrings; absent, empty. Anything else makes octoDNS fail while planning every target.
     */
    private ZoneMarks.Membership membership(Py v, String key) throws BadValue {
      if (v == null) {
        return null;
      }
      if (v instanceof Str str) {
        return new ZoneMarks.Membership(List.of(), str.v());
      }
      List<String> items = new ArrayList<>();
      if (v instanceof OctoDnsPy.PyList l) {
        for (Py x : l.items) {
          if (x instanceof Str str) {
            items.add(str.v()); // other items never equal a provider's id
          }
        }
        return new ZoneMarks.Membership(items, null);
      }
      if (v instanceof PyDict d) {
        for (OctoDnsPy.Entry e : d.map.values()) {
          if (e.key instanceof Str str) {
            items.add(str.v());
          }
        }
        return new ZoneMarks.Membership(items, null);
      }
      throw new BadValue("octodns." + key + " is " + OctoDnsPy.repr(v) + ", not a list of provider names; octoDNS"
          + " fails planning every target with it");
    }

    private void fail(int l, String message) throws ZoneReadException {
      if (!skip) {
        throw new ZoneReadException(at(l), message);
      }
      zoneBuilder.notice(at(l), message + "; skipped");
    }

    private static String raised(Raised r) {
      if (r.explained) {
        return r.getMessage();
      }
      switch (r.kind) {
        case "KeyError":
          return "octoDNS fails on this record (missing " + r.getMessage() + ")";
        case "IdnaError":
          return "octoDNS cannot IDNA-encode a name here (" + r.getMessage() + ")";
        case "Exception":
          return r.getMessage();
        default:
          return "octoDNS fails on this record (" + r.kind + ": " + r.getMessage() + ")";
      }
    }

    /** YamlProvider._populate_from_file and Record.new for one record. */
    private void record(Py key, Py d, int recordLine, String label) throws Raised, ZoneReadException {
      if (!(d instanceof PyDict data)) {
        String shown = d instanceof Str s ? OctoDnsValues.show(s.v()) : OctoDnsPy.repr(d);
        throw new Raised("AttributeError", "'" + OctoDnsPy.typeName(d) + "' object has no attribute 'get'")
            .at(d, "a record must be a map with type and value(s), not " + shown);
      }
      Py typeValue = data.get("type");
      boolean txt = typeValue instanceof Str ts && (ts.v().equals("TXT") || ts.v().equals("SPF"));
      if (!options.escapedSemicolons() && txt) {
        escapeSemicolons(data);
      }
      if (!data.has("ttl")) {
        data.put("ttl", new Int(BigInteger.valueOf(options.defaultTtl()), 0));
      }
      String raw = OctoDnsPy.str(key);
      List<Reason> reasons = new ArrayList<>();
      String name;
      boolean nameEncoded = true;
      try {
        name = OctoDnsIdna.encode(raw);
      } catch (OctoDnsIdna.IdnaError e) {
        reasons.add(new Reason(e.getMessage(), recordLine));
        name = raw;
        nameEncoded = false;
      }
      if (name.contains(" ") || name.contains("\t")) {
        reasons.add(new Reason("invalid record, whitespace is not allowed", recordLine));
      }
      String fqdn = name.isEmpty() ? zone : name + "." + zone;
      Py type = data.get("type");
      if (type == null) {
        throw new Raised("Exception", "Invalid record " + fqdn + ", missing type");
      }
      if (!OctoDnsPy.hashable(type)) {
        throw OctoDnsPy.typeError("unhashable type: '" + OctoDnsPy.typeName(type) + "'");
      }
      if (!(type instanceof Str t) || !OctoDnsValues.TYPES.contains(t.v())) {
        throw new Raised("Exception", "Unknown record type: \"" + OctoDnsPy.str(type) + "\"")
            .at(type, "unknown type " + OctoDnsValues.show(OctoDnsPy.str(type)) + " (octoDNS 1.22 has "
                + String.join(", ", new TreeSet<>(OctoDnsValues.TYPES)) + ")");
      }
      String recordType = t.v();
      label = label + " " + recordType;
      reasons.addAll(OctoDnsValues.validate(recordType, name, fqdn, data, recordLine));
      boolean lenient = zoneLenient || recordLenient(data);
      if (!reasons.isEmpty()) {
        if (!lenient) {
          Reason first = reasons.get(0);
          throw new ZoneReadException(
              at(first.line()),
              label + ": " + first.message()
                  + (reasons.size() == 1 ? "" : " (and " + (reasons.size() - 1) + " more)"));
        }
        for (Reason r : reasons) {
          zoneBuilder.notice(at(r.line()), label + ": " + r.message() + " (loaded anyway: lenient)");
        }
      }
      // Record.__init__
      if (!nameEncoded) {
        throw new Raised("IdnaError", "the name " + OctoDnsValues.show(raw) + " cannot be IDNA-encoded");
      }
      try {
        OctoDnsIdna.checkDecodable(name);
      } catch (OctoDnsIdna.IdnaError e) {
        throw new Raised("IdnaError", e.getMessage());
      }
      pending = null;
      long ttl = ttl(data.get("ttl"), label);
      if (ttl < 0) {
        return;
      }
      List<Value> values = OctoDnsValues.values(recordType, data, recordLine);
      relativeTargets(label, values);
      String owner;
      try {
        owner = owner(name, zone);
      } catch (BadValue bad) {
        fail(recordLine, label + ": " + bad.getMessage());
        return;
      }
      Extras extras = null;
      try {
        String rtype = recordType;
        String where = label;
        extras = OctoDnsExtras.of(data, rtype, (v, built) -> {
          try {
            return rdataOf(rtype, v, owner, recordLine, built);
          } catch (BadValue bad) {
            if (!bad.unservable || !options.populateShouldReplace()) {
              throw bad;
            }
            pending = new Reason(where + ": " + bad.getMessage(), v.line() > 0 ? v.line() : recordLine);
            return "";
          }
        }, lenient);
      } catch (BadValue bad) {
        fail(recordLine, label + ": " + bad.getMessage());
      }
      Py meta = data.get("octodns");
      boolean ignored = meta instanceof PyDict m && OctoDnsPy.truthy(m.get("ignored"));
      ZoneMarks.Targets targets = null;
      if (meta instanceof PyDict m && (m.has("included") || m.has("excluded"))) {
        try {
          targets = new ZoneMarks.Targets(
              membership(m.get("included"), "included"), membership(m.get("excluded"), "excluded"), at(recordLine), label);
        } catch (BadValue bad) {
          fail(recordLine, label + ": " + bad.getMessage());
        }
      }
      String id = Loaded.id(name, recordType);
      Loaded rec = new Loaded(
          label, owner, name, recordType, ttl, values, recordLenient(data), ignored, extras, path, recordLine, targets, pending);
      String sub = subZoneProblem(name, recordType, subZones, zone);
      if (sub != null) {
        // Zone.add_record: such a record belongs in the sub-zone's own file.
        if (zoneLenient || rec.lenient()) {
          zoneBuilder.notice(at(recordLine), label + ": " + sub + " (loaded anyway: lenient)");
        } else if (ignoreSubzoneAdds) {
          zoneBuilder.notice(at(recordLine), label + ": " + sub + "; octoDNS drops it (ignore_subzone_adds)");
          return;
        } else {
          fail(recordLine, label + ": " + sub + "; octoDNS refuses the zone");
          return;
        }
      }
      // The copy into an alias zone adds the record again, under the alias's sub-zones; one it
      // drops there stays in the zone it copies, whose own checks still see it.
      boolean notCopied = false;
      sub = copy == null ? null : subZoneProblem(name, recordType, copy.subZones(), copy.alias());
      if (sub != null) {
        if (copyLenient() || rec.lenient()) {
          zoneBuilder.notice(at(recordLine), label + ": " + sub + " (copied anyway: lenient)");
        } else if (copy.ignoreSubzoneAdds()) {
          zoneBuilder.notice(at(recordLine), label + ": " + sub + "; octoDNS drops it from the alias zone (ignore_subzone_adds)");
          notCopied = true;
        } else {
          fail(recordLine, label + ": " + sub + "; octoDNS refuses the alias zone " + copy.alias() + copiedUnder());
          return;
        }
      }
      Loaded existing = records.get(id);
      if (existing != null && !options.populateShouldReplace()) {
        fail(
            recordLine,
            existing.path().equals(path)
                ? label + ": a second " + recordType + " record at this name (the first is on line " + existing.line()
                    + "); octoDNS refuses duplicates, so merge their values into one"
                : label + ": a second " + recordType + " record at this name (the first is at "
                    + new Location(existing.path(), existing.line()) + "); octoDNS refuses duplicates across the"
                    + " files of a zone unless the provider reading the later one sets populate_should_replace");
        return;
      }
      records.remove(id);
      records.put(id, rec);
      if (notCopied) {
        this.notCopied.add(id);
      } else {
        this.notCopied.remove(id);
      }
    }

    /**
     * Why octoDNS's {@code Zone.add_record} refuses a record named {@code name} (relative) for
     * being in a sub-zone the config manages on its own, or null: at the sub-zone's top only NS and
     * DS belong to this zone; below it, nothing does.
     */
    static String subZoneProblem(String name, String type, Set<String> subZones, String zone) {
      if (subZones.isEmpty()) {
        return null;
      }
      String fqdn = name.isEmpty() ? zone : name + "." + zone;
      if (subZones.contains(name)) {
        return type.equals("NS") || type.equals("DS")
            ? null
            : "the name " + fqdn + " is a sub-zone the octoDNS config manages on its own, where this zone holds only"
                + " NS and DS";
      }
      for (String sub : subZones) {
        if (name.endsWith("." + sub)) {
          return "the name " + fqdn + " is under " + sub + "." + zone + ", a sub-zone the octoDNS config manages on its own";
        }
      }
      return null;
    }

    /** Whether the copy into the alias zone is lenient (a lenient reading's always is). */
    boolean copyLenient() {
      return copy.lenient() || skip;
    }

    /** Why the alias zone is strict though the zone it copies may not be, for a message. */
    String copiedUnder() {
      return ": octodns-sync copies its records under the lenient of " + copy.lenientFrom()
          + " (the last zone it syncs that is not an alias), which is not lenient";
    }

    /** {@code lenient |= data['octodns']['lenient']}; TypeError unless a bool or an int. */
    private static boolean recordLenient(PyDict data) throws Raised {
      Py flag;
      try {
        flag = OctoDnsValues.sub(OctoDnsValues.sub(data, "octodns"), "lenient");
      } catch (Raised r) {
        if (r.is("KeyError")) {
          return false;
        }
        throw r;
      }
      if (flag instanceof Bool || flag instanceof Int) {
        return OctoDnsPy.truthy(flag);
      }
      throw OctoDnsPy.typeError("unsupported operand type(s) for |=: 'bool' and '" + OctoDnsPy.typeName(flag) + "'");
    }

    /** The record's TTL, or -1 when it is none a provider can serve and the record is skipped. */
    private long ttl(Py ttl, String label) throws Raised, ZoneReadException {
      BigInteger t = OctoDnsPy.integer(ttl);
      if (t.signum() < 0 || t.compareTo(BigInteger.valueOf(MAX_TTL)) > 0) {
        // Only a lenient record gets here with a negative TTL.
        int at = ttl.line() > 0 ? ttl.line() : line;
        String problem = label + ": ttl " + t + " is not a TTL a provider can serve (0 to " + MAX_TTL + ")";
        if (options.populateShouldReplace()) {
          pending = new Reason(problem, at);
          return 0;
        }
        fail(at, problem);
        return -1;
      }
      return t.longValue();
    }

    /** escaped_semicolons: false, for TXT/SPF: octoDNS escapes bare {@code ;} itself (in place). */
    private static void escapeSemicolons(PyDict d) throws Raised {
      Py value = d.get("value");
      if (value != null && !(value instanceof OctoDnsPy.None)) {
        d.put("value", escaped(value));
      }
      Py values = d.get("values");
      if (values != null) {
        List<Py> items = new ArrayList<>();
        for (Py v : OctoDnsPy.iterate(values)) {
          items.add(v instanceof OctoDnsPy.None ? v : escaped(v));
        }
        d.put("values", new PyList(items, values.line()));
      }
    }

    private static Py escaped(Py v) throws Raised {
      if (!(v instanceof Str s)) {
        throw new Raised("AttributeError", "'" + OctoDnsPy.typeName(v) + "' object has no attribute 'replace'");
      }
      return new Str(s.v().replace(";", "\\;"), s.line());
    }

    /** A notice for a record whose value names a target without a trailing dot. */
    private void relativeTargets(String label, List<Value> values) {
      for (Value v : values) {
        if (v.relativeTarget() != null) {
          zoneBuilder.notice(
              at(v.line()),
              label + ": \"" + v.relativeTarget() + "\" has no trailing dot; octoDNS's default validators accept"
                  + " it and providers such as Route 53 and Cloudflare serve it as \"" + v.relativeTarget()
                  + ".\", which is what zonegate compares (some providers refuse it)");
          break;
        }
      }
    }

    /**
     * One value of a dynamic pool or geo answer as canonical rdata, as the record's own values.
     * octoDNS makes a pool's value into its value type ({@code built}), so one it cannot make
     * fails the load; a geo answer it keeps as written, so there the value is only one no provider
     * can serve.
     */
    private static String rdataOf(String type, Py v, String owner, int line, boolean built) throws BadValue {
      try {
        return OctoDnsValues.rdata(type, OctoDnsValues.one(type, v, v.line() > 0 ? v.line() : line), owner);
      } catch (Raised r) {
        String shown = "a routing value " + OctoDnsValues.show(OctoDnsPy.str(v)) + " is not " + type + " data";
        if (built) {
          throw new BadValue(shown + " octoDNS can load (" + r.kind + ": " + r.getMessage() + ")");
        }
        throw new BadValue(shown + ", so no provider can serve it (" + r.kind + ": " + r.getMessage() + ")", true);
      }
    }

    /**
     * Zone.validate with the legacy set: CNAME alone at its name, ALIAS not beside A/AAAA. An alias
     * zone is validated twice, as sync does: the zone it copies under that zone's lenient, then
     * the copy (less what it dropped) under the lenient the copy was made with.
     */
    private void validateZone() throws ZoneReadException {
      validateZone(false);
      if (copy != null && !copyLenient()) {
        validateZone(true);
      }
    }

    /**
     * The filter processors, as {@code Manager._populate_and_plan} runs them between populating
     * and validating: the zone's on the zone, then, for an alias zone, the alias's own on the
     * copy. A record a filter removes is not deployed: octoDNS deletes it at the target, unless a
     * filter of the zone built also removes its name and type from the target's zone, where
     * octoDNS then leaves it alone ({@link #leftAlone}). Each filter that makes octoDNS delete
     * records is a notice on the zone.
     */
    private void process() throws ZoneReadException {
      List<OctoDnsFilter> copyFilters = copy == null ? List.of() : copy.filters();
      if (filters.isEmpty() && copyFilters.isEmpty()) {
        return;
      }
      String built = copy == null ? zone : copy.alias();
      List<OctoDnsFilter> atTarget = copy == null ? filters : copyFilters;
      Map<String, OctoDnsFilter> removedBy = new HashMap<>();
      run(filters, filled, false, removedBy);
      if (copy != null) {
        run(copyFilters, copy.alias(), true, removedBy);
      }
      Map<OctoDnsFilter, List<Loaded>> deleted = new LinkedHashMap<>();
      for (Map.Entry<String, Loaded> e : records.entrySet()) {
        String id = e.getKey();
        Loaded r = e.getValue();
        if (copy != null && notCopied.contains(id)) {
          continue;
        }
        OctoDnsFilter.Record view = view(r);
        OctoDnsFilter by = removedBy.get(id);
        if (by == null) {
          for (OctoDnsFilter f : atTarget) {
            if (f.excludesChange(view)) {
              leftAlone.put(id, r.label() + ": " + f.describe() + " takes any change of it out of octoDNS's plan, so"
                  + " octoDNS leaves it alone at the target: not compared");
              break;
            }
          }
          continue;
        }
        OctoDnsFilter alone = null;
        for (OctoDnsFilter f : atTarget) {
          if (f.leavesAlone(built, view)) {
            alone = f;
            break;
          }
        }
        if (alone != null) {
          leftAlone.put(id, r.label() + ": " + by.describe() + " filters it out of the zone and "
              + (alone == by ? "" : alone.describe() + " ") + "out of the target's, so octoDNS leaves it alone there:"
              + " not compared");
        } else {
          deleted.computeIfAbsent(by, k -> new ArrayList<>()).add(r);
        }
      }
      for (OctoDnsFilter f : atTarget) {
        if (f.metaRecord() != null) {
          meta(f, built);
        }
      }
      for (Map.Entry<OctoDnsFilter, List<Loaded>> d : deleted.entrySet()) {
        List<Loaded> gone = d.getValue();
        Loaded first = gone.get(0);
        zoneBuilder.notice(
            new Location(first.path(), first.line()),
            "zone " + built + ": " + d.getKey().describe() + " takes " + gone.size()
                + (gone.size() == 1 ? " record" : " records") + " out of the zone before octoDNS plans (first "
                + first.label() + "), and nothing makes octoDNS leave "
                + (gone.size() == 1 ? "it" : "them") + " alone at the target, so octoDNS deletes "
                + (gone.size() == 1 ? "it" : "them") + " there; judged as absent");
      }
    }

    private static OctoDnsFilter.Record view(Loaded r) {
      List<String> texts = new ArrayList<>(r.values().size());
      r.values().forEach(v -> texts.add(v.text()));
      return new OctoDnsFilter.Record(r.name(), r.type(), texts, r.ttl(), r.lenient());
    }

    /**
     * {@code process_source_zone} of each of {@code list}, in order, on the zone named {@code name}:
     * a filter takes records out ({@code removedBy}, into {@link #removed}, or for the alias's own
     * list, {@code copyStage}, into {@link #removedFromCopy}), an ownership processor adds its
     * records. A record taken out earlier is not seen by a later one.
     */
    private void run(List<OctoDnsFilter> list, String name, boolean copyStage, Map<String, OctoDnsFilter> removedBy)
        throws ZoneReadException {
      for (OctoDnsFilter f : list) {
        List<String> ids = new ArrayList<>(records.keySet());
        switch (f.kind()) {
          case OWNERSHIP -> own(f, ids, copyStage, removedBy);
          case ACME -> mark(f, ids, copyStage);
          case CLAMP -> clamp(f, ids, copyStage);
          default -> filter(f, ids, name, copyStage, removedBy);
        }
      }
    }

    /** A filter's {@code process_source_zone}: what it takes out, or a refusal, which fails the zone. */
    private void filter(OctoDnsFilter f, List<String> ids, String name, boolean copyStage,
        Map<String, OctoDnsFilter> removedBy) throws ZoneReadException {
      for (String id : ids) {
        if (!present(id, copyStage)) {
          continue;
        }
        Loaded r = records.get(id);
        OctoDnsFilter.Record view = view(r);
        OctoDnsFilter.Action a = f.onSource(name, view);
        if (a == OctoDnsFilter.Action.REFUSE) {
          path = r.path();
          fail(r.line(), r.label() + ": " + f.refusal(view) + (copyStage ? " in the alias zone " + name : ""));
        }
        if (a != OctoDnsFilter.Action.KEEP) {
          (copyStage ? removedFromCopy : removed).add(id);
          removedBy.put(id, f);
        }
      }
    }

    /** Whether record {@code id} is in the zone at this stage: not taken out, and in the alias's copy if that is the stage. */
    private boolean present(String id, boolean copyStage) {
      if (removed.contains(id)) {
        return false;
      }
      return copyStage ? !removedFromCopy.contains(id) && !notCopied.contains(id) : !copiedOnly.contains(id);
    }

    /** {@code TtlClampProcessor.process_source_zone}: each record at the TTL octoDNS deploys it with. */
    private void clamp(OctoDnsFilter f, List<String> ids, boolean copyStage) throws ZoneReadException {
      for (String id : ids) {
        if (!present(id, copyStage)) {
          continue;
        }
        Loaded r = records.get(id);
        long ttl = f.clamped(r.ttl());
        if (ttl < 0) {
          path = r.path();
          fail(r.line(), r.label() + ": " + f.describe() + " fails clamping its TTL (its limits are not numbers a TTL"
              + " can be compared with, or clamp it to a fraction)");
          return;
        }
        if (ttl != r.ttl()) {
          records.put(id, r.withTtl(ttl));
        }
      }
    }

    /**
     * {@code AcmeManagingProcessor.process_source_zone}: each {@code _acme-challenge} TXT record of
     * the zone gets the value {@code *octoDNS*} too (a copy replacing it), so the target can tell
     * the records octoDNS manages from those a certificate client wrote.
     */
    private void mark(OctoDnsFilter f, List<String> ids, boolean copyStage) {
      String marker = OctoDnsValues.txt(OctoDnsFilter.ACME_MARKER);
      for (String id : ids) {
        Loaded r = records.get(id);
        if (!present(id, copyStage) || !f.acmeRecord(view(r))) {
          continue;
        }
        List<Value> values = new ArrayList<>(r.values());
        values.add(new Value(marker, r.line(), null));
        records.put(id, r.withValues(values));
      }
    }

    /**
     * {@code OwnershipProcessor.process_source_zone}: a TXT record of its own for each record the
     * zone holds (but its own), {@code _owner.A.www} valued {@code *octodns*}; added as octoDNS adds
     * it, refused where a record of that name and type is there already, unless it replaces.
     */
    private void own(OctoDnsFilter f, List<String> ids, boolean copyStage, Map<String, OctoDnsFilter> removedBy)
        throws ZoneReadException {
      OctoDnsFilter.Ownership o = f.ownership();
      for (String id : ids) {
        if (!present(id, copyStage)) {
          continue;
        }
        Loaded r = records.get(id);
        OctoDnsFilter.Record view = view(r);
        if (o.isOwnership(view.name(), view.type(), view.values())) {
          continue;
        }
        if (o.badValue() != null) {
          path = r.path();
          fail(r.line(), r.label() + ": " + f.describe() + " fails making its record for it, as octoDNS refuses its"
              + " txt_value (" + o.badValue() + ")");
          return;
        }
        String name = o.recordFor(r.name(), r.type()).toLowerCase(Locale.ROOT); // octoDNS keeps names in lower case
        String ownId = Loaded.id(name, "TXT");
        if (records.containsKey(ownId) && present(ownId, copyStage) && !o.shouldReplace()) {
          path = r.path();
          fail(r.line(), r.label() + ": " + f.describe() + " adds its record '" + name + "' TXT for it, which the zone holds"
              + " already, and octoDNS fails adding a duplicate (should_replace is false)");
          continue;
        }
        String owner;
        try {
          owner = owner(name, zone);
        } catch (BadValue bad) {
          path = r.path();
          fail(r.line(), r.label() + ": " + f.describe() + " would mark it with '" + name + "', which " + bad.getMessage());
          continue;
        }
        Loaded mark = new Loaded("'" + name + "' TXT", owner, name, "TXT", o.txtTtl(),
            List.of(new Value(OctoDnsValues.txt(o.txtValue()), r.line(), null)), false, false, null, r.path(), r.line(),
            null, null);
        records.remove(ownId);
        records.put(ownId, mark);
        removed.remove(ownId);
        removedFromCopy.remove(ownId);
        removedBy.remove(ownId);
        if (copyStage) {
          copiedOnly.add(ownId);
          notCopied.remove(ownId);
        }
      }
    }

    /**
     * {@code MetaProcessor}'s record, which octoDNS adds to the zone when it plans: not compared
     * (whatever the target holds there is octoDNS's own bookkeeping); a TXT record of that name in
     * the zone already makes octoDNS fail the plan (a duplicate record).
     */
    private void meta(OctoDnsFilter f, String built) throws ZoneReadException {
      String name = f.metaRecord();
      String id = Loaded.id(name, "TXT");
      Loaded own = records.get(id);
      if (own != null && !removed.contains(id) && !removedFromCopy.contains(id)) {
        path = own.path();
        fail(own.line(), own.label() + ": " + f.describe() + " adds a TXT record of this name itself when octoDNS"
            + " plans, and octoDNS fails the plan on the duplicate");
        return;
      }
      String owner;
      try {
        owner = owner(name, built);
      } catch (BadValue bad) {
        return; // no such name can be in the zone: octoDNS fails adding it, which its own run shows
      }
      zoneBuilder.ignored(RRsetKey.of(owner, "TXT"), f.where(), "'" + name + "' TXT: " + f.describe()
          + " writes this record itself when octoDNS plans (its values are octoDNS's bookkeeping): not compared");
    }

    private void validateZone(boolean copied) throws ZoneReadException {
      Map<String, List<Loaded>> byName = new LinkedHashMap<>();
      for (Map.Entry<String, Loaded> e : records.entrySet()) {
        String id = e.getKey();
        if (present(id, copied)) { // else a filter, or the alias's copy, took it out before octoDNS validates
          byName.computeIfAbsent(e.getValue().name(), k -> new ArrayList<>()).add(e.getValue());
        }
      }
      for (List<Loaded> node : byName.values()) {
        if (node.size() < 2) {
          continue;
        }
        List<String> types = node.stream().map(Loaded::type).toList();
        String problem = null;
        Loaded at = null;
        if (types.contains("CNAME")) {
          at = node.stream().filter(r -> r.type().equals("CNAME")).findFirst().orElseThrow();
          problem = "a CNAME cannot coexist with other records ("
              + String.join(", ", types.stream().filter(x -> !x.equals("CNAME")).toList()) + ")";
        } else if (types.contains("ALIAS") && (types.contains("A") || types.contains("AAAA"))) {
          at = node.stream().filter(r -> r.type().equals("ALIAS")).findFirst().orElseThrow();
          problem = "an ALIAS cannot coexist with A or AAAA records";
        }
        if (problem == null) {
          continue;
        }
        String message = at.label() + ": " + problem;
        Location where = new Location(at.path(), at.line());
        if (node.stream().allMatch(Loaded::lenient)) {
          if (!copied) {
            zoneBuilder.notice(where, message + " (loaded anyway: lenient)");
          }
        } else if (copied) {
          throw new ZoneReadException(where, message + "; octoDNS refuses the alias zone " + copy.alias() + copiedUnder());
        } else if (!zoneLenient) {
          throw new ZoneReadException(where, message + "; octoDNS refuses the zone");
        } else {
          zoneBuilder.notice(where, message + " (loaded anyway: lenient)");
        }
      }
    }

    /** The loaded records into RRsets, each value as canonical rdata. */
    private void build() throws ZoneReadException {
      for (Map.Entry<String, Loaded> e : records.entrySet()) {
        String alone = leftAlone.get(e.getKey());
        if (alone == null && !present(e.getKey(), copy != null)) {
          continue; // the alias zone's copy dropped it, or a filter took it out: not deployed
        }
        Loaded r = e.getValue();
        path = r.path();
        if (r.unservable() != null) {
          if (alone == null) {
            fail(r.unservable().line(), r.unservable().message());
          }
          continue; // left alone, it never reaches a provider
        }
        RRsetKey key = RRsetKey.of(r.owner(), r.type());
        Location where = at(r.line());
        if (alone != null) {
          zoneBuilder.ignored(key, where, alone);
        } else if (r.ignored()) {
          // octoDNS leaves it alone: the rules still see it (it is served), the diff does not.
          zoneBuilder.ignored(key, where, r.label() + ": octodns.ignored: octoDNS leaves it alone, so it is not compared");
        }
        if (r.lenient()) {
          zoneBuilder.lenient(key, where);
        }
        if (r.targets() != null) {
          zoneBuilder.targets(key, r.targets());
        }
        zoneBuilder.extras(key, r.extras());
        for (Value v : r.values()) {
          line = v.line();
          String rdata;
          try {
            rdata = OctoDnsValues.rdata(r.type(), v, r.owner());
          } catch (BadValue bad) {
            if (alone == null) {
              fail(v.line(), r.label() + ": " + bad.getMessage());
            }
            continue;
          }
          zoneBuilder.add(key, r.ttl(), rdata, where);
        }
      }
    }
  }

  /**
   * The absolute owner of an octoDNS name (IDNA-encoded, relative, {@code ''} for the apex).
   * octoDNS names are plain text split on dots, so characters a master file treats specially are
   * escaped, not interpreted.
   */
  static String owner(String relative, String origin) throws BadValue {
    if (relative.isEmpty()) {
      return origin;
    }
    StringBuilder escaped = new StringBuilder();
    for (String label : relative.split("\\.", -1)) {
      if (label.isEmpty()) {
        throw new BadValue("the name \"" + relative + "\" has an empty label, which no DNS name can have");
      }
      escaped.append(escapeLabel(label)).append('.');
    }
    try {
      return Canonical.name(Name.fromString(escaped + (origin.equals(".") ? "" : origin)));
    } catch (TextParseException | IllegalArgumentException e) {
      throw new BadValue(
          "the name \"" + relative + "\" is not a valid DNS name (" + OctoDnsYaml.oneLine(e.getMessage()) + ")");
    }
  }

  private static String escapeLabel(String label) {
    StringBuilder out = new StringBuilder();
    for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (Character.isLetterOrDigit(c) && c < 0x80 || c == '-' || c == '_' || c == '*') {
        out.append((char) c);
      } else {
        out.append('\\').append(String.format(Locale.ROOT, "%03d", c));
      }
    }
    return out.toString();
  }
}
