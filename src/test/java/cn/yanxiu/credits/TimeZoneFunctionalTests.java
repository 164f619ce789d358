package cn.yanxiu.credits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Time with a zone: the packaged jar records an approval on a machine set to Asia/Shanghai, and the ledger reads the
 * same, to the second, on a machine set to UTC — stored as an instant in UTC, shown in the configured zone. Numbers
 * alike: an explanation reads the same on a machine whose locale writes decimals with a comma.
 */
class TimeZoneFunctionalTests {

    private static final Pattern SHOWN = Pattern.compile("教研组认定：通过 \\S+ (\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}) \\+08:00");

    @TempDir
    Path dir;

    @Test
    void anApprovalRecordedInShanghaiReadsTheSameUnderUtcAndUnderShanghai() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("yanxiu").toAbsolutePath() + ";WRITE_DELAY=0";
        String shanghai = "Asia/Shanghai";
        assertThat(run(url, "UTC", "generate", "--teachers", "12", "--out", dir.resolve("county").toString()).exit()).isZero();
        assertThat(run(url, shanghai, "import", dir.resolve("county").toString()).exit()).isZero();
        assertThat(run(url, shanghai, "evaluate", "--term", "2025-2026-1", "--rules", "rules/2025-2026").exit()).isZero();
        assertThat(run(url, shanghai, "credits", "propose", "--run", "1", "--by", "教务处").exit()).isZero();
        Instant approved = Instant.now();
        Result approval = run(url, shanghai, "credits", "approve", "--step", "group", "--term", "2025-2026-1", "--by", "教研组长");
        assertThat(approval.exit()).as(approval.err()).isZero();

        String scored;
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            ResultSet rs = c.createStatement().executeQuery("SELECT MIN(teacher_id) FROM evaluation_result WHERE final_score IS NOT NULL");
            rs.next();
            scored = rs.getString(1);
        }
        Result explained = run(url, shanghai, "explain", "--term", "2025-2026-1", "--teacher", scored);
        Result explainedInGerman = runWith(url, shanghai, "-Duser.language=de -Duser.country=DE", "explain", "--term", "2025-2026-1", "--teacher", scored);
        assertThat(explained.exit()).as(explained.err()).isZero();
        assertThat(explained.out()).containsPattern("最终得分 = .* = \\d+\\.\\d{2}");
        assertThat(explainedInGerman.out()).isEqualTo(explained.out());

        String teacher;
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            ResultSet rs = c.createStatement().executeQuery("SELECT MIN(teacher_id) FROM credit_entry WHERE status = 'GROUP_APPROVED'");
            rs.next();
            teacher = rs.getString(1);
        }
        Result inUtc = run(url, "UTC", "credits", "show", "--teacher", teacher);
        Result inShanghai = run(url, shanghai, "credits", "show", "--teacher", teacher);
        assertThat(inUtc.exit()).as(inUtc.err()).isZero();
        assertThat(inUtc.out()).isEqualTo(inShanghai.out());

        // shown in the configured zone (Asia/Shanghai), within a minute of when it happened
        Matcher m = SHOWN.matcher(inUtc.out());
        assertThat(m.find()).as(inUtc.out()).isTrue();
        Instant shown = LocalDateTime.parse(m.group(1), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")).atZone(ZoneId.of(shanghai)).toInstant();
        assertThat(Duration.between(approved, shown).abs()).isLessThan(Duration.ofMinutes(2));
    }

    record Result(int exit, String out, String err) {
    }

    private Result run(String url, String zone, String... args) throws IOException, InterruptedException {
        return runWith(url, zone, null, args);
    }

    /** {@code javaOptions}: given to the JVM as the machine's own settings would be ({@code JAVA_TOOL_OPTIONS}), or null. */
    private Result runWith(String url, String zone, String javaOptions, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 5];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        command[1] = "-Xmx512m";
        // short commands on a dozen teachers: the quick compiler alone starts them sooner
        command[2] = "-XX:TieredStopAtLevel=1";
        command[3] = "-jar";
        command[4] = "target/yanxiu.jar";
        System.arraycopy(args, 0, command, 5, args.length);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("SPRING_DATASOURCE_URL", url);
        builder.environment().put("TZ", zone);
        builder.environment().remove("YANXIU_ZONE");
        if (javaOptions != null) {
            builder.environment().put("JAVA_TOOL_OPTIONS", javaOptions);
        }
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        File out = dir.resolve("out-" + System.nanoTime()).toFile();
        File err = dir.resolve("err-" + System.nanoTime()).toFile();
        builder.redirectOutput(out);
        builder.redirectError(err);
        int exit = builder.start().waitFor();
        return new Result(exit, java.nio.file.Files.readString(out.toPath(), StandardCharsets.UTF_8),
                java.nio.file.Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }
}
