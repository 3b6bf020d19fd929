package io.redux.cli.distribution;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the JDK 25 that makes the bundled runtime ({@link BundledRuntime}), in this order (the first JDK 25 with a
 * {@code jlink} wins):
 * <ol>
 *   <li>{@code -Dredux.runtime=PATH}; {@code -Dredux.runtime=none} finds none (the JDK 17 build);</li>
 *   <li>the environment variable {@code JAVA_25_HOME};</li>
 *   <li>a {@code jdk} toolchain of version 25 in {@code ~/.m2/toolchains.xml};</li>
 *   <li>the JDK running the build, if it is a JDK 25;</li>
 *   <li>the usual install folders: {@code /usr/lib/jvm/*} (Debian, Ubuntu, Fedora, Temurin's packages) and
 *       {@code /Library/Java/JavaVirtualMachines/*}{@code /Contents/Home} (macOS), by name.</li>
 * </ol>
 * A JDK is taken for 25 when its {@code release} file says {@code JAVA_VERSION="25} (any update).
 */
final class Jdk25 {

    static final String WHERE = "-Dredux.runtime, JAVA_25_HOME, ~/.m2/toolchains.xml, the build's JDK, "
            + "/usr/lib/jvm, /Library/Java/JavaVirtualMachines";

    private Jdk25() {
    }

    static Optional<Path> find(String property) throws IOException {
        if (property.equals("none")) {
            return Optional.empty();
        }
        List<Path> candidates = new ArrayList<>();
        if (!property.isBlank()) {
            candidates.add(Path.of(property));
        }
        Optional.ofNullable(System.getenv("JAVA_25_HOME")).map(Path::of).ifPresent(candidates::add);
        candidates.addAll(toolchains(Path.of(System.getProperty("user.home"), ".m2", "toolchains.xml")));
        candidates.add(Path.of(System.getProperty("java.home")));
        candidates.addAll(children(Path.of("/usr/lib/jvm"), ""));
        candidates.addAll(children(Path.of("/Library/Java/JavaVirtualMachines"), "Contents/Home"));
        return candidates.stream().filter(Jdk25::isJdk25).findFirst();
    }

    static boolean isJdk25(Path jdk) {
        Path release = jdk.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(jdk.resolve("bin/jlink"))) {
            return false;
        }
        try (Stream<String> lines = Files.lines(release, StandardCharsets.UTF_8)) {
            return lines.anyMatch(line -> line.equals("JAVA_VERSION=\"25\"") || line.startsWith("JAVA_VERSION=\"25."));
        } catch (IOException e) {
            return false;
        }
    }

    /** The jdkHome of every {@code jdk} toolchain of version 25 in a Maven toolchains file. */
    static List<Path> toolchains(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<Path> homes = new ArrayList<>();
        try {
            NodeList toolchains = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile())
                    .getElementsByTagName("toolchain");
            for (int i = 0; i < toolchains.getLength(); i++) {
                Element toolchain = (Element) toolchains.item(i);
                if (text(toolchain, "type").equals("jdk") && text(toolchain, "version").matches("25(\\..*)?")) {
                    homes.add(Path.of(text(toolchain, "jdkHome")));
                }
            }
        } catch (Exception e) {
            System.err.println("[WARNING] redux_cli: cannot read " + file + ": " + e.getMessage());
        }
        return homes;
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }

    private static List<Path> children(Path folder, String inside) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.sorted().map(child -> child.resolve(inside)).toList();
        }
    }
}
