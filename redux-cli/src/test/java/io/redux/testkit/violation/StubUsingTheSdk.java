package io.redux.testkit.violation;

import software.amazon.awssdk.regions.Region;

/** Breaks the rules on purpose, to show the architecture rules catch it. Test code only. */
public final class StubUsingTheSdk {

    public Object region() {
        return Region.US_EAST_1;
    }
}
