package io.redux.tools;

import io.redux.domain.json.JsonValue;
import io.redux.domain.port.ToolSpec;
import io.redux.domain.tool.DefaultTrust;
import io.redux.domain.tool.Tool;
import io.redux.domain.tool.ToolOutput;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code use_aws}: one AWS CLI call ({@code aws --region REGION SERVICE OPERATION --param value...}), with the original
 * CLI's arguments. The {@code aws} program is found on {@code PATH}; it runs in the working directory with no input,
 * a time limit and a limit on the output kept from each stream, as the chat's own AWS identity ({@link AwsCliIdentity},
 * passed in its environment only). A read-only operation ({@code get-}, {@code describe-}, {@code list-},
 * {@code ls}, {@code search-}, {@code batch-get-}) or one of an allowed service runs without asking; any other asks.
 * A denied service is refused without running anything.
 */
public final class UseAwsTool implements Tool {

    public static final String NAME = "use_aws";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    /** The operations that only read, as the original CLI judges them: this word, or this word and a dash first. */
    static final List<String> READ_ONLY_VERBS = List.of("get", "describe", "list", "ls", "search", "batch-get");

    /** What the original CLI adds to the AWS CLI's user agent (in {@code AWS_EXECUTION_ENV}), so calls are told apart. */
    static final String EXECUTION_ENV = "Redux-CLI";

    /** Service and operation names as the AWS CLI spells them: never an option. */
    private static final Pattern NAME_WORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private static final ToolSpec SPEC = new ToolSpec(NAME,
            "Makes one AWS CLI call (aws SERVICE OPERATION --parameters) as the user's own AWS identity. Arguments "
                    + "must follow the AWS CLI's specification; when the output says the command is malformed, look "
                    + "at its help. Read-only operations (get-, describe-, list-...) run without asking; others ask "
                    + "the user first.",
            Schemas.object(properties(), "region", "service_name", "operation_name", "label"));

    private final Path workingDirectory;
    private final AwsCliIdentity identity;
    private final UseAwsSettings settings;
    private final Map<String, String> environment;
    private final Duration timeout;
    private final int maxOutputBytes;

    /** Runs the {@code aws} of this process's {@code PATH}, with its environment, and the default limits. */
    public UseAwsTool(Path workingDirectory, AwsCliIdentity identity, UseAwsSettings settings) {
        this(workingDirectory, identity, settings, System.getenv(), DEFAULT_TIMEOUT,
                ExecuteBashTool.DEFAULT_MAX_OUTPUT_BYTES);
    }

    /**
     * @param environment the AWS CLI's environment before the identity is applied; its {@code PATH} is where
     *                    {@code aws} is looked for
     */
    public UseAwsTool(Path workingDirectory, AwsCliIdentity identity, UseAwsSettings settings,
                      Map<String, String> environment, Duration timeout, int maxOutputBytes) {
        if (timeout.isNegative() || timeout.isZero() || maxOutputBytes < 1) {
            throw new IllegalArgumentException("use_aws needs a positive timeout and output limit");
        }
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.identity = identity;
        this.settings = settings;
        this.environment = Map.copyOf(environment);
        this.timeout = timeout;
        this.maxOutputBytes = maxOutputBytes;
    }

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public DefaultTrust defaultTrust() {
        return DefaultTrust.JUDGED_BY_ITS_ARGUMENTS;
    }

    /**
     * A read-only operation, or any operation of an allowed service, runs without asking; so does a call of a denied
     * service, for its run only refuses it. Anything unreadable asks (and its run says what was wrong).
     */
    @Override
    public boolean runsWithoutAsking(JsonValue.JsonObject arguments) {
        ToolArguments args = new ToolArguments(NAME, arguments);
        try {
            String service = args.requiredString("service_name");
            return settings.deniedServices().contains(service) || settings.allowedServices().contains(service)
                    || isReadOnly(args.requiredString("operation_name"));
        } catch (ToolArgumentException e) {
            return false;
        }
    }

    /** Whether {@code operation} only reads, as the original CLI judges it by its first word. */
    static boolean isReadOnly(String operation) {
        return READ_ONLY_VERBS.stream().anyMatch(verb -> operation.equals(verb) || operation.startsWith(verb + "-"));
    }

    @Override
    public ToolOutput run(JsonValue.JsonObject arguments) {
        ToolArguments args = new ToolArguments(NAME, arguments);
        List<String> command = new ArrayList<>();
        String profile;
        try {
            String service = word(args, "service_name");
            String operation = word(args, "operation_name");
            String region = word(args, "region");
            profile = args.optionalString("profile_name");
            if (settings.deniedServices().contains(service)) {
                return ToolOutput.error(NAME + ": the service '" + service + "' is denied by the settings of use_aws; "
                        + "do not call it.");
            }
            command.addAll(List.of("--region", region, service, operation));
            command.addAll(cliParameters(args, arguments.get("parameters")));
        } catch (ToolArgumentException e) {
            return ToolOutput.error(e.getMessage());
        }
        Optional<Path> aws = findOnPath("aws");
        if (aws.isEmpty()) {
            return ToolOutput.error(NAME + " needs the AWS CLI (aws) on PATH: install it (see "
                    + "https://aws.amazon.com/cli/) and start the chat again.");
        }
        command.add(0, aws.get().toString());
        Map<String, String> given;
        try {
            given = identity.variables();
        } catch (RuntimeException e) {
            return ToolOutput.error(NAME + ": the chat's AWS identity could not be resolved: " + e.getMessage());
        }
        // The original CLI passes profile_name on; here the model cannot choose whom it calls AWS as.
        String note = profile != null && !profile.isBlank() && !profile.equals(given.get("AWS_PROFILE"))
                ? "note: profile_name '" + profile + "' was not used: use_aws runs as the user's own AWS identity "
                        + "only.\n"
                : "";
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
            Map<String, String> childEnvironment = builder.environment();
            childEnvironment.clear();
            childEnvironment.putAll(childEnvironment(given));
            process = builder.start();
        } catch (IOException e) {
            return ToolOutput.error(NAME + ": cannot start " + aws.get() + ": " + e.getMessage());
        }
        return await(process, note);
    }

    private ToolOutput await(Process process, String note) {
        ChildProcess.Outcome outcome;
        try {
            outcome = ChildProcess.await(process, NAME, timeout, maxOutputBytes);
        } catch (IOException e) {
            return ToolOutput.error(NAME + ": " + e.getMessage());
        }
        if (outcome instanceof ChildProcess.Exited exited) {
            String report = note + "exit code: " + exited.exitCode() + "\nstdout:\n" + exited.stdout()
                    + "\nstderr:\n" + exited.stderr();
            return exited.exitCode() == 0 ? ToolOutput.success(report) : ToolOutput.error(report);
        }
        if (outcome instanceof ChildProcess.TimedOut timedOut) {
            return ToolOutput.error(NAME + ": the AWS CLI did not finish within " + ChildProcess.describe(timeout)
                    + " and was stopped.\nstdout:\n" + timedOut.stdout() + "\nstderr:\n" + timedOut.stderr());
        }
        return ToolOutput.error(NAME + ": the AWS CLI call was interrupted by the user and stopped.");
    }

    /**
     * The inherited environment with the chat's identity applied. A profile displaces keys found in the environment,
     * and keys displace a profile, so the AWS CLI's own chain can only land on the identity given.
     */
    private Map<String, String> childEnvironment(Map<String, String> given) {
        Map<String, String> child = new LinkedHashMap<>(environment);
        if (given.containsKey("AWS_PROFILE")) {
            child.keySet().removeAll(List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
                    "AWS_DEFAULT_PROFILE"));
        }
        if (given.containsKey("AWS_ACCESS_KEY_ID")) {
            child.keySet().removeAll(List.of("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SESSION_TOKEN"));
        }
        child.putAll(given);
        // Version 2 of the AWS CLI may page its output; nobody is there to page through it.
        child.putIfAbsent("AWS_PAGER", "");
        String executionEnv = child.get("AWS_EXECUTION_ENV");
        child.put("AWS_EXECUTION_ENV", executionEnv == null || executionEnv.isBlank() ? EXECUTION_ENV
                : executionEnv + " " + EXECUTION_ENV);
        return child;
    }

    /**
     * The parameters as the AWS CLI's options, as the original CLI makes them: each name in kebab case after
     * {@code --}; a string value as it is (an empty one makes a flag alone), any other value as its JSON.
     */
    static List<String> cliParameters(ToolArguments args, JsonValue parameters) {
        List<String> options = new ArrayList<>();
        if (parameters == null || parameters == JsonValue.JsonNull.INSTANCE) {
            return options;
        }
        if (!(parameters instanceof JsonValue.JsonObject object)) {
            throw args.bad("parameters", "must be an object, not " + parameters.toJson());
        }
        for (Map.Entry<String, JsonValue> parameter : object.members().entrySet()) {
            String name = kebab(parameter.getKey());
            if (name.isEmpty()) {
                throw args.bad("parameters", "has a parameter without a name");
            }
            if (name.equals("profile")) {
                throw args.problem("the parameter 'profile' is not allowed: use_aws runs as the user's own AWS "
                        + "identity only; leave it out.");
            }
            options.add("--" + name);
            JsonValue value = parameter.getValue();
            String text = value instanceof JsonValue.JsonString string ? string.value() : value.toJson();
            if (!text.isEmpty()) {
                options.add(text);
            }
        }
        return options;
    }

    /** {@code TableName}, {@code table_name}, {@code --table-name} and {@code DBInstanceId} as {@code table-name}, {@code db-instance-id}. */
    static String kebab(String name) {
        String trimmed = name.replaceFirst("^-+", "");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c == '_' || c == '-' || c == ' ') {
                if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
                    out.append('-');
                }
                continue;
            }
            if (Character.isUpperCase(c) && i > 0 && out.length() > 0 && out.charAt(out.length() - 1) != '-') {
                char before = trimmed.charAt(i - 1);
                boolean acronymEnds = Character.isUpperCase(before) && i + 1 < trimmed.length()
                        && Character.isLowerCase(trimmed.charAt(i + 1));
                if (Character.isLowerCase(before) || Character.isDigit(before) || acronymEnds) {
                    out.append('-');
                }
            }
            out.append(Character.toLowerCase(c));
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '-') {
            end--;
        }
        return out.substring(0, end).toLowerCase(Locale.ROOT);
    }

    private static String word(ToolArguments args, String name) {
        String value = args.requiredString(name);
        if (!NAME_WORD.matcher(value).matches()) {
            throw args.bad(name, "must be a name such as s3api or us-east-1, not '" + value + "'");
        }
        return value;
    }

    private Optional<Path> findOnPath(String program) {
        String path = environment.getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            try {
                Path candidate = Path.of(directory, program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate.toAbsolutePath());
                }
            } catch (InvalidPathException e) {
                // Not a folder name: nothing to find there.
            }
        }
        return Optional.empty();
    }

    private static Map<String, JsonValue> properties() {
        Map<String, JsonValue> properties = new LinkedHashMap<>();
        properties.put("service_name", Schemas.property("string",
                "The AWS CLI's name of the service, e.g. s3api (rather than s3), ec2, sts."));
        properties.put("operation_name", Schemas.property("string",
                "The operation, as the AWS CLI names it, e.g. list-buckets."));
        properties.put("parameters", Schemas.property("object",
                "The operation's parameters, named as the AWS CLI names them (kebab case preferred). Prefer JSON "
                        + "values to the shorthand syntax. A boolean flag is its name with an empty string as value."));
        properties.put("region", Schemas.property("string", "The region to call, e.g. us-east-1."));
        properties.put("profile_name", Schemas.property("string",
                "Not used: calls run as the user's own AWS identity. Leave it out."));
        properties.put("label", Schemas.property("string", "A short human-readable description of the call."));
        return properties;
    }
}
