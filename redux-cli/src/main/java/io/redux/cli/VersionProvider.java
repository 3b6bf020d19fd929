package io.redux.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version Maven wrote into the jar at build time. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {line()};
    }

    /** What {@code redux_cli --version} prints. */
    public static String line() {
        return "redux_cli " + version();
    }

    public static String version() {
        // The jar's manifest, which the class-data archive holds a copy of: no jar is opened. Without a jar (tests
        // that run from the classes folder) the resource Maven filtered is read instead.
        String implementationVersion = VersionProvider.class.getPackage().getImplementationVersion();
        if (implementationVersion != null) {
            return implementationVersion;
        }
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
