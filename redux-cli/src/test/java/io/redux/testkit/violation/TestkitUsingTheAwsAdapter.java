package io.redux.testkit.violation;

import io.redux.aws.ModelRouter;

/** Breaks the rules on purpose, to show the architecture rules catch it. Test code only. */
public final class TestkitUsingTheAwsAdapter {

    public Class<?> router() {
        return ModelRouter.class;
    }
}
