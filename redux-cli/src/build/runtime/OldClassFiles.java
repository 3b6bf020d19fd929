import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Build-time step of the bundled runtime, run by the JDK 25 that makes it (java.lang.classfile is JDK 24+, so this
 * file is launched from source rather than compiled with the build steps, which target Java 17):
 *
 * <pre>java OldClassFiles.java LIB_FOLDER</pre>
 *
 * <p>A JDK 25 AOT cache leaves out every class file older than Java 6 (version 50): such classes carry no stack map
 * frames, so they cannot be verified, hence linked, ahead of time ("Unlinked class not supported by AOTClassLinking").
 * picocli is compiled for Java 5, so every run loaded and verified its 228 classes from the jar, with the old
 * verifier, and interpreted them without profiles; aopalliance (Java 1.3) and Guice's repackaged ASM are the same.
 * This step gives every such class its frames and version 50, in place, leaving its code as it was: the JDK's class
 * file library re-emits each method's instructions and computes the frames, as javac would have for Java 6. A jar
 * it changed says so in {@value #NOTICE}, as their licence (Apache 2.0) asks of a modified file.
 */
public final class OldClassFiles {

    /** The first class file version with stack map frames (Java 6). */
    private static final int JAVA_6 = 50;
    private static final String NOTICE = "META-INF/REDUX_CLI_CHANGES.txt";

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java OldClassFiles.java LIB_FOLDER");
            System.exit(2);
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            jars = files.filter(file -> file.toString().endsWith(".jar")).sorted().toList();
        }
        for (Path jar : jars) {
            if (!hasOldClassFiles(jar)) {
                continue;
            }
            int changed = upgrade(jar);
            if (changed > 0) {
                System.out.println(jar.getFileName() + ": " + changed + " class files given stack map frames");
            }
        }
    }

    /** Whether a class file of {@code jar} is older than Java 6, by its header alone: most jars are left as they are. */
    static boolean hasOldClassFiles(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (isClassFile(entry)) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        byte[] header = in.readNBytes(8);
                        // magic (4 bytes), minor version (2), major version (2, big-endian)
                        if (header.length == 8 && ((header[6] & 0xff) << 8 | header[7] & 0xff) < JAVA_6) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private static boolean isClassFile(ZipEntry entry) {
        return entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/");
    }

    /** Rewrites {@code jar} when it has old class files (to a temporary file, then moved over it); their count. */
    static int upgrade(Path jar) throws IOException {
        Path upgraded = jar.resolveSibling(jar.getFileName() + ".tmp");
        int changed = 0;
        try (URLClassLoader classes = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
             InputStream in = Files.newInputStream(jar);
             ZipInputStream entries = new ZipInputStream(in);
             OutputStream out = Files.newOutputStream(upgraded);
             ZipOutputStream copy = new ZipOutputStream(out)) {
            // Frames name the common superclass of two types, so the resolver reads the jar's own classes as well.
            ClassFile classFile = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
                    ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
                            .orElse(ClassHierarchyResolver.ofResourceParsing(classes))));
            boolean noticed = false;
            long time = 0;
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                byte[] bytes = entries.readAllBytes();
                if (isClassFile(entry)) {
                    ClassModel model = classFile.parse(bytes);
                    if (model.majorVersion() < JAVA_6) {
                        bytes = classFile.transformClass(model, ClassTransform.transformingMethodBodies(
                                CodeTransform.ACCEPT_ALL).andThen((builder, element) -> builder.with(
                                element instanceof ClassFileVersion ? ClassFileVersion.of(JAVA_6, 0) : element)));
                        changed++;
                    }
                }
                ZipEntry kept = new ZipEntry(entry.getName());
                kept.setTime(entry.getTime());
                time = Math.max(time, entry.getTime());
                copy.putNextEntry(kept);
                copy.write(bytes);
                copy.closeEntry();
                noticed |= entry.getName().equals(NOTICE);
            }
            if (changed > 0 && !noticed) {
                ZipEntry notice = new ZipEntry(NOTICE);
                // The jar's own time, so a reproducible build stays reproducible.
                notice.setTime(time);
                copy.putNextEntry(notice);
                copy.write(("Redux CLI's build changed this jar: its " + changed + " class files older than Java 6"
                        + " were given stack map frames and class file version 50, so that a Java AOT cache can hold"
                        + " them. Their code is unchanged.\n").getBytes(StandardCharsets.UTF_8));
                copy.closeEntry();
            }
        }
        if (changed > 0) {
            // An AOT cache checks each jar's time, and the tar.gz gives every file the build's fixed time: the jar keeps
            // the time it had, so a cache trained here still fits the unpacked tar.gz.
            FileTime time = Files.getLastModifiedTime(jar);
            Files.move(upgraded, jar, StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(jar, time);
        } else {
            Files.delete(upgraded);
        }
        return changed;
    }
}
