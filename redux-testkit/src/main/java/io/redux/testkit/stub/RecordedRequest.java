package io.redux.testkit.stub;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request a stub received, for assertions.
 *
 * @param headers header names in lower case
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> headers, byte[] body) {

    private static final Pattern SIGNING_KEY = Pattern.compile("Credential=([^/]+)/");

    public RecordedRequest {
        Map<String, List<String>> lowerCase = new TreeMap<>();
        headers.forEach((name, values) -> lowerCase.put(name.toLowerCase(java.util.Locale.ROOT), List.copyOf(values)));
        headers = Map.copyOf(lowerCase);
        body = body.clone();
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The access key id that signed the request (SigV4's {@code Authorization: ... Credential=KEY/...}), or null. */
    public String signingKeyId() {
        Matcher key = SIGNING_KEY.matcher(String.valueOf(header("authorization")));
        return key.find() ? key.group(1) : null;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body parsed as JSON ({@link MiniJson} types). */
    public Object bodyJson() {
        return MiniJson.parse(bodyText());
    }
}
