package io.redux.aws.http;

import io.redux.domain.error.InvalidInputException;

import java.net.URI;
import java.net.URISyntaxException;

/** URLs read from environment variables (an endpoint override, {@code HTTPS_PROXY}, {@code AWS_ENDPOINT_URL_STS}...). */
public final class EndpointUrls {

    private EndpointUrls() {
    }

    /**
     * The URL in {@code value}, surrounding blanks ignored.
     *
     * @throws InvalidInputException naming {@code variable} when {@code value} is not a URL; a user mistyped it, so
     *         this is a usage error, not the unchecked exception {@link URI#create} throws
     */
    public static URI parse(String variable, String value) {
        try {
            return new URI(value.strip());
        } catch (URISyntaxException e) {
            // Not e.getMessage(): it repeats the input, password included.
            throw new InvalidInputException(variable + " " + InvalidInputException.quote(withoutUserInfo(value))
                    + " is not a valid URL: " + e.getReason() + (e.getIndex() >= 0 ? " at index " + e.getIndex() : "")
                    + ": " + withoutUserInfo(e.getInput()).replace("\n", "\\n").replace("\r", "\\r"));
        }
    }

    /**
     * {@code url} as it may be shown: its user information (a user name and password) replaced by {@code ***}, so no
     * message, table or stack trace ever shows a password set in an endpoint or proxy URL.
     */
    public static URI masked(URI url) {
        String authority = url == null ? null : url.getRawAuthority();
        if (authority == null || !authority.contains("@")) {
            return url;
        }
        // Raw parts, so the rest reads exactly as the user wrote it (escapes included).
        return URI.create(url.getScheme() + "://***" + authority.substring(authority.lastIndexOf('@'))
                + (url.getRawPath() == null ? "" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery())
                + (url.getRawFragment() == null ? "" : "#" + url.getRawFragment()));
    }

    /** The port {@code url} connects to: its own, else its scheme's. */
    static int port(URI url) {
        if (url.getPort() > 0) {
            return url.getPort();
        }
        return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    /**
     * {@code value} with whatever precedes its last '@' masked, so an error never shows a proxy password. The last,
     * because a mistyped password may hold an unescaped '@', '/' or '#'.
     */
    static String withoutUserInfo(String value) {
        int at = value.lastIndexOf('@');
        if (at < 0) {
            return value;
        }
        int scheme = value.indexOf("://");
        int start = scheme >= 0 && scheme < at ? scheme + 3 : 0;
        return value.substring(0, start) + "***" + value.substring(at);
    }
}
