package io.redux.cli.composition;

import io.redux.aws.Closeables;
import io.redux.aws.http.NetworkSettings;
import io.redux.cli.CliEnvironment;
import io.redux.domain.port.ConversationRepository;
import io.redux.domain.port.CredentialSource;
import io.redux.storage.json.JsonConversationRepository;
import io.redux.storage.s3.S3ConversationRepository;
import io.redux.storage.s3.S3Location;
import io.redux.storage.s3.S3StoreSettings;

import java.util.function.Supplier;

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
     * @param runCredentials the credentials the run signs with (the command's {@code --profile}, else the standard
     *                       chain), asked for only by an S3 store
     * @throws io.redux.domain.error.InvalidInputException when the value starts with s3:// but is not a location
     */
    static ConversationRepository open(CliEnvironment environment, Closeables resources,
                                       Supplier<CredentialSource> runCredentials) {
        String configured = environment.variable(CliEnvironment.CONVERSATIONS_FOLDER_VARIABLE);
        if (!S3Location.isS3(configured)) {
            return new JsonConversationRepository(environment.conversationsFolder());
        }
        S3Location location = S3Location.parse(configured, CliEnvironment.CONVERSATIONS_FOLDER_VARIABLE);
        NetworkSettings network = NetworkSettings.fromEnvironment(environment.variables())
                .withReadTimeout(AwsVariables.readTimeout(environment.variables()));
        S3StoreSettings settings = S3StoreSettings.fromEnvironment(location, runCredentials.get(),
                        environment.variables(), environment.userHome())
                .withNetwork(network)
                .withKmsKeyId(environment.variable(KMS_KEY_VARIABLE));
        return resources.own(new S3ConversationRepository(settings));
    }
}
