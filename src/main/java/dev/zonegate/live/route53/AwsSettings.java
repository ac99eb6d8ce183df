package dev.zonegate.live.route53;

import dev.zonegate.config.LiveConfig;
import dev.zonegate.live.LiveException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleWithWebIdentityCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;

/**
 * What the AWS SDK would take from the environment, taken instead from the run's environment map
 * ({@code Context.env()}: the process environment for users, a given map in tests), so both
 * behave the same: credentials, the profile files, the endpoint.
 *
 * <p>Credentials: the variables the config names ({@code accessKeyIdEnv}, {@code
 * secretAccessKeyEnv}, {@code sessionTokenEnv}), else the SDK's default chain in its order:
 * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}/{@code AWS_SESSION_TOKEN}, a web
 * identity token ({@code AWS_WEB_IDENTITY_TOKEN_FILE} and {@code AWS_ROLE_ARN}, as CI OIDC sets
 * them), the profile ({@code AWS_PROFILE}, default {@code default}, in {@code
 * AWS_SHARED_CREDENTIALS_FILE} and {@code AWS_CONFIG_FILE} or {@code ~/.aws}), the container
 * credentials, the EC2 instance profile (unless {@code AWS_EC2_METADATA_DISABLED=true}).
 *
 * <p>No message here or elsewhere in the package holds a credential: a missing one is named by its
 * variable, never by its value.
 */
final class AwsSettings {
  static final String ACCESS_KEY = "AWS_ACCESS_KEY_ID";
  static final String SECRET_KEY = "AWS_SECRET_ACCESS_KEY";
  static final String SESSION_TOKEN = "AWS_SESSION_TOKEN";
  static final String ENDPOINT = "AWS_ENDPOINT_URL_ROUTE_53";
  static final String ENDPOINT_ALL = "AWS_ENDPOINT_URL";
  static final String DEFAULT_REGION = "us-east-1";

  private final Map<String, String> env;

  AwsSettings(Map<String, String> env) {
    this.env = env;
  }

  private String get(String name) {
    String v = name == null ? null : env.get(name);
    return v == null || v.isBlank() ? null : v;
  }

  private boolean isTrue(String name) {
    String v = get(name);
    return v != null && v.trim().toLowerCase(Locale.ROOT).equals("true");
  }

  /**
   * The endpoint: the config's, else {@code AWS_ENDPOINT_URL_ROUTE_53}, else {@code
   * AWS_ENDPOINT_URL} (both ignored with {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true}, as the
   * SDK does), else null: AWS's own. Only http and https URLs with a host are taken.
   */
  Endpoint endpoint(String zone, LiveConfig.Route53 config) throws LiveException {
    String text = config.endpoint();
    String from = "endpoint";
    if (text == null && !isTrue("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")) {
      from = get(ENDPOINT) != null ? ENDPOINT : ENDPOINT_ALL;
      text = get(from);
    }
    if (text == null) {
      return null;
    }
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      uri = null;
    }
    String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      // The text itself is not repeated: it may carry a password in its user part.
      throw new LiveException(zone, null, "route53: the endpoint in " + from + " is not an http or https URL with a host");
    }
    return new Endpoint(uri, shown(uri));
  }

  /** An endpoint and how reports show it: scheme, host, port and path; never a user part or query. */
  record Endpoint(URI uri, String label) {}

  private static String shown(URI uri) {
    String host = uri.getHost();
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + host + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")
        + (path.equals("/") ? "" : path);
  }

  String region(LiveConfig.Route53 config) {
    return config.region() != null ? config.region() : DEFAULT_REGION;
  }

  /** The credentials to sign with; a variable the config names but the environment lacks is an error. */
  AwsCredentialsProvider credentials(String zone, LiveConfig.Route53 config, ProfileFile profiles)
      throws LiveException {
    if (config.accessKeyIdEnv() != null || config.secretAccessKeyEnv() != null) {
      // The schema asks for both; an octoDNS target may name one only.
      if (config.accessKeyIdEnv() == null || config.secretAccessKeyEnv() == null) {
        throw new LiveException(
            zone, null, "route53: the config names the variable of the AWS " + (config.accessKeyIdEnv() == null
                ? "secret access key but not of the access key id" : "access key id but not of the secret access key"));
      }
      String id = required(zone, config.accessKeyIdEnv(), "access key id");
      String secret = required(zone, config.secretAccessKeyEnv(), "secret access key");
      String token = config.sessionTokenEnv() == null ? null : required(zone, config.sessionTokenEnv(), "session token");
      return StaticCredentialsProvider.create(
          token == null ? AwsBasicCredentials.create(id, secret) : AwsSessionCredentials.create(id, secret, token));
    }
    List<AwsCredentialsProvider> chain = new ArrayList<>();
    String id = get(ACCESS_KEY);
    String secret = get(SECRET_KEY);
    if (id != null || secret != null) {
      // Half a key pair is a mistake to say, not a reason to go on to the next source.
      if (id == null || secret == null) {
        throw new LiveException(
            zone, null, "route53: " + (id == null ? SECRET_KEY + " is set but " + ACCESS_KEY : ACCESS_KEY + " is set but " + SECRET_KEY) + " is not");
      }
      String token = get(SESSION_TOKEN);
      chain.add(StaticCredentialsProvider.create(
          token == null ? AwsBasicCredentials.create(id, secret) : AwsSessionCredentials.create(id, secret, token)));
    }
    String tokenFile = get("AWS_WEB_IDENTITY_TOKEN_FILE");
    String role = get("AWS_ROLE_ARN");
    if (tokenFile != null && role != null) {
      chain.add(webIdentity(zone, Path.of(tokenFile.trim()), role.trim()));
    }
    chain.add(ProfileCredentialsProvider.builder().profileFile(profiles).profileName(profileName()).build());
    if (get("AWS_CONTAINER_CREDENTIALS_FULL_URI") != null || get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") != null) {
      chain.add(ContainerCredentialsProvider.builder().build());
    }
    if (!isTrue("AWS_EC2_METADATA_DISABLED")) {
      chain.add(InstanceProfileCredentialsProvider.builder().profileFile(profiles).profileName(profileName()).build());
    }
    return AwsCredentialsProviderChain.builder().credentialsProviders(chain).reuseLastProviderEnabled(false).build();
  }

  /**
   * Credentials for {@code role} in exchange for the web identity token in {@code tokenFile} (CI
   * OIDC), from an STS client built here rather than by the SDK's own provider, so that its region
   * ({@code AWS_REGION}, default us-east-1) and endpoint ({@code AWS_ENDPOINT_URL_STS}, else
   * {@code AWS_ENDPOINT_URL}) come from the run's environment like everything else. The token is
   * read again on each exchange, as CI runners rotate it.
   */
  private AwsCredentialsProvider webIdentity(String zone, Path tokenFile, String role) throws LiveException {
    StsClientBuilder sts = StsClient.builder()
        .httpClient(UrlConnectionHttpClient.builder().build())
        .region(Region.of(get("AWS_REGION") != null ? get("AWS_REGION").trim() : DEFAULT_REGION))
        .credentialsProvider(AnonymousCredentialsProvider.create());
    String endpoint = isTrue("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS") ? null
        : get("AWS_ENDPOINT_URL_STS") != null ? get("AWS_ENDPOINT_URL_STS") : get(ENDPOINT_ALL);
    if (endpoint != null) {
      URI uri;
      try {
        uri = new URI(endpoint.trim());
      } catch (URISyntaxException e) {
        uri = null;
      }
      if (uri == null || uri.getHost() == null || !List.of("http", "https").contains(String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT))) {
        throw new LiveException(zone, null, "route53: the STS endpoint in AWS_ENDPOINT_URL_STS or AWS_ENDPOINT_URL is not an http or https URL with a host");
      }
      sts.endpointOverride(uri);
    }
    String session = get("AWS_ROLE_SESSION_NAME") != null ? get("AWS_ROLE_SESSION_NAME").trim() : "zonegate";
    return StsAssumeRoleWithWebIdentityCredentialsProvider.builder()
        .stsClient(sts.build())
        .refreshRequest(() -> {
          String token;
          try {
            token = Files.readString(tokenFile).trim();
          } catch (IOException e) {
            throw new IllegalStateException("the web identity token file cannot be read", e);
          }
          return AssumeRoleWithWebIdentityRequest.builder().roleArn(role).roleSessionName(session).webIdentityToken(token).build();
        })
        .build();
  }

  private String required(String zone, String variable, String what) throws LiveException {
    String v = get(variable);
    if (v == null) {
      throw new LiveException(zone, null, "route53: the AWS " + what + " variable " + variable + " is not set");
    }
    return v.trim();
  }

  /** True when the default chain would try a web identity token (CI OIDC). */
  boolean webIdentity(LiveConfig.Route53 config) {
    return config.accessKeyIdEnv() == null && get(ACCESS_KEY) == null
        && get("AWS_WEB_IDENTITY_TOKEN_FILE") != null && get("AWS_ROLE_ARN") != null;
  }

  String profileName() {
    String p = get("AWS_PROFILE");
    return p != null ? p.trim() : "default";
  }

  /** The config and credentials files the environment points at (missing ones are left out). */
  ProfileFile profiles() {
    String home = get("HOME") != null ? get("HOME") : System.getProperty("user.home", "");
    Path config = get("AWS_CONFIG_FILE") != null ? Path.of(get("AWS_CONFIG_FILE")) : Path.of(home, ".aws", "config");
    Path credentials =
        get("AWS_SHARED_CREDENTIALS_FILE") != null
            ? Path.of(get("AWS_SHARED_CREDENTIALS_FILE"))
            : Path.of(home, ".aws", "credentials");
    ProfileFile.Aggregator all = ProfileFile.aggregator();
    if (Files.isRegularFile(config)) {
      all.addFile(ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build());
    }
    if (Files.isRegularFile(credentials)) {
      all.addFile(ProfileFile.builder().content(credentials).type(ProfileFile.Type.CREDENTIALS).build());
    }
    return all.build();
  }
}
