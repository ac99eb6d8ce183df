package dev.zonegate.zone.terraform;

import dev.zonegate.model.Location;
import dev.zonegate.zone.ZoneReadException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * One side of a resource in a plan: its attribute values, which of them Terraform knows only after
 * apply ({@code after_unknown}), and which are sensitive ({@code before_sensitive},
 * {@code after_sensitive}). Both masks mirror the values' shape, with {@code true} where a whole
 * attribute or one element is unknown or sensitive. An unknown value is never read as empty: it
 * becomes {@link Masks#UNKNOWN}; a sensitive one becomes a stand-in that compares equal only to
 * itself ({@link Masks#sensitive}) and is never printed.
 */
final class Attrs {
  private final JsonNode values;
  private final JsonNode unknown;
  private final JsonNode sensitive;
  private final Masks masks;

  Attrs(JsonNode values, JsonNode unknown, JsonNode sensitive, Masks masks) {
    this.values = values == null ? MissingNode.getInstance() : values;
    this.unknown = unknown == null ? MissingNode.getInstance() : unknown;
    this.sensitive = sensitive == null ? MissingNode.getInstance() : sensitive;
    this.masks = masks;
  }

  JsonNode values() {
    return values;
  }

  /** True when {@code key} as a whole is known only after apply. */
  boolean isUnknown(String key) {
    return unknown.isBoolean() && unknown.asBoolean() || unknown.path(key).isBoolean() && unknown.path(key).asBoolean();
  }

  /** True when anything in {@code key} (the attribute or an element) is known only after apply. */
  boolean anyUnknown(String key) {
    return isUnknown(key) || containsTrue(unknown.path(key));
  }

  private boolean isSensitive(JsonNode mask, String key) {
    return mask.isBoolean() && mask.asBoolean() || mask.path(key).isBoolean() && mask.path(key).asBoolean();
  }

  /**
   * A string attribute: null when absent, null or empty; {@link Masks#UNKNOWN} when unknown; a
   * sensitive stand-in when sensitive. Numbers and booleans are given as their JSON text.
   */
  String str(String key) {
    if (isUnknown(key)) {
      return Masks.UNKNOWN;
    }
    JsonNode v = values.get(key);
    if (v == null || v.isNull() || v.isContainer()) {
      return null;
    }
    String s = v.asString();
    if (s.isEmpty()) {
      return null;
    }
    return isSensitive(sensitive, key) ? masks.sensitive(s) : s;
  }

  /** A string attribute that is plain text, for names and types: null when absent or empty. */
  String plain(String key) {
    JsonNode v = values.get(key);
    return v == null || !v.isValueNode() || v.isNull() || v.asString().isEmpty() ? null : v.asString();
  }

  /**
   * An attribute that says which record this is (its name or type): its plain value. Unknown:
   * the record cannot be placed ({@link RecordResource.Unplaced}); absent: it cannot be read.
   */
  String identity(String key, Location at)
      throws RecordResource.Unplaced, ZoneReadException {
    if (isUnknown(key)) {
      throw RecordResource.unknown(at, key);
    }
    String v = plain(key);
    if (v == null) {
      throw RecordResource.missing(at, key);
    }
    return v;
  }

  /**
   * A list of strings: each element as {@link #str} reads one; the whole list unknown is one
   * {@link Masks#UNKNOWN}; absent or null is empty.
   */
  List<String> strings(String key) {
    List<String> out = new ArrayList<>();
    if (isUnknown(key)) {
      out.add(Masks.UNKNOWN);
      return out;
    }
    JsonNode list = values.get(key);
    if (list == null || !list.isArray()) {
      return out;
    }
    JsonNode u = unknown.path(key);
    JsonNode s = sensitive.path(key);
    boolean allSensitive = isSensitive(sensitive, key);
    for (int i = 0; i < list.size(); i++) {
      JsonNode e = list.get(i);
      if (u.path(i).isBoolean() && u.path(i).asBoolean()) {
        out.add(Masks.UNKNOWN);
      } else if (e != null && e.isValueNode() && !e.isNull()) {
        boolean sens = allSensitive || s.path(i).isBoolean() && s.path(i).asBoolean();
        out.add(sens ? masks.sensitive(e.asString()) : e.asString());
      }
    }
    return out;
  }

  /** The nested blocks of {@code key} (a list of objects in state JSON, or one object), each as Attrs. */
  List<Attrs> blocks(String key) {
    List<Attrs> out = new ArrayList<>();
    JsonNode v = values.get(key);
    boolean allSensitive = isSensitive(sensitive, key);
    if (v != null && v.isArray()) {
      for (int i = 0; i < v.size(); i++) {
        if (v.get(i).isObject()) {
          JsonNode sens = allSensitive ? sensitive.path(key) : sensitive.path(key).path(i);
          out.add(new Attrs(v.get(i), unknown.path(key).path(i), sens, masks));
        }
      }
    } else if (v != null && v.isObject()) {
      out.add(new Attrs(v, unknown.path(key), allSensitive ? sensitive.path(key) : sensitive.path(key), masks));
    }
    return out;
  }

  /** The first block of {@code key}, or null when it has none. */
  Attrs block(String key) {
    List<Attrs> b = blocks(key);
    return b.isEmpty() ? null : b.get(0);
  }

  /**
   * A TTL attribute in seconds: {@code otherwise} when absent, null or unknown; a value that is
   * not a whole number from 0 to 2147483647 is an error (RFC 2181 §8), never a guess.
   */
  long ttl(String key, long otherwise, Location at) throws ZoneReadException {
    return number(key, otherwise, 0x7fffffffL, at);
  }

  /** A whole number from 0 to {@code max}: {@code otherwise} when absent, null or unknown; else an error. */
  long number(String key, long otherwise, long max, Location at) throws ZoneReadException {
    String t = isUnknown(key) ? null : plain(key);
    if (t == null) {
      return otherwise;
    }
    String whole = t.replaceFirst("\\.0+$", "");
    if (!whole.matches("\\d{1,10}") || Long.parseLong(whole) > max) {
      throw new ZoneReadException(at, key + " " + PlanFile.shown(t) + " is not a whole number from 0 to " + max);
    }
    return Long.parseLong(whole);
  }

  /** True when anything in {@code key} is sensitive. */
  boolean anySensitive(String key) {
    return isSensitive(sensitive, key) || containsTrue(sensitive.path(key));
  }

  /** The stand-in for the whole of {@code key}, as one sensitive value. */
  String sensitiveWhole(String key) {
    return masks.sensitive(values.path(key).toString());
  }

  /** A boolean attribute; absent, null or unknown is {@code otherwise}. */
  boolean bool(String key, boolean otherwise) {
    JsonNode v = values.get(key);
    return isUnknown(key) || v == null || !v.isBoolean() ? otherwise : v.asBoolean();
  }

  private static boolean containsTrue(JsonNode n) {
    if (n.isBoolean()) {
      return n.asBoolean();
    }
    if (n.isContainer()) {
      for (JsonNode c : n) {
        if (containsTrue(c)) {
          return true;
        }
      }
    }
    return false;
  }
}
