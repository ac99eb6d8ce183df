package dev.zonegate.report;

import dev.zonegate.model.Change;
import dev.zonegate.model.Location;
import dev.zonegate.model.Notice;
import dev.zonegate.rules.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/**
 * The machine-readable report of docs/report.schema.json, streamed so a million changes never sit in a tree.
 * Everything is written in the report's sorted order: the same input gives the same bytes.
 */
public final class JsonRenderer implements Renderer {
  public static final int SCHEMA_VERSION = 1;

  @Override
  public String format() {
    return "json";
  }

  @Override
  public String fileName() {
    return "zonegate-report.json";
  }

  @Override
  public boolean needsFingerprints() {
    return true; // liveFingerprint and headFingerprint, which verify compares
  }

  @Override
  public void render(Report report, Writer out) throws IOException {
    try (JsonGenerator g = ReportJson.generator(out)) {
      g.writeStartObject();
      g.writeNumberProperty("schemaVersion", SCHEMA_VERSION);
      g.writeStringProperty("verdict", report.verdict().word());
      if (report.generatedAt() != null) {
        g.writeStringProperty("generatedAt", report.generatedAt());
      }
      strings(g, "packs", report.packs());
      if (!report.judged().isEmpty()) {
        g.writeName("judged");
        g.writeStartObject();
        report.judged().forEach(g::writeStringProperty);
        g.writeEndObject();
      }
      g.writeName("zones");
      g.writeStartArray();
      for (Report.ZoneSummary z : report.zones()) {
        g.writeStartObject();
        g.writeStringProperty("name", z.name());
        g.writeNumberProperty("adds", z.adds());
        g.writeNumberProperty("deletes", z.deletes());
        g.writeNumberProperty("updates", z.updates());
        g.writeName("findings");
        g.writeStartObject();
        g.writeNumberProperty("block", z.block());
        g.writeNumberProperty("warn", z.warn());
        g.writeNumberProperty("info", z.info());
        g.writeEndObject();
        Report.Fingerprints fp = report.fingerprints(z.name());
        nullableString(g, "liveFingerprint", fp == null ? null : fp.live());
        nullableString(g, "headFingerprint", fp == null ? null : fp.head());
        if (report.live(z.name()) != null) {
          g.writeStringProperty("live", report.live(z.name()));
        }
        if (report.partial(z.name()) != null) {
          g.writeStringProperty("partial", report.partial(z.name()));
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeName("changes");
      g.writeStartArray();
      for (Change c : report.changes()) {
        change(g, c);
      }
      g.writeEndArray();
      g.writeName("findings");
      g.writeStartArray();
      for (Finding f : report.findings()) {
        finding(g, f);
      }
      g.writeEndArray();
      notices(g, "notices", report.notices());
      if (!report.ignored().isEmpty()) {
        notices(g, "ignored", report.ignored());
      }
      g.writeEndObject();
    }
    out.write('\n');
  }

  /** A file and line, or a resource address for what has no file (a Terraform resource). */
  private static void where(JsonGenerator g, Location l) {
    if (l.logical()) {
      g.writeStringProperty("address", l.path());
    } else {
      g.writeStringProperty("path", l.path());
      g.writeNumberProperty("line", l.line());
    }
  }

  private static void notices(JsonGenerator g, String field, List<Notice> notices) {
    g.writeName(field);
    g.writeStartArray();
    for (Notice n : notices) {
      g.writeStartObject();
      where(g, n.location());
      g.writeStringProperty("message", n.message());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void change(JsonGenerator g, Change c) {
    g.writeStartObject();
    g.writeStringProperty("zone", c.zone());
    g.writeStringProperty("name", c.name());
    g.writeStringProperty("rrtype", c.type());
    if (c.key().setId() != null) {
      g.writeStringProperty("setId", c.key().setId());
    }
    g.writeStringProperty("action", c.action().word());
    nullableLong(g, "ttlBefore", c.ttlBefore());
    nullableLong(g, "ttlAfter", c.ttlAfter());
    strings(g, "before", c.beforeRdata());
    strings(g, "after", c.afterRdata());
    if (!c.extrasBefore().isEmpty() || !c.extrasAfter().isEmpty()) {
      strings(g, "extrasBefore", c.extrasBefore());
      strings(g, "extrasAfter", c.extrasAfter());
    }
    g.writeBooleanProperty("drift", c.drift());
    if (c.location() != null) {
      g.writeName("location");
      g.writeStartObject();
      where(g, c.location());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void finding(JsonGenerator g, Finding f) {
    g.writeStartObject();
    g.writeStringProperty("rule", f.rule());
    g.writeStringProperty("severity", f.severity().word());
    g.writeStringProperty("zone", f.zone());
    nullableString(g, "name", f.name());
    nullableString(g, "rrtype", f.type());
    g.writeStringProperty("message", f.message());
    strings(g, "before", f.before());
    strings(g, "after", f.after());
    g.writeBooleanProperty("overridable", f.overridable());
    g.writeBooleanProperty("allowed", f.allowed());
    if (f.allowed()) {
      g.writeName("allowedBy");
      g.writeStartObject();
      g.writeStringProperty("kind", f.allowedBy().kind());
      g.writeStringProperty("by", f.allowedBy().by());
      nullableString(g, "reason", f.allowedBy().reason());
      g.writeEndObject();
    } else {
      g.writeNullProperty("allowedBy");
    }
    if (f.location() != null) {
      g.writeName("location");
      g.writeStartObject();
      where(g, f.location());
      g.writeEndObject();
    } else {
      g.writeNullProperty("location");
    }
    g.writeEndObject();
  }

  private static void nullableString(JsonGenerator g, String name, String v) {
    if (v == null) {
      g.writeNullProperty(name);
    } else {
      g.writeStringProperty(name, v);
    }
  }

  private static void nullableLong(JsonGenerator g, String name, Long v) {
    if (v == null) {
      g.writeNullProperty(name);
    } else {
      g.writeNumberProperty(name, v);
    }
  }

  private static void strings(JsonGenerator g, String name, List<String> values) {
    g.writeName(name);
    g.writeStartArray();
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
