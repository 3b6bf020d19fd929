package io.redux.domain.model;

/** Turns a prompt into a one-line title. */
public final class Titles {

    public static final int MAX_LENGTH = 60;

    private Titles() {
    }

    public static String shorten(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        if (oneLine.length() <= MAX_LENGTH) {
            return oneLine;
        }
        return oneLine.substring(0, MAX_LENGTH - 1).stripTrailing() + "…";
    }
}
