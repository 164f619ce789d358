package cn.yanxiu.rules.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader rule builds look types up through: the application's, with every answer remembered.
 * Compiling a rule set asks for the same names thousands of times — the Java compiler probes whether each
 * name is a package or a type, the rule parser tries every import for every simple name — and almost all
 * are misses. In the packaged jar each miss walks every library jar; the class path does not change while
 * the process runs, so each name is looked up once.
 */
final class LookupCache extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private static final LookupCache APPLICATION = new LookupCache(LookupCache.class.getClassLoader());

    private final ConcurrentHashMap<String, Optional<Class<?>>> classes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Optional<URL>> resources = new ConcurrentHashMap<>();

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
        Optional<Class<?>> found = classes.computeIfAbsent(name, this::parentClass);
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
        return resources.computeIfAbsent(name, n -> Optional.ofNullable(getParent().getResource(n))).orElse(null);
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
