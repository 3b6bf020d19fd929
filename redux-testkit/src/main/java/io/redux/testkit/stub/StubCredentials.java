package io.redux.testkit.stub;

/** Fake temporary credentials a metadata stub hands out; never real. */
public record StubCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {

    String json(String roleArnMemberOrEmpty) {
        return "{\"Code\":\"Success\",\"LastUpdated\":\"2026-01-01T00:00:00Z\",\"Type\":\"AWS-HMAC\","
                + "\"AccessKeyId\":" + MiniJson.quote(accessKeyId) + ",\"SecretAccessKey\":" + MiniJson.quote(secretAccessKey)
                + ",\"Token\":" + MiniJson.quote(sessionToken) + ",\"Expiration\":\"2099-01-01T00:00:00Z\""
                + roleArnMemberOrEmpty + "}";
    }
}
