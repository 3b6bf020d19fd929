package io.redux.aws;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CloseablesTest {

    @Test
    void closesNewestFirstEachEvenAfterAFailureAndOnlyOnce() {
        List<String> closed = new ArrayList<>();
        Closeables owned = new Closeables();
        owned.own(() -> closed.add("first"));
        owned.own(() -> {
            closed.add("second");
            throw new IllegalStateException("already closed");
        });
        owned.own(() -> closed.add("third"));

        owned.close();
        owned.close();

        assertThat(closed).containsExactly("third", "second", "first");
    }
}
