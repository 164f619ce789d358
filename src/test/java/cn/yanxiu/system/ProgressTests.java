package cn.yanxiu.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Progress redraws in place on a terminal and writes whole lines into a log. */
class ProgressTests {

    @Test
    void aLogGetsWholeLinesWithoutCarriageReturns() {
        StringWriter log = new StringWriter();
        Progress p = new Progress("评价教师", 3, new PrintWriter(log), false);
        p.update(1);
        p.update(2);
        p.done();
        assertThat(log.toString()).doesNotContain("\r").contains("评价教师 1 / 3（33%）", "评价教师完成：3 个").endsWith("\n");
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
    void anUnknownTotalShowsTheCountAndTheRate() {
        StringWriter log = new StringWriter();
        Progress p = new Progress("读取 a.xlsx 行", -1, new PrintWriter(log), false);
        p.update(2048);
        p.done(2500);
        assertThat(log.toString()).contains("读取 a.xlsx 行 2,048，", "个/秒", "读取 a.xlsx 行完成：2,500 个").doesNotContain("%").doesNotContain("-1");
    }
}
