package io.redux.storage.s3.violation;

import io.redux.aws.AwsModelGateway;

/** Breaks the rules on purpose, to show the architecture rules catch it. Test code only. */
public final class S3StoreUsingTheModelGateway {

    public Class<?> gateway() {
        return AwsModelGateway.class;
    }
}
