package dev.zonegate.live.route53;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLException;
import javax.xml.stream.XMLStreamException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * One sentence for each way a Route 53 call fails, from error codes, HTTP statuses and exception
 * types only. The service's own message text is never repeated: for a bad signature AWS quotes the
 * request it expected, access key id included, and a hostile endpoint could quote anything.
 */
final class Problems {
  private Problems() {}

  private static final Set<String> THROTTLED =
      Set.of("throttling", "throttlingexception", "throttledexception", "toomanyrequestsexception",
          "priorrequestnotcomplete", "requestlimitexceeded", "slowdown", "requestthrottled",
          "requestthrottledexception", "provisionedthroughputexceededexception", "bandwidthlimitexceeded");
  private static final Set<String> EXPIRED =
      Set.of("expiredtoken", "expiredtokenexception", "requestexpired", "tokenrefreshrequired");
  private static final Set<String> UNKNOWN_KEY =
      Set.of("invalidclienttokenid", "unrecognizedclientexception", "invalidaccesskeyid", "authfailure");
  private static final Set<String> DENIED = Set.of("accessdenied", "accessdeniedexception", "unauthorizedoperation");

  static String of(SdkException e, Route53Source.Call call) {
    if (e instanceof AwsServiceException s) {
      return service(s, call);
    }
    return client(e, call);
  }

  private static String service(AwsServiceException e, Route53Source.Call call) {
    AwsErrorDetails d = e.awsErrorDetails();
    String code = d == null || d.errorCode() == null || d.errorCode().isBlank() ? null : d.errorCode().trim();
    int status = e.statusCode();
    String c = code == null ? "" : code.toLowerCase(Locale.ROOT);
    String said = "(" + (code == null ? "" : code + ", ") + "HTTP " + status + ")";
    if (THROTTLED.contains(c) || status == 429 || e.isThrottlingException()) {
      return "Route 53 throttled " + call.step() + " " + said + " and still did after " + Route53Source.ATTEMPTS
          + " attempts; try again later";
    }
    if (EXPIRED.contains(c)) {
      return "the AWS credentials have expired " + said + "; renew them";
    }
    if (UNKNOWN_KEY.contains(c)) {
      return "AWS does not recognise the access key id " + said;
    }
    if (c.equals("signaturedoesnotmatch")) {
      return "the AWS secret access key does not match the access key id " + said;
    }
    if (c.equals("incompletesignature") || c.equals("missingauthenticationtoken") || c.equals("invalidsignatureexception")) {
      return "Route 53 refused the request's signature " + said;
    }
    if (DENIED.contains(c) || status == 403) {
      return "access denied to route53:" + call.action + " " + said + "; the credentials need that permission";
    }
    if (c.equals("nosuchhostedzone")) {
      return "the hosted zone does not exist " + said + "; check hostedZoneId";
    }
    if (c.equals("invalidinput")) {
      return "Route 53 refused " + call.step() + " as invalid input " + said;
    }
    if (status >= 500) {
      return call.step() + " failed on the server side " + said + " after " + Route53Source.ATTEMPTS + " attempts";
    }
    return "Route 53 refused " + call.step() + " " + said;
  }

  private static String client(SdkException e, Route53Source.Call call) {
    long seconds = call.timeout.toSeconds();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException
          || t instanceof SocketTimeoutException) {
        return "no answer to " + call.step() + " within " + seconds + " s (timeout)";
      }
      if (t instanceof ConnectException) {
        return "connection refused (" + call.step() + ")";
      }
      if (t instanceof UnknownHostException) {
        return "the endpoint's host name cannot be resolved";
      }
      if (t instanceof NoRouteToHostException) {
        return "no route to the endpoint's host";
      }
      if (t instanceof SSLException) {
        return "TLS with the endpoint failed (" + t.getClass().getSimpleName() + ")";
      }
      if (t instanceof XMLStreamException) {
        return "the answer to " + call.step() + " is not XML Route 53 would send";
      }
    }
    String m = e.getMessage() == null ? "" : e.getMessage();
    if (m.startsWith("Unable to unmarshall") || m.contains("unmarshall")) {
      return "the answer to " + call.step() + " is not XML Route 53 would send";
    }
    for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException) {
        return "network error during " + call.step() + " (" + t.getClass().getSimpleName() + ")";
      }
    }
    return call.step() + " failed (" + e.getClass().getSimpleName() + ")";
  }

  /**
   * Why no credentials could be had, by where they were looked for; never a value. {@code
   * webIdentity}: a web identity token and role were given (CI OIDC), so the likely failure is
   * the exchange with STS.
   */
  static String credentials(RuntimeException e, boolean webIdentity) {
    if (webIdentity) {
      return "the web identity token in AWS_WEB_IDENTITY_TOKEN_FILE could not be exchanged for the credentials of"
          + " AWS_ROLE_ARN (" + e.getClass().getSimpleName() + "), and no other AWS credentials were found";
    }
    return "no AWS credentials found (looked for " + AwsSettings.ACCESS_KEY + " and " + AwsSettings.SECRET_KEY
        + ", a web identity token, the AWS profile, container and instance credentials); set them, or name"
        + " the variables with accessKeyIdEnv and secretAccessKeyEnv";
  }
}
