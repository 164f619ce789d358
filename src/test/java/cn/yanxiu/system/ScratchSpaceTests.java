package cn.yanxiu.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchSpaceTests {

    private static final Instant NOW = Instant.now();

    @TempDir
    Path tmp;

    @Test
    void whatAKilledProcessLeftIsRemovedByTheNextSweep() throws Exception {
        long ended = endedProcess();
        Path rules = left("yanxiu-rules-74e243d0." + ended + ".8123", true);
        Files.writeString(Files.createDirectories(rules.resolve("tables")).resolve("G.drl"), "rule");
        aged(rules);
        Path export = aged(left("yanxiu-export." + ended + ".55.xlsx", false));

        assertThat(ScratchSpace.sweep(tmp, NOW)).isEqualTo(2);

        assertThat(rules).doesNotExist();
        assertThat(export).doesNotExist();
    }

    @Test
    void aRunningProcessesFilesARecentFolderAndOthersNamesStay() throws Exception {
        long ended = endedProcess();
        long running = ProcessHandle.current().pid();
        Path ours = aged(left("yanxiu-rule-folders." + running + ".1", true));
        Path recent = left("yanxiu-upload." + ended + ".2", true);
        Path notOurs = aged(left("yanxiu-bulk-root", true));
        Path otherName = aged(left("yanxiu-upload-" + ended + "-3", true));
        Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("keep.txt"), "keep");
        Path link = Files.createSymbolicLink(tmp.resolve("yanxiu-upload." + ended + ".4"), elsewhere);
        Path anothers = left("yanxiu-upload." + ended + ".5", true);
        boolean ownerChanged = givenToAnotherUser(anothers);
        if (ownerChanged) {
            aged(anothers);
        } else {
            Files.delete(anothers);
        }

        assertThat(ScratchSpace.sweep(tmp, NOW)).isZero();

        assertThat(ours).isDirectory();
        assertThat(recent).isDirectory();
        assertThat(notOurs).isDirectory();
        assertThat(otherName).isDirectory();
        assertThat(link).isSymbolicLink();
        assertThat(elsewhere.resolve("keep.txt")).hasContent("keep");
        if (ownerChanged) {
            assertThat(anothers).as("another user's folder").isDirectory();
        }
    }

    /** Only a superuser may give a file away: elsewhere that part of the test has nothing to check. */
    private static boolean givenToAnotherUser(Path p) {
        try {
            Files.setOwner(p, p.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    @Test
    void madeOwnerOnlyAndNamedAfterThisProcess() throws Exception {
        Path folder = ScratchSpace.folder("yanxiu-rules-0123abcd");
        Path file = ScratchSpace.file("yanxiu-export", ".xlsx");
        try {
            String pid = "." + ProcessHandle.current().pid() + ".";
            assertThat(folder.getFileName().toString()).startsWith("yanxiu-rules-0123abcd" + pid);
            assertThat(file.getFileName().toString()).startsWith("yanxiu-export" + pid).endsWith(".xlsx");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            // this process is running: its own sweep keeps them, however old
            aged(folder);
            aged(file);
            ScratchSpace.sweep(folder.getParent(), NOW);
            assertThat(folder).isDirectory();
            assertThat(file).isRegularFile();
        } finally {
            Files.deleteIfExists(folder);
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aNameThatLeavesTheTemporaryDirectoryIsRefused() {
        for (String hostile : new String[] {"../yanxiu-x", "yanxiu-a/../../etc", "yanxiu-a.1", "other", ""}) {
            assertThatThrownBy(() -> ScratchSpace.folder(hostile)).as(hostile).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private Path left(String name, boolean folder) throws IOException {
        Path p = tmp.resolve(name);
        return folder ? Files.createDirectory(p) : Files.writeString(p, "x");
    }

    private static Path aged(Path p) throws IOException {
        Files.setLastModifiedTime(p, FileTime.from(NOW.minus(ScratchSpace.UNTOUCHED).minusSeconds(60)));
        return p;
    }

    /** The id of a process that has ended (ids are reused only after the counter wraps). */
    private static long endedProcess() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        assertThat(ProcessHandle.of(p.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        return p.pid();
    }
}
