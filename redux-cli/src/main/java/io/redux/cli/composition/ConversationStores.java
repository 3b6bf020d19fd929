package io.redux.cli.composition;

import io.redux.aws.Closeables;
import io.redux.aws.credentials.AwsCredentialSource;
import io.redux.aws.credentials.AwsEnvironment;
import io.redux.aws.http.NetworkSettings;
import io.redux.cli.CliEnvironment;
import io.redux.domain.port.ConversationRepository;
import io.redux.storage.json.JsonConversationRepository;
import io.redux.storage.s3.S3ConversationRepository;
import io.redux.storage.s3.S3Location;
import io.redux.storage.s3.S3StoreSettings;

/**
 * Which store {@code REDUX_CONVERSATIONS_DIR} names: an {@code s3://bucket/prefix/} location is the S3 store, anything
 * else a local folder of JSON files.
 */
final class ConversationStores {

    /** The KMS key every S3 write is encrypted with; unset, the bucket's default encryption applies. */
    static final String KMS_KEY_VARIABLE = "REDUX_S3_KMS_KEY_ID";

    private ConversationStores() {
    }

    /**
     * @throws io.redux.domain.error.InvalidInputException when the value starts with s3:// but is not a location
     */
    static ConversationRepository open(CliEnvironment environment, Closeables resources) {
        String configured = environment.variable(CliEnvironment.CONVERSATIONS_FOLDER_VARIABLE);
        if (!S3Location.isS3(configured)) {
            return new JsonConversationRepository(environment.conversationsFolder());
        }
        S3Location location = S3Location.parse(configured, CliEnvironment.CONVERSATIONS_FOLDER_VARIABLE);
        NetworkSettings network = NetworkSettings.fromEnvironment(environment.variables())
                .withReadTimeout(AwsVariables.readTimeout(environment.variables()));
        // The standard chain (AWS_PROFILE, keys, a pod's web identity...), apart from the one model calls build for a
        // --profile: the store is the same whichever profile answers.
        AwsCredentialSource credentials = resources.own(AwsCredentialSource.builder()
                .environment(new AwsEnvironment(environment.variables(), environment.userHome()))
                .network(network)
                .credentialProcessTimeout(() -> AwsVariables.credentialProcessTimeout(environment.variables()),
                        AwsVariables.CREDENTIAL_PROCESS_TIMEOUT)
                .build());
        S3StoreSettings settings = S3StoreSettings.fromEnvironment(location, credentials, environment.variables(),
                        environment.userHome())
                .withNetwork(network)
                .withKmsKeyId(environment.variable(KMS_KEY_VARIABLE));
        return resources.own(new S3ConversationRepository(settings));
    }
}
