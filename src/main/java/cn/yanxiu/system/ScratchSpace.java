package cn.yanxiu.system;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.FileSystemUtils;

/**
 * Yanxiu's folders and files in the system's temporary directory (a restored rule set being compiled, an upload
 * being imported, an export being written). Each is removed by the code that made it; a process killed with
 * SIGKILL removes nothing, so each name carries its process id, and the first one a process makes first removes
 * those whose process has ended. Only this user's entries are looked at, and links are never followed.
 */
public final class ScratchSpace {

    /** {@code yanxiu-<what>.<process id>.<random>[.<suffix>]}: the JDK writes the random part. */
    private static final Pattern NAME = Pattern.compile("yanxiu-[A-Za-z0-9-]*\\.(\\d{1,18})\\.\\d+(\\.[A-Za-z0-9]+)?");
    private static final Pattern WHAT = Pattern.compile("yanxiu-[A-Za-z0-9-]*");

    /**
     * Removed only when also left alone this long: a process of another PID namespace sharing the temporary
     * directory looks ended while its folder is in use.
     */
    static final Duration UNTOUCHED = Duration.ofHours(1);

    private static final AtomicBoolean SWEPT = new AtomicBoolean();

    private ScratchSpace() {
    }

    /** A new owner-only folder named after {@code what} (e.g. {@code yanxiu-upload}) in the temporary directory. */
    public static Path folder(String what) throws IOException {
        return Files.createTempDirectory(tmp(what), what + "." + ProcessHandle.current().pid() + ".");
    }

    /** A new owner-only file named after {@code what}, ending in {@code suffix} (e.g. {@code .xlsx}). */
    public static Path file(String what, String suffix) throws IOException {
        return Files.createTempFile(tmp(what), what + "." + ProcessHandle.current().pid() + ".", suffix);
    }

    private static Path tmp(String what) {
        if (!WHAT.matcher(what).matches()) {
            throw new IllegalArgumentException("临时文件名应为 yanxiu-…（字母、数字、连字符）：" + what);
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        if (SWEPT.compareAndSet(false, true)) {
            sweep(tmp, Instant.now());
        }
        return tmp;
    }

    /** Removes from {@code tmp} what {@link #folder} and {@link #file} made in processes that have ended; how many. */
    static int sweep(Path tmp, Instant now) {
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(tmp, "yanxiu-*")) {
            for (Path entry : entries) {
                try {
                    if (left(entry, now) && FileSystemUtils.deleteRecursively(entry)) {
                        removed++;
                    }
                } catch (IOException | RuntimeException e) {
                    // another process sweeping it at once, or another user's: left as it is
                }
            }
        } catch (IOException | RuntimeException e) {
            // the temporary directory unreadable: nothing to sweep
        }
        return removed;
    }

    private static boolean left(Path entry, Instant now) throws IOException {
        Matcher name = NAME.matcher(entry.getFileName().toString());
        if (!name.matches() || Files.isSymbolicLink(entry) || !ownedByThisUser(entry)) {
            return false;
        }
        boolean running = ProcessHandle.of(Long.parseLong(name.group(1))).map(ProcessHandle::isAlive).orElse(false);
        return !running && Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(now.minus(UNTOUCHED));
    }

    /** True when {@code path} itself (not what a link points to) belongs to the user this process runs as. */
    public static boolean ownedByThisUser(Path path) throws IOException {
        return Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"));
    }
}
