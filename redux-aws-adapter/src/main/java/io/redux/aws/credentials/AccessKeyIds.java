package io.redux.aws.credentials;

/** Shows an access key id without giving it away: {@code AKIA************WXYZ}. */
final class AccessKeyIds {

    private AccessKeyIds() {
    }

    public static String mask(String accessKeyId) {
        if (accessKeyId == null) {
            return null;
        }
        if (accessKeyId.length() < 12) {
            return "*".repeat(accessKeyId.length());
        }
        return accessKeyId.substring(0, 4) + "*".repeat(accessKeyId.length() - 8)
                + accessKeyId.substring(accessKeyId.length() - 4);
    }
}
