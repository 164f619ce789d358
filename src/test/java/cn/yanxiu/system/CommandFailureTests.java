package cn.yanxiu.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** A command that runs out of memory midway says so in one line and exits 1, not "cannot start". */
class CommandFailureTests {

    @Command(name = "exhaust")
    static class Exhausting implements YanxiuSubcommand, Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Test
    void aCommandOutOfMemoryIsReportedAsTheCommandsFailure() {
        CommandLineEntry entry = new CommandLineEntry(new YanxiuCommand(), List.of(new Exhausting()), CommandLine.defaultFactory());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream before = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            entry.run("exhaust");
        } finally {
            System.setErr(before);
        }
        assertThat(entry.getExitCode()).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("出错：内存不足（Java heap space）；可用 java -Xmx 给出更多内存后重试（加 --verbose 查看详细信息）");
    }
}
