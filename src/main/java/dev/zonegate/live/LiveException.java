package dev.zonegate.live;

/**
 * What is live cannot be read, so the gate stops (docs/inputs.md: fail closed, exit 2). The message is
 * one sentence naming the zone, the server where one was contacted, and the reason, e.g.
 * {@code zone example.com.: server 127.0.0.1:5353: TSIG verification failed (BADSIG)}. Reasons are
 * built by this package from codes and exception types, never from a secret or its text.
 */
public final class LiveException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String zone;
  private final String server;
  private final String reason;

  public LiveException(String zone, String server, String reason) {
    super(message(zone, server, reason));
    this.zone = zone;
    this.server = server;
    this.reason = reason;
  }

  private static String message(String zone, String server, String reason) {
    return "zone " + zone + ": " + (server == null ? "" : "server " + server + ": ") + reason;
  }

  public String zone() {
    return zone;
  }

  /** The server as {@code host:port}, or null when no server was involved (a snapshot, a missing secret). */
  public String server() {
    return server;
  }

  public String reason() {
    return reason;
  }
}
