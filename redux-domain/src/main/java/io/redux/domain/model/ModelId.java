package io.redux.domain.model;

import io.redux.domain.error.InvalidInputException;

import java.util.regex.Pattern;

/**
 * A model named {@code custom:<region>:<service>:<model-id>:<version>}.
 *
 * <p>The model id may itself contain colons (ARNs), so the first three separators and the last one
 * delimit the parts. {@code parse(s).toString().equals(s)} holds for every valid {@code s}.
 */
public record ModelId(String region, String service, String modelName, String version) {

    public static final String PREFIX = "custom";
    public static final String FORM = "custom:<region>:<service>:<model-id>:<version>";
    public static final String EXAMPLE = "custom:us-east-1:anthropic:claude-3-5-sonnet-20241022-v2:0";

    /** Partitions such as {@code us}, {@code us-gov}, {@code cn}, {@code ap}, then a direction, then a number. */
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern NO_SPACE = Pattern.compile("[^ ]+");

    public ModelId {
        require(region, REGION, "region", "an AWS region such as us-east-1");
        require(service, SERVICE, "service", "lower-case letters, digits and '-', such as bedrock, sagemaker or anthropic");
        require(modelName, NO_SPACE, "model-id", "a model or endpoint name without spaces");
        require(version, NO_SPACE, "version", "a version such as 0, 1 or latest, without spaces or ':'");
        if (version.indexOf(':') >= 0) {
            throw invalid(toString(region, service, modelName, version), "the version " + InvalidInputException.quote(version) + " contains ':'");
        }
    }

    public static ModelId parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid(text, "it is empty");
        }
        int first = text.indexOf(':');
        if (first < 0 || !text.substring(0, first).equals(PREFIX)) {
            String prefix = first < 0 ? text : text.substring(0, first);
            throw invalid(text, "it must start with '" + PREFIX + ":', not " + InvalidInputException.quote(prefix + (first < 0 ? "" : ":")));
        }
        int second = text.indexOf(':', first + 1);
        int third = second < 0 ? -1 : text.indexOf(':', second + 1);
        int last = text.lastIndexOf(':');
        if (second < 0 || third < 0 || last <= third) {
            throw invalid(text, "it has " + (countColons(text) + 1) + " parts where 5 are needed");
        }
        String region = text.substring(first + 1, second);
        String service = text.substring(second + 1, third);
        String modelName = text.substring(third + 1, last);
        String version = text.substring(last + 1);
        return new ModelId(region, service, modelName, version);
    }

    @Override
    public String toString() {
        return toString(region, service, modelName, version);
    }

    private static String toString(String region, String service, String modelName, String version) {
        return PREFIX + ':' + region + ':' + service + ':' + modelName + ':' + version;
    }

    private static void require(String value, Pattern pattern, String segment, String expected) {
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException("Invalid model id: the " + segment + " part is empty; expected "
                    + expected + ". Use the form " + FORM + ", e.g. " + EXAMPLE);
        }
        // Named by code point too: quoted, the character may be invisible (a no-break space) or, in a terminal, be
        // shown escaped.
        value.codePoints().filter(ModelId::invisible).findFirst().ifPresent(c -> {
            throw new InvalidInputException("Invalid model id: the " + segment + " " + InvalidInputException.quote(value)
                    + " contains " + String.format("U+%04X", c) + ", a control character or whitespace; expected "
                    + expected + ". Use the form " + FORM + ", e.g. " + EXAMPLE);
        });
        if (!pattern.matcher(value).matches()) {
            throw new InvalidInputException("Invalid model id: the " + segment + " " + InvalidInputException.quote(value)
                    + " is not " + expected + ". Use the form " + FORM + ", e.g. " + EXAMPLE);
        }
    }

    /** A control or format character, or whitespace other than a plain space (which the patterns name in quotes). */
    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || (type == Character.SPACE_SEPARATOR && c != ' ')
                || Character.isWhitespace(c) && c != ' ';
    }

    private static InvalidInputException invalid(String text, String why) {
        return new InvalidInputException("Invalid model id " + InvalidInputException.quote(text) + ": " + why
                + ". Use the form " + FORM + ", e.g. " + EXAMPLE);
    }

    private static int countColons(String text) {
        return (int) text.chars().filter(c -> c == ':').count();
    }
}
