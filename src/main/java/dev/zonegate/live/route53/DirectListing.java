package dev.zonegate.live.route53;

import dev.zonegate.live.LiveException;
import dev.zonegate.live.Progress;
import dev.zonegate.util.Background;
import dev.zonegate.util.Timings;
import dev.zonegate.zone.Route53JsonReader;
import dev.zonegate.zone.ZoneReadException;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

/**
 * ListResourceRecordSets, page after page, without the SDK's request pipeline: each page is
 * signed by the SDK's own SigV4 signer, sent through the same HTTP client, for the endpoint and
 * signing scope the SDK itself used for this read's first call, and read by {@link RecordSetXml}.
 * While one page is read and added on another thread, the next is already asked for, from where
 * the answer's tail says it starts ({@link RecordSetXml#scan}, checked by the full reading): a
 * listing then takes about the API's time. Per page, the SDK's pipeline took longer than the API
 * (moto on the same machine: 0.5 s of a 10,000-set listing against the API's 0.7 s).
 *
 * <p>Only the plain case is done here: an answer that is not HTTP 200, a connection that fails or
 * times out, an answer {@link RecordSetXml} leaves alone, stops it, and the SDK asks for that page
 * again and goes on from there ({@link Resume}): its retries, its error messages, its reading.
 * What a page holds is judged by the same {@link Route53JsonReader.Listing} either way.
 */
final class DirectListing {
  /** The endpoint and signing scope of a request the SDK sent: where and how this one signs. */
  record Scope(URI endpoint, String basePath, String region, String service) {
    /** From a request the SDK signed, or null when it is not one this can follow. */
    static Scope of(SdkHttpRequest sent) {
      String auth = sent.firstMatchingHeader("Authorization").orElse(null);
      String path = sent.encodedPath();
      int api = path == null ? -1 : path.indexOf("/2013-04-01/");
      if (auth == null || !auth.startsWith("AWS4-HMAC-SHA256 ") || api < 0) {
        return null;
      }
      int c = auth.indexOf("Credential=");
      int comma = c < 0 ? -1 : auth.indexOf(',', c);
      if (comma < 0) {
        return null;
      }
      // Credential=KEY/DATE/REGION/SERVICE/aws4_request
      String[] scope = auth.substring(c + "Credential=".length(), comma).split("/");
      if (scope.length < 5 || !scope[scope.length - 1].equals("aws4_request")) {
        return null;
      }
      URI endpoint = URI.create(sent.protocol() + "://" + sent.host() + ":" + sent.port());
      return new Scope(endpoint, path.substring(0, api), scope[scope.length - 3], scope[scope.length - 2]);
    }

    /**
     * Where the SDK's client, made with {@code endpoint} (null: AWS's own) and {@code region},
     * sends Route 53 requests and how it signs them, as its endpoint rules say for the common
     * partitions; null where this does not say (the isolated partitions). A guess: the caller
     * holds it to the scope of the request the SDK sends (Route53DirectListingTest holds it to the
     * SDK's rules for each partition).
     */
    static Scope guess(AwsSettings.Endpoint endpoint, String region) {
      if (wrongForTests) {
        Scope right = guess0(endpoint, region);
        return right == null ? null : new Scope(right.endpoint(), right.basePath(), "eu-central-1", right.service());
      }
      return guess0(endpoint, region);
    }

    /** For tests: {@link #guess} names a region the SDK does not sign for. */
    static volatile boolean wrongForTests;

    private static Scope guess0(AwsSettings.Endpoint endpoint, String region) {
      if (endpoint != null) {
        // An endpoint of one's own (moto, a proxy): requests go there, signed for the region given.
        URI u = endpoint.uri();
        int port = u.getPort() >= 0 ? u.getPort() : u.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        return new Scope(URI.create(u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getHost().toLowerCase(Locale.ROOT) + ":" + port),
            path.endsWith("/") ? path.substring(0, path.length() - 1) : path, region, "route53");
      }
      if (region.startsWith("cn-")) {
        return new Scope(URI.create("https://route53.amazonaws.com.cn:443"), "", "cn-northwest-1", "route53");
      }
      if (region.startsWith("us-gov-")) {
        return new Scope(URI.create("https://route53.us-gov.amazonaws.com:443"), "", "us-gov-west-1", "route53");
      }
      if (region.contains("-iso")) {
        return null;
      }
      return new Scope(URI.create("https://route53.amazonaws.com:443"), "", "us-east-1", "route53");
    }
  }

  /** Where the SDK takes over: page {@code page}, asked from {@code from} (null: the first). */
  record Resume(int page, RecordSetXml.Next from) {}

  private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

  /** How many pages were read here, for tests. */
  static final AtomicInteger PAGES = new AtomicInteger();

  private final SdkHttpClient http;
  private final Scope scope;
  private final AwsCredentialsProvider credentials;
  private final String hostedZoneId;
  private final int pageSize;
  private final Route53Source.Call call;

  DirectListing(SdkHttpClient http, Scope scope, AwsCredentialsProvider credentials, String hostedZoneId, int pageSize, Route53Source.Call call) {
    this.http = http;
    this.scope = scope;
    this.credentials = credentials;
    this.hostedZoneId = hostedZoneId;
    this.pageSize = pageSize;
    this.call = call;
  }

  /** What reading one page came to: where the next starts, or where the SDK takes over. */
  private record Read(RecordSetXml.Next next, Resume resume) {}

  /**
   * Adds every page to {@code listing}: null when the listing is whole, else where the SDK goes
   * on. {@code starts}: the pages' starts so far, which no later page may point back at.
   */
  Resume list(Route53JsonReader.Listing listing, Set<String> starts) throws LiveException {
    // The starts added here, by page: a page the SDK asks for again adds its own.
    List<String> added = new ArrayList<>();
    Resume resume = list(listing, starts, added);
    if (resume != null) {
      for (int p = resume.page(); p <= added.size(); p++) {
        starts.remove(added.get(p - 1));
      }
    }
    return resume;
  }

  private Resume list(Route53JsonReader.Listing listing, Set<String> starts, List<String> added) throws LiveException {
    RecordSetXml.Next from = null;
    Background<Read, LiveException> reading = null; // the page before, read while this one is asked for
    for (int page = 1; ; page++) {
      call.doing("ListResourceRecordSets", page);
      byte[] body = fetch(from);
      Resume handed = handOver(reading); // the page before's records go in before this page's
      if (handed != null) {
        return handed;
      }
      if (body == null) {
        return new Resume(page, from);
      }
      RecordSetXml.Next scanned = RecordSetXml.scan(body);
      int p = page;
      RecordSetXml.Next asked = from;
      reading = Background.start("zonegate-route53-page", () -> read(listing, body, scanned, p, asked));
      RecordSetXml.Next next = scanned;
      if (next == null) { // a tail this cannot follow: wait for the page's reading
        Read r = reading.join();
        reading = null;
        if (r.resume() != null) {
          return r.resume();
        }
        next = r.next();
      }
      if (next.end()) {
        return handOver(reading);
      }
      // As the SDK's listing checks (Route53Source.list), with the same words, after what the
      // page's records say (the SDK's listing reads them first).
      String step = page > 1 ? "ListResourceRecordSets (page " + page + ")" : "ListResourceRecordSets";
      String wrong = null;
      String start = next.name() + " " + next.type() + " " + next.identifier();
      if (next.name().isEmpty() || next.type() == null || next.type().isEmpty()) {
        wrong = step + " is truncated but names no next record (NextRecordName, NextRecordType)";
      } else {
        added.add(start); // this page's start of the next, at index page - 1
        if (!starts.add(start)) {
          wrong = step + " points back at a record already read (" + next.name() + " " + next.type()
              + (next.identifier() == null ? "" : " " + next.identifier()) + "); the listing would never end";
        }
      }
      if (wrong != null) {
        handed = handOver(reading);
        if (handed != null) {
          return handed;
        }
        throw call.failed(wrong);
      }
      from = next;
    }
  }

  /** The reading under way ended (none: null): null when its page is in, else where the SDK goes on. */
  private static Resume handOver(Background<Read, LiveException> reading) throws LiveException {
    return reading == null ? null : reading.join().resume();
  }

  /**
   * Page {@code page} (asked from {@code asked}) read and added: its sets to the listing, its
   * next start checked against {@code scanned} (null: not scanned). An answer the reader leaves
   * alone, or a scan that was wrong, hands the page to the SDK; a record set that cannot be read
   * fails the read as the SDK's listing would.
   */
  private Read read(Route53JsonReader.Listing listing, byte[] body, RecordSetXml.Next scanned, int page, RecordSetXml.Next asked)
      throws LiveException {
    long t = System.nanoTime();
    RecordSetXml.Page read;
    try {
      read = RecordSetXml.page(body);
    } catch (RecordSetXml.NotPlain e) {
      return new Read(null, new Resume(page, asked));
    }
    if (scanned != null && !scanned.equals(read.next())) {
      return new Read(null, new Resume(page, asked)); // the next page was asked from the wrong place
    }
    try {
      listing.addPage(read.sets());
    } catch (ZoneReadException e) {
      String step = page > 1 ? "ListResourceRecordSets (page " + page + ")" : "ListResourceRecordSets";
      throw call.failed("the answer to " + step + " holds a record set that cannot be read: " + e.problem());
    }
    Timings.add("live.records", t);
    PAGES.incrementAndGet();
    Progress.get().records(call.origin, listing.count());
    return new Read(read.next(), null);
  }

  /** The answer's body from {@code from} (null: the first page), or null when it is not a plain HTTP 200. */
  private byte[] fetch(RecordSetXml.Next from) {
    SdkHttpRequest.Builder b = SdkHttpRequest.builder()
        .method(SdkHttpMethod.GET)
        .uri(scope.endpoint())
        .encodedPath(scope.basePath() + "/2013-04-01/hostedzone/" + hostedZoneId + "/rrset");
    if (from != null) {
      b.putRawQueryParameter("name", from.name()).putRawQueryParameter("type", from.type());
      if (from.identifier() != null) {
        b.putRawQueryParameter("identifier", from.identifier());
      }
    }
    if (pageSize > 0) {
      b.putRawQueryParameter("maxitems", Integer.toString(pageSize));
    }
    long t = 0;
    try {
      SdkHttpRequest signed = SIGNER.sign(r -> r
          .identity(credentials.resolveCredentials())
          .request(b.build())
          .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, scope.service())
          .putProperty(AwsV4HttpSigner.REGION_NAME, scope.region()))
          .request();
      t = System.nanoTime();
      HttpExecuteResponse answer = http.prepareRequest(HttpExecuteRequest.builder().request(signed).build()).call();
      try (AbortableInputStream in = answer.responseBody().orElse(null)) {
        if (answer.httpResponse().statusCode() != 200 || in == null) {
          return null;
        }
        return in.readAllBytes();
      }
    } catch (IOException | RuntimeException e) {
      return null; // the SDK asks again, and says what failed
    } finally {
      if (t != 0) {
        Timings.add("live.api", t);
      }
    }
  }
}
