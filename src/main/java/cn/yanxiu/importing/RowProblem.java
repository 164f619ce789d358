package cn.yanxiu.importing;

/** One rejected cell or row, printed as {@code file:row:column: reason} (column as Excel's letter). */
public record RowProblem(String file, int row, String column, String reason) {

    @Override
    public String toString() {
        return file + ":" + row + ":" + column + ": " + reason;
    }
}
