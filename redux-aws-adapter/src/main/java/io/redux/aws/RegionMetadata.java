package io.redux.aws;

import software.amazon.awssdk.regions.ServiceMetadata;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * The AWS SDK's metadata of regions and services, which every SDK client reads as it is built: its loader's static
 * initializer, a table of every service, takes a fresh JVM about 35 ms. A command that will call AWS starts loading it
 * at once, on a thread of its own, so that it is ready by the time the command has parsed its options and built its
 * parts, instead of on the way of the first client.
 */
public final class RegionMetadata {

    private RegionMetadata() {
    }

    /** Starts loading the metadata on a daemon thread, which never keeps the JVM running. */
    public static Thread loadInBackground() {
        Thread loading = new Thread(RegionMetadata::load, "redux-aws-metadata");
        loading.setDaemon(true);
        loading.start();
        return loading;
    }

    /** Never fails: a client's own build meets the same problem, if any, and reports it where it belongs. */
    static void load() {
        try {
            ServiceMetadata.of(BedrockRuntimeClient.SERVICE_METADATA_ID);
        } catch (RuntimeException | LinkageError e) {
            // Left to the client's build.
        }
    }
}
