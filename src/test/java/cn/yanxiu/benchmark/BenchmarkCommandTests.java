package cn.yanxiu.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yanxiu.support.Databases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine;

/**
 * The benchmark command on a small county: it loads, measures both baselines and the batch, leaves exactly
 * the batch's results behind, agrees between plain Java and Drools, and never runs on a database with data.
 */
@SpringBootTest
class BenchmarkCommandTests {

    @Autowired
    ObjectProvider<BenchmarkCommand> benchmarks;

    @Autowired
    CommandLine.IFactory factory;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @BeforeEach
    void emptyDatabase() {
        Databases.clear(jdbc);
    }

    @Test
    void measuresTheBatchAgainstTheFloorAndTheEngines() throws Exception {
        Path report = dir.resolve("bench.md");
        Result result = run("--teachers", "300", "--engine-sample", "120", "--report", report.toString());

        assertThat(result.exit).as(result.err).isZero();
        assertThat(result.out).contains("Yanxiu benchmark: 300 teachers", "G1+G5+H1 plain Java", "G1+G5+H1 Drools", "; 0 disagreements)",
                "full rule set 2025-2026", "the same on " + Runtime.getRuntime().availableProcessors() + " threads", "I/O floor      300 teachers", "batch          300 teachers", "batch / floor");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM teacher", Integer.class)).isEqualTo(300);
        // the floor's rows are gone; the batch's run is complete with one result per teacher
        assertThat(jdbc.queryForList("SELECT status FROM evaluation_run ORDER BY id", String.class))
                .containsExactly("ABANDONED", "COMPLETED", "ABANDONED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_result r JOIN evaluation_run u ON u.id = r.run_id "
                + "WHERE u.status = 'COMPLETED'", Integer.class)).isEqualTo(300);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_result", Integer.class)).isEqualTo(300);
        List<String> lines = Files.readAllLines(report, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("I/O floor t/s", "batch t/s", "G1+G5+H1 Drools t/s", "full rule set t/s (all cores)");
        assertThat(lines.get(2).split("\\|")).as("a value under every heading").hasSize(lines.get(0).split("\\|").length);
        assertThat(lines.get(2)).startsWith("| H2 ").contains("| 300 |");
    }

    @Test
    void refusesADatabaseThatHoldsData() throws Exception {
        Result first = run("--teachers", "100", "--engine-sample", "10");
        assertThat(first.exit).as(first.err).isZero();
        int results = jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_result", Integer.class);

        Result again = run("--teachers", "100");

        assertThat(again.exit).isEqualTo(2);
        assertThat(again.err).contains("基准测试需要一个空数据库");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM teacher", Integer.class)).isEqualTo(100);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_result", Integer.class)).isEqualTo(results);
    }

    @Test
    void refusesSizesOutsideItsRange() throws Exception {
        Result tooSmall = run("--teachers", "5");
        assertThat(tooSmall.exit).isEqualTo(2);
        assertThat(tooSmall.err).contains("--teachers 应在 100 到 2000000 之间");
        Result noSize = run();
        assertThat(noSize.err).contains("请用 --teachers N 指定教师人数");
        Result noRules = run("--teachers", "100", "--rules", "/nowhere/2025-2026");
        assertThat(noRules.err).contains("找不到规则集", "--rules");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM teacher", Integer.class)).as("nothing was written").isEqualTo(0);
        assertThat(run("--teachers", "lots").exit).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM teacher", Integer.class)).isZero();
    }

    private record Result(int exit, String out, String err) {
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(benchmarks.getObject(), factory);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int exit = line.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
