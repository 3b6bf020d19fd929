package io.redux.mcp.violation;

import io.redux.aws.ModelRouter;

/** Breaks the rules on purpose, to show the architecture rules catch it. Test code only. */
public final class McpUsingTheAwsAdapter {

    public Class<?> router() {
        return ModelRouter.class;
    }
}
