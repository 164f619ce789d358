package cn.yanxiu.rules.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Every name on a class path — the jars', those their manifests name in turn, the folders' — held as 64-bit hashes,
 * read once. A rule build asks the class loader for thousands of names that exist nowhere (the Java compiler tries each
 * simple name in every imported package, the rule parser every import), and the class loader answers each such miss
 * only after looking in every one of the 160-odd library jars. A name this index does not hold, outside the JDK's own
 * packages, is not there: the miss is answered at once. A name it may hold (a hash can collide) is still looked up
 * the ordinary way, so an answer is never different from the class loader's.
 */
final class ClassPathNames {

    private static final String VERSIONS = "META-INF/versions/";
    /** FNV-1a's 64-bit offset basis and prime. */
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /** Sorted hashes of every entry name, of every folder above one, and of each multi-release entry's plain name. */
    private final long[] hashes;
    /** Packages of the JDK's modules ({@code java/lang} …): their names are the JDK's to answer. */
    private final Set<String> jdkPackages;

    private ClassPathNames(long[] hashes, Set<String> jdkPackages) {
        this.hashes = hashes;
        this.jdkPackages = jdkPackages;
    }

    /** The application's class path, or null when some part of it cannot be read (then nothing is answered early). */
    static ClassPathNames ofApplication() {
        String classPath = System.getProperty("java.class.path", "");
        return of(Stream.of(classPath.split(File.pathSeparator)).filter(s -> !s.isEmpty()).map(Path::of).toList());
    }

    /** The names on these class path elements (jars or folders), or null when one cannot be read. */
    static ClassPathNames of(Iterable<Path> elements) {
        Names names = new Names();
        Deque<Path> pending = new ArrayDeque<>();
        elements.forEach(pending::add);
        Set<Path> seen = new HashSet<>();
        try {
            while (!pending.isEmpty()) {
                Path element = pending.poll().toAbsolutePath().normalize();
                if (!seen.add(element) || !Files.exists(element)) {
                    continue; // the JVM skips a missing element too
                }
                if (Files.isDirectory(element)) {
                    addFolder(element, names);
                } else {
                    addJar(element, names, pending);
                }
            }
        } catch (IOException | RuntimeException | URISyntaxException e) {
            return null;
        }
        Set<String> jdk = new HashSet<>();
        ModuleLayer.boot().modules().forEach(m -> m.getPackages().forEach(p -> jdk.add(p.replace('.', '/'))));
        return new ClassPathNames(names.sorted(), jdk);
    }

    /** False only when the class path certainly has no resource of this name ({@code a/b/C.class}, {@code a/b}). */
    boolean mayHold(String resource) {
        int slash = resource.lastIndexOf('/');
        if (slash > 0 && jdkPackages.contains(resource.substring(0, slash)) || resource.startsWith("META-INF/")) {
            // the JDK answers its own packages quickly; META-INF/… may be a JDK module's too (services, manifests)
            return true;
        }
        return Arrays.binarySearch(hashes, hash(resource)) >= 0;
    }

    private static void addFolder(Path folder, Names names) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(p -> !p.equals(folder)).forEach(p -> names.add(folder.relativize(p).toString().replace(File.separatorChar, '/')));
        }
    }

    private static void addJar(Path jar, Names names, Deque<Path> pending) throws IOException, URISyntaxException {
        try (ZipFile file = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                names.addWithFolders(name.endsWith("/") ? name.substring(0, name.length() - 1) : name);
                if (name.startsWith(VERSIONS)) {
                    int slash = name.indexOf('/', VERSIONS.length());
                    if (slash > 0 && slash + 1 < name.length()) {
                        names.addWithFolders(name.substring(slash + 1));
                    }
                }
            }
            ZipEntry manifestEntry = file.getEntry(JarFile.MANIFEST_NAME);
            if (manifestEntry == null) {
                return;
            }
            String classPath;
            try (InputStream in = file.getInputStream(manifestEntry)) {
                classPath = new Manifest(in).getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            }
            if (classPath != null) {
                URL base = jar.toUri().toURL();
                for (String relative : classPath.trim().split("\\s+")) {
                    if (!relative.isEmpty()) {
                        URL url = new URL(base, relative);
                        if (!"file".equals(url.getProtocol())) {
                            throw new IOException("class path entry outside the file system: " + url);
                        }
                        pending.add(Path.of(url.toURI()));
                    }
                }
            }
        }
    }

    /** FNV-1a over the name's characters, 64 bits: at 70,000 names a collision is a one-in-billions look-up, never a wrong answer. */
    static long hash(String name) {
        long h = FNV_OFFSET;
        for (int i = 0; i < name.length(); i++) {
            h = (h ^ name.charAt(i)) * FNV_PRIME;
        }
        return h;
    }

    /** Hashes gathered while reading, then sorted once. */
    private static final class Names {
        private long[] hashes = new long[1 << 16];
        private int size;

        void add(String name) {
            addHash(hash(name));
        }

        /** The name and every folder above it ({@code a/b/C.class}, {@code a/b}, {@code a}): a prefix's hash is the running one at its slash. */
        void addWithFolders(String name) {
            long h = FNV_OFFSET;
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c == '/' && i > 0) {
                    addHash(h);
                }
                h = (h ^ c) * FNV_PRIME;
            }
            addHash(h);
        }

        private void addHash(long h) {
            if (size == hashes.length) {
                hashes = Arrays.copyOf(hashes, size * 2);
            }
            hashes[size++] = h;
        }

        /** Sorted, each hash once. */
        long[] sorted() {
            long[] all = Arrays.copyOf(hashes, size);
            Arrays.sort(all);
            int unique = 0;
            for (int i = 0; i < all.length; i++) {
                if (unique == 0 || all[i] != all[unique - 1]) {
                    all[unique++] = all[i];
                }
            }
            return Arrays.copyOf(all, unique);
        }
    }
}
