package io.redux.domain.violation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Injector;

/** Breaks the rules on purpose, to show the architecture rules catch it. Test code only. */
public final class DomainClassUsingJackson {

    public Object mapper() {
        return new ObjectMapper();
    }

    public Class<?> injector() {
        return Injector.class;
    }
}
