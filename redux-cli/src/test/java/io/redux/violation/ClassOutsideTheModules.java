package io.redux.violation;

/** Breaks the rules on purpose: it lives in no module's package. Test code only. */
public final class ClassOutsideTheModules {
}
