package cn.yanxiu.rules.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The class loader rule builds look types up through: the application's, with every answer remembered.
 * Compiling a rule set asks for the same names thousands of times — the Java compiler probes whether each
 * name is a package or a type, the rule parser tries every import for every simple name — and almost all
 * are misses. In the packaged jar each miss walks every library jar; the class path does not change while
 * the process runs, so each name is looked up once, and a name the class path does not hold at all
 * ({@link ClassPathNames}) is not looked up: {@code rules validate} spent about 0.7 s of its build threads on
 * 3,100 such misses.
 */
final class LookupCache extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private static final LookupCache APPLICATION = new LookupCache(LookupCache.class.getClassLoader());

    private final ConcurrentHashMap<String, Optional<Class<?>>> classes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Optional<URL>> resources = new ConcurrentHashMap<>();

    /** The class path's names once read (a third of a second: the 160-odd jars' entries); until then every name is looked up. */
    private static volatile ClassPathNames classPath;
    private static final AtomicBoolean READING = new AtomicBoolean();

    /**
     * Starts reading the class path's names on a thread of its own, once per process: called as a rule set's files
     * are read, so the names are there when its build begins. A build that starts sooner only looks names up as before.
     */
    static void readClassPathNames() {
        // java.class.path describes the JVM's own application loader only, not a loader some container put Yanxiu in
        if (APPLICATION.getParent() == ClassLoader.getSystemClassLoader() && READING.compareAndSet(false, true)) {
            Thread thread = new Thread(() -> classPath = ClassPathNames.ofApplication(), "yanxiu-class-path-names");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** True once the names are read (tests wait for it). */
    static boolean classPathNamesRead() {
        return classPath != null;
    }

    private static boolean mayHold(String resource) {
        ClassPathNames names = classPath;
        return names == null || names.mayHold(resource);
    }

    private LookupCache(ClassLoader application) {
        super("yanxiu-rule-lookups", application);
    }

    /** The one cache over the loader that holds the rule vocabulary. */
    static ClassLoader application() {
        return APPLICATION;
    }

    /** A server compiles rule sets for months: names no rule set asks for again must not pile up without end. */
    private static final int KEPT_NAMES = 100_000;

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (classes.size() > KEPT_NAMES) {
            classes.clear();
        }
        Optional<Class<?>> found = classes.computeIfAbsent(name, n -> mayHold(n.replace('.', '/') + ".class") ? parentClass(n) : Optional.empty());
        return found.orElseThrow(() -> new ClassNotFoundException(name));
    }

    private Optional<Class<?>> parentClass(String name) {
        try {
            return Optional.of(getParent().loadClass(name));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public URL getResource(String name) {
        if (resources.size() > KEPT_NAMES) {
            resources.clear();
        }
        return resources.computeIfAbsent(name, n -> mayHold(n) ? Optional.ofNullable(getParent().getResource(n)) : Optional.empty()).orElse(null);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        URL url = getResource(name);
        if (url == null) {
            return null;
        }
        try {
            return url.openStream();
        } catch (IOException e) {
            return null;
        }
    }
}
