package dev.zonegate.model;

/** A warning found while reading a zone that does not stop the read (mixed TTLs, duplicates). */
public record Notice(Location location, String message) {
  @Override
  public String toString() {
    return location + ": " + message;
  }
}
