package dev.zonegate.zone;

import dev.zonegate.model.RRset;
import dev.zonegate.model.Zone;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A zone as a canonical master file: one record per line, {@code name TTL IN TYPE rdata}, absolute
 * names, in the model's order. The same zone always gives the same bytes, so the text can be
 * committed as a reviewed snapshot, diffed by hand, and hashed into a fingerprint.
 */
public final class ZoneWriter {
  private ZoneWriter() {}

  public static String write(Zone z) {
    return write(z, false);
  }

  private static String write(Zone z, boolean serialless) {
    StringBuilder sb = new StringBuilder(64 + z.recordCount() * 48);
    sb.append("; zone ").append(z.origin()).append(", ").append(z.recordCount()).append(" records, written by zonegate\n");
    sb.append("$ORIGIN ").append(z.origin()).append('\n');
    for (RRset s : z.rrsets().values()) {
      if (s.type().equals("ALIAS") || s.type().equals("URLFWD") || s.key().setId() != null && !s.type().equals("RRSIG")) {
        // Provider-only data has no master-file form; keep it visible as a comment.
        for (String r : s.rdata()) {
          sb.append("; ").append(s.name()).append(' ').append(s.ttl()).append(" IN ").append(s.type())
              .append(s.key().setId() == null ? "" : " [" + s.key().setId() + "]").append(' ').append(r).append('\n');
        }
        continue;
      }
      for (String r : s.rdata()) {
        String rdata = serialless && s.type().equals("SOA") ? withoutSerial(r) : r;
        sb.append(s.name()).append(' ').append(s.ttl()).append(" IN ").append(s.type()).append(' ').append(rdata).append('\n');
      }
    }
    return sb.toString();
  }

  /**
   * SHA-256 of the canonical text, as {@code sha256:<hex>}: what the stale-plan guard compares
   * (SPEC §9). The SOA serial is left out, as in every comparison (SPEC §2): a re-signed or
   * re-serialled zone with the same data has not moved. Comments count, so provider-only records
   * are covered.
   */
  public static String fingerprint(Zone z) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(write(z, true).getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder("sha256:");
      for (byte b : d) {
        hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java", e);
    }
  }

  private static String withoutSerial(String soa) {
    String[] f = soa.trim().split("\\s+");
    if (f.length != 7) {
      return soa;
    }
    f[2] = "0";
    return String.join(" ", f);
  }
}
