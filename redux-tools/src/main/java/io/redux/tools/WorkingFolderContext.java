package io.redux.tools;

import io.redux.domain.port.ContextFile;
import io.redux.domain.port.ContextFiles;
import io.redux.domain.port.ContextSelection;
import io.redux.domain.port.ContextSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The context files of a working folder ({@link ContextSource}). A pattern is a path or a glob relative to the folder
 * ({@code *}, {@code ?}, {@code [..]}, {@code {a,b}}; {@code **} crosses folders, zero or more); a folder named
 * plainly gives the files directly in it. Globs are walked without following links. Every file is opened as
 * {@code file_read} opens one ({@link InsideFolder}): a link that leads outside the working folder is skipped with a
 * warning, never read. Each file is cut to {@link #DEFAULT_FILE_CAP} bytes, and all of them together to
 * {@link #DEFAULT_TOTAL_CAP}; a file that is not UTF-8 text (a NUL byte, or bytes that are not UTF-8) is skipped
 * with a warning.
 */
public final class WorkingFolderContext implements ContextSource {

    /** The most of one file sent: about 16,000 tokens. */
    public static final int DEFAULT_FILE_CAP = 64 * 1024;

    /** The most of all context files together: about 64,000 tokens, a third of a 200,000-token context window. */
    public static final int DEFAULT_TOTAL_CAP = 256 * 1024;

    private final Path folder;
    private final int fileCap;
    private final int totalCap;

    public WorkingFolderContext(Path workingDirectory) {
        this(workingDirectory, DEFAULT_FILE_CAP, DEFAULT_TOTAL_CAP);
    }

    public WorkingFolderContext(Path workingDirectory, int fileCap, int totalCap) {
        if (fileCap < 1 || totalCap < 1) {
            throw new IllegalArgumentException("context caps must be positive");
        }
        this.folder = workingDirectory.toAbsolutePath().normalize();
        this.fileCap = fileCap;
        this.totalCap = totalCap;
    }

    @Override
    public ContextFiles read(ContextSelection selection) {
        InsideFolder inside;
        try {
            inside = new InsideFolder(folder);
        } catch (IOException e) {
            return new ContextFiles(List.of(), List.of("the working folder cannot be read: " + e.getMessage()));
        }
        List<String> warnings = new ArrayList<>();
        Set<Path> chosen = new LinkedHashSet<>();
        for (String pattern : selection.include()) {
            chosen.addAll(matches(pattern, warnings));
        }
        for (String pattern : selection.exclude()) {
            chosen.removeAll(matches(pattern, new ArrayList<>()));
        }
        List<ContextFile> files = new ArrayList<>();
        long budget = totalCap;
        for (Path relative : chosen) {
            Optional<ContextFile> file = read(inside, relative, (int) Math.min(fileCap, budget), warnings);
            if (file.isPresent()) {
                files.add(file.get());
                budget -= file.get().size() - file.get().omittedBytes();
            }
        }
        return new ContextFiles(files, warnings);
    }

    /** The relative paths {@code pattern} names, sorted; none for a pattern that matches nothing. */
    private Set<Path> matches(String pattern, List<String> warnings) {
        Set<Path> found = new TreeSet<>();
        if (pattern.equals("~") || pattern.startsWith("~/")) {
            // The home folder, as the original CLI's agents write it (file://~/notes.md): outside the working folder.
            warnings.add(pattern + ": skipped: it is outside the working folder");
            return found;
        }
        try {
            if (!isGlob(pattern)) {
                Path path = folder.resolve(pattern).normalize();
                if (!path.startsWith(folder)) {
                    warnings.add(pattern + ": skipped: it is outside the working folder");
                } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
                        for (Path entry : entries) {
                            if (!Files.isDirectory(entry)) {
                                found.add(folder.relativize(entry));
                            }
                        }
                    }
                } else if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                    found.add(folder.relativize(path));
                }
                return found;
            }
            Path base = folder.resolve(literalPrefix(pattern)).normalize();
            if (!base.startsWith(folder)) {
                warnings.add(pattern + ": skipped: it is outside the working folder");
                return found;
            }
            if (!Files.isDirectory(base, LinkOption.NOFOLLOW_LINKS)) {
                return found;
            }
            List<PathMatcher> matchers = matchers(pattern);
            Files.walkFileTree(base, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    Path relative = folder.relativize(file);
                    if (!attributes.isDirectory() && matchers.stream().anyMatch(m -> m.matches(relative))) {
                        found.add(relative);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | IllegalArgumentException e) { // also a glob that does not parse
            warnings.add(pattern + ": skipped: " + e.getMessage());
        }
        return found;
    }

    private Optional<ContextFile> read(InsideFolder inside, Path relative, int cap, List<String> warnings) {
        String name = relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
        Optional<Opened> opened;
        try {
            opened = inside.open(folder.resolve(relative), 0);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (InsideFolder.NotAFileException e) {
            warnings.add(name + ": skipped: it is not a regular file");
            return Optional.empty();
        } catch (IOException e) {
            warnings.add(name + ": skipped: it cannot be read (" + e.getMessage() + ")");
            return Optional.empty();
        }
        if (opened.isEmpty()) {
            warnings.add(name + ": skipped: it leads outside the working folder");
            return Optional.empty();
        }
        if (!(opened.get() instanceof Opened.File file)) {
            return Optional.empty();
        }
        try (SeekableByteChannel channel = file.channel()) {
            long size = channel.size();
            ByteBuffer bytes = ByteBuffer.allocate((int) Math.min(size, cap));
            while (bytes.hasRemaining() && channel.read(bytes) >= 0) {
                // Read up to the cap.
            }
            bytes.flip();
            boolean whole = bytes.limit() >= size;
            Optional<String> text = utf8Text(bytes, whole);
            if (text.isEmpty()) {
                warnings.add(name + ": skipped: it is not UTF-8 text");
                return Optional.empty();
            }
            return Optional.of(new ContextFile(name, text.get(), size, size - bytes.position()));
        } catch (IOException e) {
            warnings.add(name + ": skipped: it cannot be read (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    /** The text of {@code bytes}, leaving a character cut by the cap undecoded; empty when it is not text. */
    private static Optional<String> utf8Text(ByteBuffer bytes, boolean whole) throws CharacterCodingException {
        for (int i = 0; i < bytes.limit(); i++) {
            if (bytes.get(i) == 0) {
                return Optional.empty();
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = CharBuffer.allocate(bytes.limit());
        CoderResult result = decoder.decode(bytes, chars, whole);
        if (result.isError() || (whole && bytes.hasRemaining())) {
            return Optional.empty();
        }
        if (whole) {
            decoder.flush(chars);
        }
        return Optional.of(chars.flip().toString());
    }

    private static boolean isGlob(String pattern) {
        return pattern.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    /** The folders a glob starts with before its first wildcard: where to walk from. */
    private static String literalPrefix(String pattern) {
        String[] parts = pattern.split("/");
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < parts.length - 1 && !isGlob(parts[i]); i++) {
            prefix.append(parts[i]).append('/');
        }
        return prefix.toString();
    }

    /** The glob, and the same with each {@code **}{@code /} matching no folder too, as users expect. */
    private static List<PathMatcher> matchers(String pattern) {
        List<PathMatcher> matchers = new ArrayList<>();
        matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
        if (pattern.contains("**/")) {
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern.replace("**/", "")));
        }
        return matchers;
    }
}
