package io.redux.cli.composition;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.redux.aws.Closeables;
import io.redux.cli.CliEnvironment;
import io.redux.cli.aws.AwsAccess;

/**
 * The AWS adapter, built from the command's environment ({@code REDUX_ENDPOINT_URL}, {@code AWS_*}, proxies) and
 * the {@code --profile} a command passes. Only a command that calls AWS pays for the SDK, and only when it calls.
 */
final class AwsModule extends AbstractModule {

    @Provides
    @Singleton
    AwsAccess awsAccess(CliEnvironment environment, Closeables resources) {
        return resources.own(new AdapterAwsAccess(environment));
    }
}
