package cn.yanxiu.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Progress redraws in place on a terminal and writes whole lines into a log. */
class ProgressTests {

    @Test
    void aLogGetsWholeLinesWithoutCarriageReturns() {
        StringWriter log = new StringWriter();
        Progress p = new Progress("评价教师", 3, new PrintWriter(log), false);
        p.update(1);
        p.update(2);
        p.update(3);
        p.done();
        assertThat(log.toString()).doesNotContain("\r").contains("评价教师 1 / 3（33%）", "评价教师完成：3 个").endsWith("\n");
        assertThat(log.toString().lines().filter(l -> l.startsWith("评价教师 3 / 3"))).as("the last count once").hasSize(1);
        assertThat(log.toString().lines()).allSatisfy(l -> assertThat(l).doesNotEndWith(" "));
    }

    @Test
    void aTerminalRedrawsOneLine() {
        StringWriter screen = new StringWriter();
        Progress p = new Progress("导入", 2, new PrintWriter(screen), true);
        p.update(1);
        p.done();
        assertThat(screen.toString()).startsWith("\r导入 1 / 2").contains("\r导入 2 / 2");
    }

    @Test
    void theLabelComesFirstOnALineOfItsOwnThenTheCounts() {
        StringWriter screen = new StringWriter();
        Progress p = new Progress("导入 a.csv", 2, new PrintWriter(screen), true);
        p.begin();
        p.update(1);
        assertThat(screen.toString()).startsWith("导入 a.csv …" + System.lineSeparator() + "\r导入 a.csv 1 / 2");
        StringWriter log = new StringWriter();
        new Progress("评价教师", 3, new PrintWriter(log), false).begin();
        assertThat(log.toString()).isEqualTo("评价教师 …" + System.lineSeparator());
    }

    @Test
    void theRateAndTimeLeftComeFromTheLastSecondsOfCountsNotFromASlowStart() {
        StringWriter log = new StringWriter();
        long[] now = {0};
        Progress p = new Progress("评价教师", 100_000, new PrintWriter(log), false, () -> now[0]);
        // 30 seconds of rules warming up, then the first 100 teachers on cold code
        now[0] = 30_000_000_000L;
        p.update(100);
        now[0] = 31_000_000_000L;
        p.update(1_100);
        now[0] = 45_000_000_000L;
        p.update(15_100);
        now[0] = 60_000_000_000L;
        p.update(15_100);
        List<String> lines = log.toString().lines().toList();
        assertThat(lines.get(0)).as("the first count starts the measure: no rate yet").isEqualTo("评价教师 100 / 100,000（0%）");
        assertThat(lines.get(1)).isEqualTo("评价教师 1,100 / 100,000（1%）1,000 个/秒，预计剩余 1:38");
        assertThat(lines.get(2)).as("over the last window, not since the start (15,100 in 45 s would be 336 a second)")
                .isEqualTo("评价教师 15,100 / 100,000（15%）1,000 个/秒，预计剩余 1:24");
        assertThat(lines.get(3)).as("nothing done in the last window").isEqualTo("评价教师 15,100 / 100,000（15%）0 个/秒，预计剩余 未知");
        p.done(100_000);
        assertThat(log.toString().lines().reduce((a, b) -> b).orElseThrow()).as("the closing line: the whole work's time and average")
                .isEqualTo("评价教师完成：100,000 个，用时 60.0 秒（1,667 个/秒）");
    }

    @Test
    void anUnknownTotalShowsTheCountAndTheRate() {
        StringWriter log = new StringWriter();
        long[] now = {0};
        Progress p = new Progress("读取 a.xlsx 行", -1, new PrintWriter(log), false, () -> now[0]);
        p.update(2048);
        now[0] = 1_000_000_000L;
        p.update(4096);
        now[0] = 1_250_000_000L;
        p.done(4500);
        assertThat(log.toString().lines()).containsExactly("读取 a.xlsx 行 2,048", "读取 a.xlsx 行 4,096，2,048 个/秒", "读取 a.xlsx 行 4,500，1,962 个/秒",
                "读取 a.xlsx 行完成：4,500 个，用时 1.3 秒（3,600 个/秒）");
    }
}
