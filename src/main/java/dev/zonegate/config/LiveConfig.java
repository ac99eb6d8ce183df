package dev.zonegate.config;

import java.util.List;

/**
 * Where a zone is live (SPEC §3.3). Secrets are never here: a TSIG key names the environment
 * variable its secret is read from, when the live source is contacted.
 */
public sealed interface LiveConfig permits LiveConfig.Axfr, LiveConfig.Query, LiveConfig.Snapshot {
  int DEFAULT_PORT = 53;
  int DEFAULT_TIMEOUT_SECONDS = 10;

  /** A full zone transfer from {@code server}. */
  record Axfr(String server, int port, Tsig tsig, int timeoutSeconds) implements LiveConfig {}

  /**
   * Direct, non-recursive questions to each server, written {@code host}, {@code host:port} or
   * {@code [v6-address]:port} (a bare IPv6 address has no port). {@code tsig} may be null.
   */
  record Query(List<String> servers, Tsig tsig, int timeoutSeconds) implements LiveConfig {
    public Query {
      servers = List.copyOf(servers);
    }
  }

  /** A repository-relative file in any zone format, taken as what is live. */
  record Snapshot(String file) implements LiveConfig {}

  /**
   * A TSIG key: its name, its algorithm ({@code hmac-sha256} by default; {@code hmac-sha512},
   * {@code hmac-sha384}, {@code hmac-sha1} accepted) and the environment variable holding its
   * base64 secret.
   */
  record Tsig(String name, String algorithm, String secretEnv) {
    public static final String DEFAULT_ALGORITHM = "hmac-sha256";
  }
}
