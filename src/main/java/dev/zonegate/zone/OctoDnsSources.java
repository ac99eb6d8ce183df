package dev.zonegate.zone;

import dev.zonegate.model.Location;
import dev.zonegate.model.Names;
import dev.zonegate.model.Notice;
import dev.zonegate.model.Zone;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * Where octoDNS fills one zone from: every YamlProvider among the zone's {@code sources:}, in order,
 * each reading its own files with its own settings ({@code YamlProvider.populate}).
 *
 * <p>A source reads, in its directory, the zone file ({@code <zone name>yaml}: the UTF-8 spelling
 * of an international name when that file exists, else the IDNA one; both at once is an error),
 * unless {@code disable_zonefile}; with a {@code split_extension}, every {@code .yaml} file of the
 * zone's split directory ({@code <zone name without its dot><extension>}, spelled as the zone file
 * is); and its {@code shared_filename}, if any, a file whose records go into every zone the source
 * fills; all of them are read in the order of their paths. A source
 * that finds no file fails octoDNS's run ({@code no YAMLs found}) unless {@code
 * ignore_missing_zones}. Records of a later file add to the zone; a record already there is a
 * duplicate unless the reading provider has {@code populate_should_replace}, when it replaces it.
 *
 * <p>Records from sources zonegate cannot read (any other provider class) are not seen; each
 * such source is a notice on the zone, so every report says so.
 */
public final class OctoDnsSources {
  /**
   * One YamlProvider among a zone's sources.
   *
   * @param id the provider's name in the config
   * @param directory its directory, repository-relative and normalized ({@code ""}: the root)
   * @param options the settings it reads files with
   * @param shared its {@code shared_filename} as written (relative to {@code directory}), or null
   * @param split its {@code split_extension} ({@code SplitYamlProvider}'s {@code extension}): the
   *     zone's records are also in the {@code .yaml} files of a directory of their own; null: none
   * @param disableZonefile its {@code disable_zonefile}: the zone file is not read
   * @param ignoreMissingZones its {@code ignore_missing_zones}: finding no file is not an error
   * @param where where the zone names it among its sources
   */
  public record Source(
      String id,
      String directory,
      OctoDnsOptions options,
      String shared,
      String split,
      boolean disableZonefile,
      boolean ignoreMissingZones,
      Location where) {

    /** {@code name} in the directory, repository-relative; null when it leaves the repository. */
    public String path(String name) {
      if (name.startsWith("/")) {
        return null;
      }
      return SourceTree.normalize(directory.isEmpty() ? name : directory + "/" + name);
    }
  }

  private final String zone;
  private final String decoded;
  private final List<Source> sources;
  private final List<Notice> unseen;
  private final boolean lenient;
  private final Location lenientAt;
  /** The config's zones below this one, relative to it; and the zone's {@code ignore_subzone_adds}. */
  private final Set<String> subZones;
  private final boolean ignoreSubzoneAdds;
  /** For an alias zone, how its records are copied into it; null for a zone read for itself. */
  private final Copy copy;
  /** The filter processors octoDNS runs on the zone whose files are read, in order ({@link OctoDnsFilter}). */
  private final List<OctoDnsFilter> filters;

  /**
   * How {@code octodns-sync} copies the records of the zone an alias names into the alias zone:
   * each is added under the alias's own configured sub-zones ({@code subZones}, relative to
   * {@code alias}) and {@code ignore_subzone_adds}, and the alias is then validated, all under the
   * {@code lenient} that sync's loop over the zones left behind: that of {@code lenientFrom}, the
   * last zone it met that is not an alias (not the alias's own entry, nor the zone it copies).
   */
  public record Copy(
      String alias, Set<String> subZones, boolean ignoreSubzoneAdds, boolean lenient, String lenientFrom,
      List<OctoDnsFilter> filters) {
    public Copy {
      subZones = Set.copyOf(subZones);
      filters = List.copyOf(filters);
    }

    public Copy(String alias, Set<String> subZones, boolean ignoreSubzoneAdds, boolean lenient, String lenientFrom) {
      this(alias, subZones, ignoreSubzoneAdds, lenient, lenientFrom, List.of());
    }
  }

  /**
   * @param zone the zone whose files are read, in octoDNS's form (lower case, IDNA); an alias
   *     zone reads the files of the zone it copies
   * @param sources the zone's YamlProviders, in the order of its {@code sources:}; at least one
   * @param unseen a notice for each other source, whose records zonegate cannot see
   * @param lenient the zone's {@code lenient}
   * @param lenientAt where {@code lenient: true} is written, or the zone's entry
   * @param subZones the config's zones below this one, by their names relative to it: octoDNS
   *     refuses a record of the zone that belongs in one, other than the NS and DS at its top,
   *     unless the zone or record is lenient, or drops it with {@code ignoreSubzoneAdds}
   * @param ignoreSubzoneAdds the zone's {@code ignore_subzone_adds}
   */
  public OctoDnsSources(
      String zone, List<Source> sources, List<Notice> unseen, boolean lenient, Location lenientAt,
      Set<String> subZones, boolean ignoreSubzoneAdds) {
    this(zone, sources, unseen, lenient, lenientAt, subZones, ignoreSubzoneAdds, null);
  }

  /** As above, for the alias zone {@code copy} describes, which copies {@code zone}. */
  public OctoDnsSources(
      String zone, List<Source> sources, List<Notice> unseen, boolean lenient, Location lenientAt,
      Set<String> subZones, boolean ignoreSubzoneAdds, Copy copy) {
    this(zone, sources, unseen, lenient, lenientAt, subZones, ignoreSubzoneAdds, copy, List.of());
  }

  /** As above, for a zone that runs the filter processors {@code filters} (an alias's own are in {@code copy}). */
  public OctoDnsSources(
      String zone, List<Source> sources, List<Notice> unseen, boolean lenient, Location lenientAt,
      Set<String> subZones, boolean ignoreSubzoneAdds, Copy copy, List<OctoDnsFilter> filters) {
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("no YamlProvider source");
    }
    this.zone = zone;
    this.decoded = decodedName(zone);
    this.sources = List.copyOf(sources);
    this.unseen = List.copyOf(unseen);
    this.lenient = lenient;
    this.lenientAt = lenientAt;
    this.subZones = Set.copyOf(subZones);
    this.ignoreSubzoneAdds = ignoreSubzoneAdds;
    this.copy = copy;
    this.filters = List.copyOf(filters);
  }

  /** octoDNS's {@code idna_encode} of a zone name; IllegalArgumentException where octoDNS raises. */
  public static String encodedName(String name) {
    try {
      return OctoDnsIdna.encode(name);
    } catch (OctoDnsIdna.IdnaError e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  /** octoDNS's {@code idna_decode} of a zone name; IllegalArgumentException where octoDNS raises. */
  public static String decodedName(String name) {
    try {
      return OctoDnsIdna.decode(name);
    } catch (OctoDnsIdna.IdnaError e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  public List<Source> sources() {
    return sources;
  }

  public List<Notice> unseen() {
    return unseen;
  }

  /** The filter processors the zone runs, in order (an alias zone's own, after those of the zone it copies). */
  public List<OctoDnsFilter> filters() {
    List<OctoDnsFilter> out = new ArrayList<>(filters);
    if (copy != null) {
      out.addAll(copy.filters());
    }
    return out;
  }

  /** The first file the zone may be read from: its first source's zone file (or shared file). */
  public String nominalFile() {
    List<String> p = paths();
    return p.get(0);
  }

  /**
   * Every file whose change can change the zone, whether it exists or not: each source's zone file
   * in both spellings and its shared file; and for a split source its split directory in both
   * spellings, whose {@code .yaml} files ({@link #splitDirectories}) count too. (Files these
   * include are found by reading them.)
   */
  public List<String> paths() {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (Source s : sources) {
      if (!s.disableZonefile()) {
        addPath(out, s.path(decoded + "yaml"));
        addPath(out, s.path(zone + "yaml"));
      }
      if (s.split() != null) {
        addPath(out, splitDirectory(s, decoded));
        addPath(out, splitDirectory(s, zone));
      }
      if (s.shared() != null) {
        addPath(out, s.path(s.shared()));
      }
    }
    if (out.isEmpty()) {
      throw new IllegalStateException("a source with no file to read");
    }
    return new ArrayList<>(out);
  }

  /** The split directories the zone's records may be in, both spellings; none without a split source. */
  public List<String> splitDirectories() {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (Source s : sources) {
      if (s.split() != null) {
        addPath(out, splitDirectory(s, decoded));
        addPath(out, splitDirectory(s, zone));
      }
    }
    return new ArrayList<>(out);
  }

  /** Whether {@code path} is a file octoDNS reads from {@code directory}: one of its {@code .yaml} files. */
  public static boolean inSplitDirectory(String path, String directory) {
    int slash = path.lastIndexOf('/');
    return slash == directory.length() && path.startsWith(directory) && path.endsWith(".yaml");
  }

  /** {@code YamlProvider._split_sources}'s directory for the zone spelled {@code name}. */
  private static String splitDirectory(Source s, String name) {
    return s.path(name.substring(0, name.length() - 1) + s.split());
  }

  private static void addPath(LinkedHashSet<String> out, String p) {
    if (p != null && !p.isEmpty()) {
      out.add(p);
    }
  }

  /**
   * True when some source has a file for the zone in {@code tree}; false when none has: a zone
   * whose files are all gone (or not yet there). When the tree cannot tell, true: the read
   * reports why.
   */
  public boolean existsIn(SourceTree tree) {
    try {
      for (Source s : sources) {
        for (String f : files(tree, s)) {
          if (isFile(tree, f)) {
            return true;
          }
        }
      }
      return false;
    } catch (ZoneReadException e) {
      return true;
    }
  }

  /** The files {@code s} reads for the zone in {@code tree}, in the order it reads them. */
  private List<String> files(SourceTree tree, Source s) throws ZoneReadException {
    List<String> names = new ArrayList<>();
    if (!s.disableZonefile()) {
      String utf8 = decoded + "yaml";
      String idna = zone + "yaml";
      if (isFile(tree, s.path(utf8))) {
        if (!utf8.equals(idna) && isFile(tree, s.path(idna))) {
          throw new ZoneReadException(
              s.where(),
              "source '" + s.id() + "' has both " + s.path(utf8) + " (UTF-8) and " + s.path(idna) + " (IDNA) for zone "
                  + decoded + ", which octoDNS refuses; keep one");
        }
        names.add(utf8);
      } else if (isFile(tree, s.path(idna))) {
        names.add(idna);
      }
    }
    if (s.split() != null) {
      names.addAll(splitFiles(tree, s));
    }
    if (s.shared() != null) {
      names.add(s.shared()); // read whether it is there or not: octoDNS opens it, and fails without it
    }
    // YamlProvider sorts the joined paths; all share the directory, so the names decide.
    names.sort(SourceTree.CODE_POINT_ORDER);
    List<String> out = new ArrayList<>(names.size());
    for (String n : names) {
      out.add(s.path(n));
    }
    return out;
  }

  /**
   * {@code YamlProvider._split_sources}: the names (relative to the source's directory) of the
   * {@code .yaml} entries of the zone's split directory, the UTF-8 spelling's when it is there, else
   * the IDNA one's; both at once is an error, as in octoDNS. Subdirectories are not read; one whose
   * name ends in {@code .yaml} is an error, as octoDNS fails opening it.
   */
  private List<String> splitFiles(SourceTree tree, Source s) throws ZoneReadException {
    String utf8 = splitDirectory(s, decoded);
    String idna = splitDirectory(s, zone);
    String dir;
    if (isDirectory(tree, utf8)) {
      if (!utf8.equals(idna) && isDirectory(tree, idna)) {
        throw new ZoneReadException(
            s.where(),
            "source '" + s.id() + "' has both " + utf8 + " (UTF-8) and " + idna + " (IDNA) for zone " + decoded
                + ", which octoDNS refuses; keep one");
      }
      dir = utf8;
    } else if (isDirectory(tree, idna)) {
      dir = idna;
    } else {
      return List.of();
    }
    String prefix = dir.substring(s.path("x").length() - 1); // the directory, relative to the source's
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, SourceTree.Kind> e : tree.list(dir).entrySet()) {
      if (!e.getKey().endsWith(".yaml")) {
        continue;
      }
      if (e.getValue() != SourceTree.Kind.FILE) {
        throw new ZoneReadException(
            new Location(dir + "/" + e.getKey(), 0),
            "the split directory of zone " + decoded + " holds " + e.getKey() + ", which is not a file; octoDNS"
                + " fails opening it");
      }
      out.add(prefix + "/" + e.getKey());
    }
    return out;
  }

  /** octoDNS's {@code isdir}, from the tree's listing of the directory's parent. */
  static boolean isDirectory(SourceTree tree, String path) throws ZoneReadException {
    return kind(tree, path) == SourceTree.Kind.DIRECTORY;
  }

  /** octoDNS's {@code isfile}, from the tree's listing of the file's directory. */
  static boolean isFile(SourceTree tree, String path) throws ZoneReadException {
    return kind(tree, path) == SourceTree.Kind.FILE;
  }

  /** What {@code path} is in the listing of its directory; null when it is not there. */
  private static SourceTree.Kind kind(SourceTree tree, String path) throws ZoneReadException {
    if (path == null || path.isEmpty()) {
      return null;
    }
    int slash = path.lastIndexOf('/');
    SortedMap<String, SourceTree.Kind> listing = tree.list(slash < 0 ? "" : path.substring(0, slash));
    return listing == null ? null : listing.get(path.substring(slash + 1));
  }

  /** A reader for the zone: {@code path} is ignored, the zone's files are the sources'. */
  public ZoneReader reader() {
    return new ZoneReader() {
      @Override
      public Zone read(SourceTree tree, String path, String origin) throws ZoneReadException {
        return OctoDnsSources.this.read(tree, origin, false);
      }

      @Override
      public Zone readLenient(SourceTree tree, String path, String origin) throws ZoneReadException {
        return OctoDnsSources.this.read(tree, origin, true);
      }
    };
  }

  /**
   * The zone {@code origin} as octoDNS fills it from {@code tree}. A source without a file is an
   * error, as octoDNS's {@code no YAMLs found}, unless it ignores missing zones; read leniently
   * ({@code skip}), it is a notice.
   */
  Zone read(SourceTree tree, String origin, boolean skip) throws ZoneReadException {
    List<OctoDnsYamlReader.Part> parts = new ArrayList<>();
    List<Notice> notices = new ArrayList<>(unseen);
    for (Source s : sources) {
      List<String> files = files(tree, s);
      if (files.isEmpty() && !s.ignoreMissingZones()) {
        String where = s.disableZonefile() ? "" : s.path(decoded + "yaml");
        if (s.split() != null) {
          where += (where.isEmpty() ? "" : ", nor ") + "a split directory " + splitDirectory(s, decoded);
        }
        String problem = "source '" + s.id() + "' has no file for zone " + decoded + " (" + where
            + ")" + ", and octoDNS fails on a source without one (no YAMLs found) unless it sets ignore_missing_zones";
        if (!skip) {
          throw new ZoneReadException(s.where(), problem);
        }
        notices.add(new Notice(s.where(), problem + "; skipped"));
      }
      for (String f : files) {
        if (skip && !isFile(tree, f)) {
          // A shared file this version does not have yet: octoDNS would fail on it; the rest is read.
          notices.add(new Notice(new Location(f, 0), "source '" + s.id() + "' names this shared file, which this"
              + " version does not have; skipped"));
          continue;
        }
        parts.add(new OctoDnsYamlReader.Part(f, s.options()));
      }
    }
    String name = origin != null ? Names.absolute(origin) : zone;
    if (parts.isEmpty()) {
      Zone empty = Zone.empty(name);
      for (int i = notices.size() - 1; i >= 0; i--) {
        empty = empty.withNotice(notices.get(i));
      }
      return empty;
    }
    return OctoDnsYamlReader.populate(
        tree, name, parts, lenient, lenientAt, notices, skip, subZones, ignoreSubzoneAdds, copy, filters, zone);
  }

  /**
   * {@code live}, the zone a target of this zone holds, as octoDNS plans {@code head} (null: none)
   * against it ({@link OctoDnsTarget}): less what the zone's processors make octoDNS leave alone
   * there. An alias zone runs its own processors.
   *
   * @throws ZoneReadException when a processor makes octoDNS fail planning the zone there
   */
  public Zone atTarget(Zone live, Zone head) throws ZoneReadException {
    return copy == null ? OctoDnsTarget.view(filters, zone, live, head) : OctoDnsTarget.view(copy.filters(), copy.alias(), live, head);
  }

  /** As above, without a proposed zone. */
  public Zone atTarget(Zone live) throws ZoneReadException {
    return atTarget(live, null);
  }
}
