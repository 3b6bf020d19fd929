package io.redux.domain.port;

@FunctionalInterface
public interface ModelStreamListener {

    ModelStreamListener IGNORE = event -> { };

    void onEvent(ModelEvent event);
}
