package dev.zonegate.live.route53;

import dev.zonegate.config.LiveConfig;
import dev.zonegate.live.LiveException;
import dev.zonegate.live.LiveRead;
import dev.zonegate.live.LiveSource;
import dev.zonegate.live.Progress;
import dev.zonegate.live.ProviderScope;
import dev.zonegate.model.Names;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.model.Zone;
import dev.zonegate.util.Background;
import dev.zonegate.util.Timings;
import dev.zonegate.zone.Route53JsonReader;
import dev.zonegate.zone.ZoneReadException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.Route53ClientBuilder;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.ListHostedZonesByNameResponse;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsRequest;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse;

/**
 * A Route 53 hosted zone read through the API (ListResourceRecordSets, every page), modelled
 * exactly as {@link Route53JsonReader} models an export of the same zone: each set is written in
 * the export's JSON shape and converted by the reader's own {@link Route53JsonReader.Listing}.
 * The pages are asked for by {@link DirectListing} (the SDK's signer and HTTP client, the next page
 * asked for while the last is read) and, from any page it cannot take plainly, by the SDK's client.
 *
 * <p>Fails closed (docs/inputs.md): a missing credential, a refused or expired one, throttling that
 * outlasts the SDK's retries, a page that fails mid-listing, a zone not found or found twice, an
 * answer that does not parse, a listing that loops or lacks the zone's SOA: each is one {@link
 * LiveException} naming the zone and the hosted zone, and never a credential.
 */
final class Route53Source implements LiveSource {
  /** Attempts per API call, as the SDK's standard retry mode makes them (then it gives up). */
  static final int ATTEMPTS = 3;

  /** Record sets asked for per page; 0: the service's default (300, its maximum). Tests lower it. */
  static volatile int pageSize = 0;

  /** Whether listings go through {@link DirectListing} (tests compare it with the SDK's own). */
  static volatile boolean direct = true;

  private static final String HOSTED_ZONE_PREFIX = "/hostedzone/";

  private final LiveConfig.Route53 config;
  private final AwsSettings settings;
  private volatile String hostedZoneId;

  Route53Source(LiveConfig.Route53 config, Map<String, String> env) {
    this.config = config;
    this.settings = new AwsSettings(Map.copyOf(env));
    this.hostedZoneId = config.hostedZoneId() == null ? null : bareId(config.hostedZoneId());
  }

  /**
   * What octoDNS manages on Route 53 (octodns-route53 1.0 {@code Route53Provider}): its {@code
   * SUPPORTS} types and its aliases, root NS, its own {@code route53.} settings, dynamic records.
   * A dynamic record lands on Route 53 as weighted and failover sets that zonegate keys by their
   * SetIdentifier and does not fold back into one record: a known difference.
   */
  static final ProviderScope SCOPE =
      new ProviderScope(
          Set.of("A", "AAAA", "ALIAS", "CAA", "CNAME", "DS", "MX", "NAPTR", "NS", "PTR", "SRV", "TXT"),
          true, "route53.", true);

  @Override
  public String describe() {
    String endpoint;
    try {
      AwsSettings.Endpoint e = settings.endpoint("", config);
      endpoint = e == null ? "" : " (endpoint " + e.label() + ")";
    } catch (LiveException e) {
      endpoint = "";
    }
    String id = hostedZoneId;
    return "route53 hosted zone " + (id != null ? id : "(looked up by name)") + endpoint;
  }

  @Override
  public LiveRead read(String zone, Collection<RRsetKey> keys) throws LiveException {
    String origin = Names.absolute(zone.trim());
    AwsSettings.Endpoint endpoint = settings.endpoint(origin, config);
    Duration timeout =
        Duration.ofSeconds(config.timeoutSeconds() > 0 ? config.timeoutSeconds() : LiveConfig.DEFAULT_TIMEOUT_SECONDS);
    ProfileFile profiles;
    AwsCredentialsProvider credentials;
    try {
      profiles = settings.profiles();
      credentials = settings.credentials(origin, config, profiles);
    } catch (RuntimeException e) {
      throw new LiveException(origin, null, "route53: the AWS config or credentials file cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    Call call = new Call(origin, timeout);
    long started = System.nanoTime();
    try {
      credentials.resolveCredentials();
    } catch (RuntimeException e) {
      throw new LiveException(origin, null, "route53: " + Problems.credentials(e, settings.webIdentity(config)));
    }
    Transmission sent = new Transmission();
    String known = hostedZoneId;
    // Where the pages go and how they are signed, worked out here when the hosted zone is known:
    // then they are asked for while the SDK's client is made and checks the zone on another
    // thread, and the guess is held to what that client itself sent.
    DirectListing.Scope guess = direct && known != null ? DirectListing.Scope.guess(endpoint, settings.region(config)) : null;
    try (SdkHttpClient http = UrlConnectionHttpClient.builder().connectionTimeout(timeout).socketTimeout(timeout).build()) {
      if (guess != null) {
        return LiveRead.of(listBeside(http, endpoint, timeout, credentials, profiles, sent, guess, call, known, started), SCOPE);
      }
      try (Route53Client client = client(http, endpoint, timeout, credentials, profiles, sent)) {
        Timings.add("live.sdk", started);
        String id = known != null ? checkedZone(client, call, known) : lookUp(client, call);
        hostedZoneId = id;
        DirectListing.Scope scope = direct ? sent.first : null;
        DirectListing fast = scope == null ? null : new DirectListing(http, scope, credentials, id, pageSize, call);
        return LiveRead.of(list(client, fast, call, id), SCOPE);
      } catch (RuntimeException e) {
        throw call.failed(e);
      }
    }
  }

  /**
   * The listing of hosted zone {@code id} by {@link DirectListing} from the scope {@code guess},
   * while another thread makes the SDK's client and checks the zone (GetHostedZone). What that
   * check finds wrong is the read's error, before anything the listing found; pages signed for
   * another scope than the SDK's own first request are asked for again with the SDK's; a page the
   * direct listing hands over is asked for by the SDK's client, as in {@link #list}.
   */
  private Zone listBeside(SdkHttpClient http, AwsSettings.Endpoint endpoint, Duration timeout, AwsCredentialsProvider credentials,
      ProfileFile profiles, Transmission sent, DirectListing.Scope guess, Call call, String id, long started) throws LiveException {
    Call check = new Call(call.origin, call.timeout); // its own steps, for its own messages
    Background<Route53Client, LiveException> sdk = Background.start("zonegate-route53-sdk", () -> {
      Route53Client client = null;
      try {
        client = client(http, endpoint, timeout, credentials, profiles, sent);
        Timings.add("live.sdk", started);
        checkedZone(client, check, id);
        return client;
      } catch (LiveException e) {
        closeQuietly(client);
        throw e;
      } catch (RuntimeException e) {
        closeQuietly(client);
        throw check.failed(e);
      }
    });
    Route53Client client = null;
    try {
      Route53JsonReader.Listing listing = new Route53JsonReader.Listing(describe(), call.origin);
      Set<String> starts = new HashSet<>();
      DirectListing.Resume resume = null;
      LiveException failed = null;
      try {
        resume = new DirectListing(http, guess, credentials, id, pageSize, call).list(listing, starts);
      } catch (LiveException e) {
        failed = e;
      } catch (RuntimeException e) {
        failed = call.failed(e);
      }
      client = sdk.join(); // the zone's own problem is said first
      if (!guess.equals(sent.first)) {
        // The SDK sent its request elsewhere or signed it for another scope: the pages asked for
        // on the guess count for nothing; the listing starts over as the SDK's request went.
        DirectListing fast = sent.first == null ? null : new DirectListing(http, sent.first, credentials, id, pageSize, call);
        return list(client, fast, call, id);
      }
      if (failed != null) {
        throw failed;
      }
      return resume == null ? whole(listing, call) : listFrom(client, listing, starts, call, id, resume);
    } catch (RuntimeException e) {
      throw call.failed(e);
    } finally {
      if (client == null) {
        try {
          client = sdk.join();
        } catch (LiveException | RuntimeException e) {
          // already said, or superseded by what is being thrown
        }
      }
      closeQuietly(client);
    }
  }

  private static void closeQuietly(Route53Client client) {
    if (client != null) {
      client.close();
    }
  }

  /**
   * Times each HTTP exchange with Route 53 as part {@code live.api} of {@code ZONEGATE_TIMINGS}, so
   * a slow listing shows whether the API or zonegate took the time.
   */
  private static final class Transmission implements ExecutionInterceptor {
    private static final ExecutionAttribute<Long> SENT =
        new ExecutionAttribute<>("zonegate.sent");

    /** Where and how the read's first request was sent and signed: {@link DirectListing} does the same. */
    volatile DirectListing.Scope first;

    @Override
    public void beforeTransmission(
        Context.BeforeTransmission context,
        ExecutionAttributes attributes) {
      if (first == null) {
        first = DirectListing.Scope.of(context.httpRequest());
      }
      attributes.putAttribute(SENT, System.nanoTime());
    }

    @Override
    public void afterTransmission(
        Context.AfterTransmission context,
        ExecutionAttributes attributes) {
      Long sent = attributes.getAttribute(SENT);
      if (sent != null) {
        Timings.add("live.api", sent);
      }
    }
  }

  /** What is being done, so a failure can say which request and which page. */
  final class Call {
    final String origin;
    final Duration timeout;
    String action = "the request";
    int page;

    Call(String origin, Duration timeout) {
      this.origin = origin;
      this.timeout = timeout;
    }

    void doing(String action, int page) {
      this.action = action;
      this.page = page;
    }

    /** {@code ListResourceRecordSets (page 3)}, or the action alone. */
    String step() {
      return action + (page > 1 ? " (page " + page + ")" : "");
    }

    LiveException failed(String reason) {
      return new LiveException(origin, null, describe() + ": " + reason);
    }

    /** What the SDK said went wrong during this step ({@link Problems}), or that something unexpected did. */
    LiveException failed(RuntimeException e) {
      return failed(e instanceof SdkException sdk ? Problems.of(sdk, this)
          : "unexpected failure during " + action + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  private Route53Client client(SdkHttpClient http,
      AwsSettings.Endpoint endpoint, Duration timeout, AwsCredentialsProvider credentials, ProfileFile profiles, Transmission sent) {
    Route53ClientBuilder b =
        Route53Client.builder()
            .httpClient(http)
            .region(Region.of(settings.region(config)))
            .credentialsProvider(credentials)
            .overrideConfiguration(
                o ->
                    o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(ATTEMPTS).build())
                        .apiCallAttemptTimeout(timeout)
                        // All attempts and the SDK's back-off between them (1 s, 2 s when throttled).
                        .apiCallTimeout(timeout.multipliedBy(ATTEMPTS).plusSeconds(3))
                        .addExecutionInterceptor(sent)
                        .defaultProfileFile(profiles)
                        .defaultProfileName(settings.profileName()));
    if (endpoint != null) {
      b.endpointOverride(endpoint.uri());
    }
    return b.build();
  }

  /** The configured hosted zone, checked to be the zone judged: another zone's records would all look like drift. */
  private String checkedZone(Route53Client client, Call call, String id) throws LiveException {
    call.doing("GetHostedZone", 0);
    HostedZone hz = client.getHostedZone(r -> r.id(id)).hostedZone();
    if (hz == null || hz.name() == null) {
      throw call.failed("the answer to GetHostedZone names no hosted zone");
    }
    String name = name(call, hz.name());
    if (!name.equals(call.origin)) {
      throw call.failed("the hosted zone is " + name + ", not " + call.origin + "; check hostedZoneId");
    }
    return id;
  }

  /** The one hosted zone named like the zone (ListHostedZonesByName, every page it takes). */
  private String lookUp(Route53Client client, Call call) throws LiveException {
    List<String> found = new ArrayList<>();
    String dnsName = call.origin;
    String startId = null;
    for (int page = 1; ; page++) {
      call.doing("ListHostedZonesByName", page);
      String fromName = dnsName;
      String fromId = startId;
      ListHostedZonesByNameResponse r = client.listHostedZonesByName(b -> b.dnsName(fromName).hostedZoneId(fromId));
      if (r.isTruncated() == null) {
        throw call.failed("the answer to " + call.step() + " has no IsTruncated; it is not a Route 53 answer");
      }
      boolean past = false;
      for (HostedZone hz : r.hostedZones()) {
        if (hz == null || hz.name() == null || hz.id() == null) {
          throw call.failed("the answer to " + call.step() + " lists a hosted zone without a name or id");
        }
        if (!name(call, hz.name()).equals(call.origin)) {
          past = true; // the listing is in name order from the zone's name: the rest are others
          break;
        }
        boolean isPrivate = hz.config() != null && Boolean.TRUE.equals(hz.config().privateZone());
        found.add(bareId(hz.id()) + (isPrivate ? " (private)" : ""));
      }
      if (past || !r.isTruncated()) {
        break;
      }
      if (r.nextDNSName() == null || !name(call, r.nextDNSName()).equals(call.origin)) {
        break;
      }
      if (page > 100) {
        throw call.failed("ListHostedZonesByName did not end after 100 pages");
      }
      dnsName = r.nextDNSName();
      startId = r.nextHostedZoneId();
    }
    if (found.isEmpty()) {
      throw call.failed("no hosted zone is named " + call.origin + " for these credentials; set hostedZoneId or check the account");
    }
    if (found.size() > 1) {
      throw call.failed(
          found.size() + " hosted zones are named " + call.origin + " (" + String.join(", ", found)
              + "); set hostedZoneId to the one to judge against");
    }
    String only = found.get(0);
    return only.endsWith(" (private)") ? only.substring(0, only.length() - " (private)".length()) : only;
  }

  /**
   * Every record set, page after page, following NextRecordName, NextRecordType and
   * NextRecordIdentifier: a page can end inside a weighted or failover group, and without the
   * identifier the next page would start the group over.
   */
  private Zone list(Route53Client client, DirectListing fast, Call call, String id) throws LiveException {
    Route53JsonReader.Listing listing = new Route53JsonReader.Listing(describe(), call.origin);
    Set<String> starts = new HashSet<>();
    DirectListing.Resume resume = new DirectListing.Resume(1, null);
    if (fast != null) {
      resume = fast.list(listing, starts);
      if (resume == null) {
        return whole(listing, call);
      }
    }
    return listFrom(client, listing, starts, call, id, resume);
  }

  /** The listing from {@code resume} on, page after page, through the SDK's client. */
  private Zone listFrom(Route53Client client, Route53JsonReader.Listing listing, Set<String> starts, Call call, String id,
      DirectListing.Resume resume) throws LiveException {
    String name = resume.from() == null ? null : resume.from().name();
    String type = resume.from() == null ? null : resume.from().type();
    String identifier = resume.from() == null ? null : resume.from().identifier();
    int size = pageSize;
    int first = resume.page();
    for (int page = first; ; page++) {
      call.doing("ListResourceRecordSets", page);
      ListResourceRecordSetsRequest.Builder req = ListResourceRecordSetsRequest.builder().hostedZoneId(id);
      if (name != null) {
        req.startRecordName(name).startRecordType(type).startRecordIdentifier(identifier);
      }
      if (size > 0) {
        req.maxItems(Integer.toString(size));
      }
      ListResourceRecordSetsResponse r = client.listResourceRecordSets(req.build());
      if (r.isTruncated() == null) {
        throw call.failed("the answer to " + call.step() + " has no IsTruncated; it is not a Route 53 answer");
      }
      long t = System.nanoTime();
      try {
        listing.addPage(RecordSetJson.page(r.resourceRecordSets()));
        Timings.add("live.records", t);
      } catch (ZoneReadException e) {
        throw call.failed("the answer to " + call.step() + " holds a record set that cannot be read: " + e.problem());
      }
      Progress.get().records(call.origin, listing.count());
      if (!r.isTruncated()) {
        break;
      }
      name = r.nextRecordName();
      type = r.nextRecordTypeAsString();
      identifier = r.nextRecordIdentifier();
      if (name == null || name.isEmpty() || type == null || type.isEmpty()) {
        throw call.failed(call.step() + " is truncated but names no next record (NextRecordName, NextRecordType)");
      }
      if (!starts.add(name + " " + type + " " + identifier)) {
        throw call.failed(
            call.step() + " points back at a record already read (" + name + " " + type
                + (identifier == null ? "" : " " + identifier) + "); the listing would never end");
      }
    }
    return whole(listing, call);
  }

  /** The listed zone, which must hold the zone's SOA: else it is not a whole hosted zone. */
  private static Zone whole(Route53JsonReader.Listing listing, Call call) throws LiveException {
    Zone z = listing.build();
    if (z.get(call.origin, "SOA") == null) {
      throw call.failed("the listing has no SOA record for " + call.origin + "; it is not a whole hosted zone");
    }
    return z;
  }

  private static String name(Call call, String route53Name) throws LiveException {
    try {
      return Route53JsonReader.absoluteName(route53Name);
    } catch (IllegalArgumentException e) {
      throw call.failed("the answer to " + call.step() + " holds a name that is not a domain name");
    }
  }

  /** {@code Z123} from {@code /hostedzone/Z123} or {@code Z123}. */
  static String bareId(String id) {
    String s = id.trim();
    return s.startsWith(HOSTED_ZONE_PREFIX) ? s.substring(HOSTED_ZONE_PREFIX.length()) : s;
  }
}
