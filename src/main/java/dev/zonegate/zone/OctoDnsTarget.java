package dev.zonegate.zone;

import dev.zonegate.model.RRset;
import dev.zonegate.model.Zone;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An octoDNS zone's target as octoDNS plans against it: what its processors make octoDNS leave
 * alone there is not part of the comparison. The sources' side of the same processors is read
 * with the zone ({@code OctoDnsYamlReader}); the two are held together to octoDNS's own plans
 * against a real PowerDNS ({@code OctoDnsPowerDnsParityTest}).
 */
final class OctoDnsTarget {
  private OctoDnsTarget() {}

  /**
   * {@code live}, the zone a target of the zone {@code name} holds, as octoDNS plans {@code head}
   * (null: none) against it with the processors {@code run}: less what the filters take out of
   * the target's zone ({@code process_target_zone}), and, under an {@code OwnershipProcessor},
   * less every record neither side marks as octoDNS's (its {@code process_plan} drops their
   * changes). octoDNS leaves those alone there.
   *
   * @throws ZoneReadException when a processor makes octoDNS fail planning the zone there
   */
  static Zone view(List<OctoDnsFilter> run, String name, Zone live, Zone head) throws ZoneReadException {
    if (run.isEmpty()) {
      return live;
    }
    String origin = live.origin();
    List<RRset> kept = new ArrayList<>(live.size());
    for (RRset s : live.sets()) {
      if (s.type().equals("SOA")) {
        kept.add(s); // octoDNS has no SOA: no processor sees it
        continue;
      }
      OctoDnsFilter.Record view = new OctoDnsFilter.Record(relative(s.name(), origin), s.type(), s.rdata());
      boolean keep = true;
      for (OctoDnsFilter f : run) {
        OctoDnsFilter.Action a = f.onTarget(name, view);
        if (a == OctoDnsFilter.Action.REFUSE) {
          throw new ZoneReadException(
              f.where(), "the target's zone " + name + " holds " + s.name() + " " + s.type() + ": " + f.refusal(view)
                  + ", so octoDNS fails planning the zone");
        }
        if (a == OctoDnsFilter.Action.REMOVE) {
          keep = false;
          break;
        }
      }
      if (keep) {
        kept.add(s);
      }
    }
    for (OctoDnsFilter f : run) {
      switch (f.kind()) {
        case ACME -> kept = acme(f, kept, head, origin);
        case OWNERSHIP -> kept = owned(f, kept, head, origin, name);
        default -> { } // the filters acted above; the rest leave the target's records as they are
      }
    }
    return kept.size() == live.size() ? live : new Zone(origin, kept, live.notices()).withMarks(live.marks());
  }

  /**
   * {@code OwnershipProcessor.process_plan}: octoDNS keeps the change of a record only where an
   * ownership record marks its name and type, at the target or in the zone; so a record at the
   * target that neither marks is left alone. A record another owner marks (a TXT under the
   * prefix with another value) that octoDNS would change fails the plan, unless it may take over.
   */
  private static List<RRset> owned(OctoDnsFilter f, List<RRset> live, Zone head, String origin, String name)
      throws ZoneReadException {
    OctoDnsFilter.Ownership o = f.ownership();
    Set<String> owned = new HashSet<>();
    List<RRset> sides = new ArrayList<>(live);
    if (head != null) {
      sides.addAll(head.sets());
    }
    for (RRset s : sides) {
      String rel = relative(s.name(), origin);
      if (o.isOwnership(rel, s.type(), s.rdata())) {
        String marked = o.marked(rel);
        if (marked != null) {
          owned.add(marked);
        }
      }
    }
    List<RRset> out = new ArrayList<>(live.size());
    for (RRset s : live) {
      if (s.type().equals("SOA")) {
        out.add(s);
        continue;
      }
      String rel = relative(s.name(), origin);
      boolean ownership = o.isOwnership(rel, s.type(), s.rdata());
      if (!ownership && !o.allowTakeover() && o.isOwnershipName(rel, s.type())) {
        String marked = o.marked(rel);
        if (marked != null && owned.contains(marked)) {
          throw new ZoneReadException(f.where(), "the target's zone " + name + " holds " + s.name() + " TXT " + s.rdata()
              + ", another owner's mark on " + marked.replace('\u0000', ' ') + ", and " + f.describe()
              + " refuses to take it over (allow_takeover is false), so octoDNS fails planning the zone");
        }
      }
      if (ownership || owned.contains(rel + "\u0000" + s.type())
          || rel.equals("octodns-meta")) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * {@code AcmeManagingProcessor.process_target_zone}: an {@code _acme-challenge} TXT record at
   * the target without the value {@code *octoDNS*}, of a name the zone holds no such record at (a
   * certificate client's), is left alone.
   */
  private static List<RRset> acme(OctoDnsFilter f, List<RRset> live, Zone head, String origin) {
    String marker = OctoDnsValues.txt(OctoDnsFilter.ACME_MARKER);
    List<RRset> out = new ArrayList<>(live.size());
    for (RRset s : live) {
      OctoDnsFilter.Record view = new OctoDnsFilter.Record(relative(s.name(), origin), s.type(), s.rdata());
      boolean mine = !f.acmeRecord(view) || s.rdata().contains(marker) || head != null && head.get(s.name(), "TXT") != null;
      if (mine) {
        out.add(s);
      }
    }
    return out;
  }

  /** An absolute owner as octoDNS names it in the zone {@code origin}: relative, {@code ""} at the apex. */
  private static String relative(String owner, String origin) {
    return owner.equals(origin) ? ""
        : owner.endsWith("." + origin) ? owner.substring(0, owner.length() - origin.length() - 1)
        : owner;
  }
}
