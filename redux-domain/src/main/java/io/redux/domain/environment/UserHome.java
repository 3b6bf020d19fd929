package io.redux.domain.environment;

import java.nio.file.Path;
import java.util.Map;

/**
 * The user's home folder, by one rule for the CLI and for every default of the library ({@code ~/.amazon-q/...},
 * {@code ~/.aws/...}, the original CLI's database), so a program that embeds Redux reads and writes where the CLI
 * does: {@code HOME} when it is set to an absolute path, as the shell, every Unix tool and the AWS SDK read it; else
 * the JVM's {@code user.home}. The two differ when a user sets {@code HOME=/elsewhere}: {@code user.home} comes from
 * the password database and ignores it.
 */
public final class UserHome {

    public static final String VARIABLE = "HOME";

    private UserHome() {
    }

    /** The home folder of this environment's {@code HOME}, else of the JVM's {@code user.home}. */
    public static Path of(Map<String, String> environment) {
        String home = environment.get(VARIABLE);
        if (home != null && !home.isBlank() && Path.of(home).isAbsolute()) {
            return Path.of(home);
        }
        return Path.of(System.getProperty("user.home"));
    }

    /** The home folder of this process. */
    public static Path current() {
        return of(System.getenv());
    }
}
