package cn.yanxiu.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar runs with its libraries beside it, and copied without them says what is missing in one line. */
class PackagedJarFunctionalTests {

    @TempDir
    Path dir;

    @Test
    void theJarAnswersWithItsLibrariesAndNamesThemWhenCopiedAlone() throws Exception {
        Result packaged = run(Path.of("target/yanxiu.jar"), "--help");
        assertThat(packaged.exit()).as(packaged.err()).isZero();
        assertThat(packaged.out()).startsWith("用法：yanxiu");

        Path alone = Files.copy(Path.of("target/yanxiu.jar"), dir.resolve("yanxiu.jar"));
        Result copied = run(alone, "--help");
        assertThat(copied.exit()).isEqualTo(1);
        assertThat(copied.out()).isEmpty();
        assertThat(copied.err().strip()).isEqualTo("找不到 Yanxiu 的程序库：yanxiu.jar 须与构建时生成的 lib 文件夹放在同一目录（target/yanxiu.jar 与 target/lib/ 一起复制）");
    }

    private record Result(int exit, String out, String err) {
    }

    private Result run(Path jar, String... args) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(javaBin, "-Dfile.encoding=UTF-8", "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
