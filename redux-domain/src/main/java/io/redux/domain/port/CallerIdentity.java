package io.redux.domain.port;

/**
 * Who is calling AWS, and how that was found out.
 *
 * @param origin      which source of the chain supplied the credentials
 * @param profile     the profile name when {@code origin} is a profile, else null
 * @param accountId   the AWS account, from STS
 * @param arn         the caller's ARN, from STS
 * @param region      the default region of the environment or profile, or null
 * @param accessKeyId the access key id masked for display ({@code AKIA************WXYZ}), never in full
 */
public record CallerIdentity(
        CredentialOrigin origin,
        String profile,
        String accountId,
        String arn,
        String region,
        String accessKeyId) {
}
