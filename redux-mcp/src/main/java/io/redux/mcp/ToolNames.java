package io.redux.mcp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The name the model sees for a server's tool: {@code server___tool}, the original CLI's delimiter between server and
 * tool, valid for Bedrock ({@code ^[a-zA-Z0-9_-]{1,64}$}). A name that cannot be kept as it is (a character outside
 * {@code [a-zA-Z0-9_-]}, which becomes {@code _}; a part that starts or ends with {@code _} or holds {@code ___}, which
 * would make the split ambiguous; longer than 64 in all) is cut to fit and ends with {@code _} and the first 8 hex
 * digits of the SHA-256 of {@code server/tool}. The name depends on the server's and tool's names only, never on the
 * order servers start in, so it is the same in every session; names kept as they are cannot clash with each other
 * (the delimiter splits them one way only) nor with a built-in tool (none holds {@code ___}).
 */
public final class ToolNames {

    public static final String DELIMITER = "___";
    public static final int MAX_LENGTH = 64;

    private static final Pattern INVALID = Pattern.compile("[^a-zA-Z0-9_-]");
    private static final int HASH_DIGITS = 8;

    private ToolNames() {
    }

    /** The model's name of {@code tool} of {@code server}. */
    public static String forModel(String server, String tool) {
        String plain = server + DELIMITER + tool;
        if (keptAsIs(server) && keptAsIs(tool) && plain.length() <= MAX_LENGTH) {
            return plain;
        }
        String sanitized = INVALID.matcher(server).replaceAll("_") + DELIMITER + INVALID.matcher(tool).replaceAll("_");
        String suffix = "_" + hash(server + "/" + tool);
        return sanitized.substring(0, Math.min(sanitized.length(), MAX_LENGTH - suffix.length())) + suffix;
    }

    /** The name a user trusts a tool by, as the original CLI writes it: {@code @server/tool}. */
    public static String qualified(String server, String tool) {
        return "@" + server + "/" + tool;
    }

    private static boolean keptAsIs(String part) {
        return !part.isEmpty() && !INVALID.matcher(part).find() && !part.startsWith("_") && !part.endsWith("_")
                && !part.contains(DELIMITER);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
