/**
 * Redux CLI's own module of its bundled runtime, linked into the image beside the JDK's: the JVM's
 * {@link java.lang.System.LoggerFinder}.
 *
 * <p>The first logger of a run (Guice's, or the one {@code System.exit} asks for) makes the JDK look for a logger
 * finder: first among the runtime's modules, then along the class path, where it opens every jar, some seventy of
 * them, a large part of a short command's start. Found here, the search ends before the class path.
 */
module io.redux.runtime {
    requires java.logging;

    provides java.lang.System.LoggerFinder with io.redux.runtime.JavaUtilLoggingFinder;
}
