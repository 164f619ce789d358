package cn.yanxiu.importing;

import java.util.List;

/**
 * What happened to one file: imported whole ({@code problems} empty, {@code summary} says what was written)
 * or refused whole, with every rejected cell.
 */
public record ImportResult(String file, String kind, String summary, List<RowProblem> problems, int problemCount) {

    public boolean imported() {
        return problemCount == 0;
    }
}
