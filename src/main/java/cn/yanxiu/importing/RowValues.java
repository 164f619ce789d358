package cn.yanxiu.importing;

import cn.yanxiu.system.PlainNumbers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.poi.ss.util.CellReference;

/**
 * Typed access to one row. Each getter that meets a bad cell records a problem naming the file, row and
 * column, and returns null, so one pass reports every bad cell of a row.
 */
final class RowValues {

    private final String file;
    private final TableRow row;
    private final Map<Column, Integer> positions;
    private final List<RowProblem> problems;
    private final int problemsBefore;

    RowValues(String file, TableRow row, Map<Column, Integer> positions, List<RowProblem> problems) {
        this.file = file;
        this.row = row;
        this.positions = positions;
        this.problems = problems;
        this.problemsBefore = problems.size();
    }

    /** True while no cell of this row has been rejected. */
    boolean ok() {
        return problems.size() == problemsBefore;
    }

    int rowNumber() {
        return row.number();
    }

    void reject(Column column, String reason) {
        Integer index = positions.get(column);
        String letter = index == null ? "-" : CellReference.convertNumToColString(index);
        problems.add(new RowProblem(file, row.number(), letter, column.header() + ": " + reason));
    }

    /** The cell's text, or "" when the column is absent or the cell empty. */
    String raw(Column column) {
        Integer index = positions.get(column);
        return index == null ? "" : row.cell(index);
    }

    String text(Column column, int maxLength) {
        String value = raw(column);
        if (value.isEmpty()) {
            if (column.required()) {
                reject(column, "不能为空");
            }
            return column.required() ? null : "";
        }
        if (value.length() > maxLength) {
            reject(column, "过长（" + value.length() + " 个字符，上限 " + maxLength + "）");
            return null;
        }
        return value;
    }

    <T> T parsed(Column column, Function<String, Optional<T>> parser, String what) {
        String value = text(column, 64);
        if (value == null || value.isEmpty()) {
            return null;
        }
        Optional<T> result = parser.apply(value);
        if (result.isEmpty()) {
            reject(column, "未知的" + what + "“" + value + "”");
        }
        return result.orElse(null);
    }

    Integer integer(Column column, int min, int max) {
        String value = text(column, 16);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value);
            if (number.stripTrailingZeros().scale() > 0) {
                reject(column, "应为整数，实为“" + value + "”");
                return null;
            }
            int n = number.intValueExact();
            if (n < min || n > max) {
                reject(column, "数值 " + n + " 超出合理范围 " + min + "–" + max);
                return null;
            }
            return n;
        } catch (NumberFormatException | ArithmeticException e) {
            reject(column, "应为整数，实为“" + value + "”");
            return null;
        }
    }

    BigDecimal decimal(Column column, double min, double max) {
        String value = text(column, 16);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value);
            if (number.doubleValue() < min || number.doubleValue() > max) {
                reject(column, "数值 " + value + " 超出合理范围 " + PlainNumbers.of(min) + "–" + PlainNumbers.of(max));
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            reject(column, "应为数字，实为“" + value + "”");
            return null;
        }
    }

    LocalDate date(Column column) {
        String value = text(column, 32);
        if (value == null || value.isEmpty()) {
            return null;
        }
        String normalised = value.replace('/', '-').replace('.', '-').replace("年", "-").replace("月", "-").replace("日", "");
        String[] parts = normalised.split("-");
        try {
            if (parts.length == 3) {
                return LocalDate.of(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()), Integer.parseInt(parts[2].strip()));
            }
            return LocalDate.parse(value);
        } catch (NumberFormatException | java.time.DateTimeException e) {
            reject(column, "应为日期（如 2025-09-01），实为“" + value + "”");
            return null;
        }
    }

    Boolean yesNo(Column column) {
        String value = text(column, 8);
        if (value == null || value.isEmpty()) {
            return null;
        }
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "是", "达标", "合格", "yes", "y", "true", "1" -> true;
            case "否", "不达标", "不合格", "no", "n", "false", "0" -> false;
            default -> {
                reject(column, "应为“是”或“否”，实为“" + value + "”");
                yield null;
            }
        };
    }

}
