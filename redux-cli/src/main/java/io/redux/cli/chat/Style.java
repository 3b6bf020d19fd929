package io.redux.cli.chat;

/**
 * ANSI styles when colour is on ({@code CliEnvironment.colour()}), plain text otherwise; symbols in Unicode when the
 * terminal's encoding has them, in ASCII otherwise.
 */
record Style(boolean enabled, boolean unicode) {

    String toolMark() {
        return unicode ? "●" : "*";
    }

    String okMark() {
        return unicode ? "✓" : "ok";
    }

    String errorMark() {
        return unicode ? "✗" : "error:";
    }

    String dim(String text) {
        return wrap("2", text);
    }

    String bold(String text) {
        return wrap("1", text);
    }

    String error(String text) {
        return wrap("31", text);
    }

    String prompt(String text) {
        return wrap("1;32", text);
    }

    private String wrap(String code, String text) {
        return enabled ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
