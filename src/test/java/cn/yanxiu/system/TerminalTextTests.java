package cn.yanxiu.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TerminalTextTests {

    @Test
    void chineseTakesTwoColumnsSoColumnsLineUp() {
        assertThat(TerminalText.width("茶店小学")).isEqualTo(8);
        assertThat(TerminalText.width("S0101（中心校）")).isEqualTo(5 + 2 + 6 + 2);
        List<String> rows = List.of(TerminalText.left("学校", 20) + TerminalText.right("优秀", 8),
                TerminalText.left("茶店镇中心小学", 20) + TerminalText.right("143", 8),
                TerminalText.left("No.1 Middle", 20) + TerminalText.right("7", 8));
        assertThat(rows).extracting(TerminalText::width).containsOnly(28);
    }
}
