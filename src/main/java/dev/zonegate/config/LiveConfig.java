package dev.zonegate.config;

import java.util.List;

/**
 * Where a zone is live (docs/inputs.md). Secrets are never here: a TSIG key names the environment
 * variable its secret is read from, when the live source is contacted.
 */
public sealed interface LiveConfig
    permits LiveConfig.Axfr, LiveConfig.Query, LiveConfig.Snapshot, LiveConfig.Route53, LiveConfig.PowerDns,
        LiveConfig.Cloudflare, LiveConfig.Unknown {
  int DEFAULT_PORT = 53;
  int DEFAULT_TIMEOUT_SECONDS = 10;

  /**
   * True when the source asks for named RRsets (query mode) and so needs base and head read
   * first; a transfer, a file or a provider listing reads the whole zone and can start at once.
   */
  default boolean needsKeys() {
    return false;
  }

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

    @Override
    public boolean needsKeys() {
      return true;
    }
  }

  /** A repository-relative file in any zone format, taken as what is live. */
  record Snapshot(String file) implements LiveConfig {}

  /**
   * A Route 53 hosted zone, read with the AWS SDK's ListResourceRecordSets. {@code hostedZoneId}
   * null: looked up by the zone's name. {@code endpoint} null: AWS's (or
   * {@code AWS_ENDPOINT_URL_ROUTE_53}). Credentials come from the default chain unless
   * {@code accessKeyIdEnv} and {@code secretAccessKeyEnv} (and {@code sessionTokenEnv}) name the
   * environment variables holding them, as an octoDNS config's {@code env/VAR} does.
   */
  record Route53(
      String hostedZoneId,
      String endpoint,
      String region,
      String accessKeyIdEnv,
      String secretAccessKeyEnv,
      String sessionTokenEnv,
      int timeoutSeconds)
      implements LiveConfig {}

  /** A zone of a PowerDNS Authoritative server's HTTP API; the API key is read from {@code apiKeyEnv}. */
  record PowerDns(String url, String server, String apiKeyEnv, int timeoutSeconds) implements LiveConfig {}

  /**
   * A Cloudflare zone read through the API v4 DNS records; {@code zoneId} null: looked up by
   * name; {@code url} null: Cloudflare's own API. The API token is read from {@code tokenEnv}.
   * {@code minTtl}: an octoDNS target's {@code min_ttl} (default 120), the TTL below which octoDNS
   * plans no TTL change there; 0 for a zone not deployed by octoDNS.
   */
  record Cloudflare(String zoneId, String tokenEnv, String url, int timeoutSeconds, long minTtl) implements LiveConfig {
    public Cloudflare(String zoneId, String tokenEnv, String url, int timeoutSeconds) {
      this(zoneId, tokenEnv, url, timeoutSeconds, OCTODNS_MIN_TTL);
    }

    /** octodns-cloudflare's default {@code min_ttl}. */
    public static final long OCTODNS_MIN_TTL = 120;
  }

  /**
   * An octoDNS target zonegate cannot read ({@code provider} is its name in the config,
   * {@code className} its class, {@code why} the reason: a class it does not know, a secret written
   * in the config): asking it for live state fails the check, it never passes; with
   * {@code --live none} it is never asked.
   */
  record Unknown(String provider, String className, String why) implements LiveConfig {}

  /**
   * A TSIG key: its name, its algorithm ({@code hmac-sha256} by default; {@code hmac-sha512},
   * {@code hmac-sha384}, {@code hmac-sha1} accepted) and the environment variable holding its
   * base64 secret.
   */
  record Tsig(String name, String algorithm, String secretEnv) {
    public static final String DEFAULT_ALGORITHM = "hmac-sha256";
  }
}
