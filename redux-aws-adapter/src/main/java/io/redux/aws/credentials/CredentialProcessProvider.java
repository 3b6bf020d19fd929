package io.redux.aws.credentials;

import io.redux.domain.error.CredentialsException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A profile's {@code credential_process}: runs the command and reads the credentials it prints, as the AWS CLI does.
 * Used instead of the SDK's provider, which waits for the command forever and puts what the command printed (the
 * secret key included) into its exceptions when that is not valid JSON.
 *
 * <p>The command runs under {@code sh -c} ({@code cmd.exe /C} on Windows) with this process's environment and an empty
 * standard input. One that has not finished within the timeout is killed with its children.
 */
final class CredentialProcessProvider extends ExpiringCredentialsProvider {

    /** As the SDK: credentials are a few hundred bytes; more is a command printing something else. */
    private static final int OUTPUT_LIMIT = 64 * 1024;
    /** How long to wait for the killed command to be gone, so it does not outlive the error that reports it. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(2);

    private final String profile;
    private final String command;
    private final Duration timeout;
    private final String timeoutSetting;

    /** @param timeoutSetting how the user sets {@code timeout}, named when it runs out; null when it is not theirs */
    CredentialProcessProvider(String profile, String command, Duration timeout, String timeoutSetting, Clock clock) {
        super(clock);
        this.profile = profile;
        this.command = command;
        this.timeout = timeout;
        this.timeoutSetting = timeoutSetting;
    }

    @Override
    protected String fetch() {
        Process process = start();
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            FutureTask<byte[]> stdout = drain(process.getInputStream(), "stdout");
            FutureTask<byte[]> stderr = drain(process.getErrorStream(), "stderr");
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw timedOut();
            }
            // A child the command left running may hold its output open: that is a hang too.
            byte[] output = stdout.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (process.exitValue() != 0) {
                throw failure(describe() + " failed with exit code " + process.exitValue()
                        + said(stderr) + ". Run the command yourself to see why.");
            }
            if (output.length > OUTPUT_LIMIT) {
                throw failure(describe() + " printed more than " + OUTPUT_LIMIT / 1024 + " KB; credentials are a"
                        + " JSON object of a few hundred bytes.");
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (TimeoutException e) {
            throw timedOut();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(describe() + " was interrupted.");
        } catch (ExecutionException e) {
            throw failure(describe() + " could not be read: " + e.getCause().getMessage());
        } finally {
            killWithChildren(process);
        }
    }

    private Process start() {
        List<String> shell = System.getProperty("os.name", "").startsWith("Windows")
                ? List.of("cmd.exe", "/C", command) : List.of("sh", "-c", command);
        Process process;
        try {
            process = new ProcessBuilder(shell).start();
        } catch (IOException e) {
            throw failure(describe() + " could not be started: " + e.getMessage());
        }
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // Standard input stays open: a command that reads it waits, and its timeout still ends it.
        }
        return process;
    }

    /** Reads a stream to its end on its own thread (up to one byte past the limit), so neither pipe fills up. */
    private FutureTask<byte[]> drain(InputStream stream, String name) {
        FutureTask<byte[]> task = new FutureTask<>(() -> {
            try (stream) {
                byte[] head = stream.readNBytes(OUTPUT_LIMIT + 1);
                stream.transferTo(OutputStream.nullOutputStream());
                return head;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Thread thread = new Thread(task, "credential_process " + name);
        thread.setDaemon(true);
        thread.start();
        return task;
    }

    /** What the command wrote on stderr, its last line, as the AWS CLI shows it; empty when it wrote nothing. */
    private static String said(FutureTask<byte[]> stderr) {
        try {
            byte[] bytes = stderr.get(1, TimeUnit.SECONDS);
            String text = new String(bytes, 0, Math.min(bytes.length, OUTPUT_LIMIT), StandardCharsets.UTF_8);
            String last = text.lines().map(String::strip).filter(line -> !line.isEmpty())
                    .reduce((first, second) -> second).orElse("").replaceAll("\\.+$", "");
            return last.isEmpty() ? "" : ": " + (last.length() > 300 ? last.substring(0, 297) + "..." : last);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        } catch (ExecutionException | TimeoutException e) {
            return "";
        }
    }

    /**
     * Kills the command and the children it had started (a shell left behind would keep them running). Waits for the
     * command itself, which this process reaps; its children are reaped by whoever adopts them.
     */
    private static void killWithChildren(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private CredentialsException timedOut() {
        return failure(describe() + " did not finish within " + seconds(timeout) + " and was stopped. Run the command"
                + " yourself to see what it waits for" + (timeoutSetting == null ? "." : "; " + timeoutSetting
                + " sets the limit in seconds."));
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    @Override
    protected String describe() {
        return "The credential_process of the AWS profile '" + profile + "' (" + command + ")";
    }

    @Override
    protected CredentialsException failure(String message) {
        return new CredentialsException(message);
    }

    /** The AWS CLI's format: {@code Version} 1, {@code SessionToken} and {@code Expiration} optional. */
    @Override
    protected AwsCredentials credentials(JsonNode root, Instant expiration) {
        String version = root.field("Version").filter(JsonNode::isNumber).map(JsonNode::asNumber).orElse(null);
        if (!"1".equals(version)) {
            throw failure(describe() + " printed no \"Version\": 1; that is the only credentials format there is.");
        }
        String keyId = text(root, "AccessKeyId");
        String secret = text(root, "SecretAccessKey");
        if (keyId == null || secret == null) {
            throw failure(describe() + " printed no " + (keyId == null ? "AccessKeyId" : "SecretAccessKey") + ".");
        }
        String token = text(root, "SessionToken");
        return token == null ? AwsBasicCredentials.create(keyId, secret)
                : AwsSessionCredentials.builder().accessKeyId(keyId).secretAccessKey(secret).sessionToken(token)
                        .expirationTime(expiration).build();
    }
}
