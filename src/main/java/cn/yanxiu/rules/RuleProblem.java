package cn.yanxiu.rules;

/**
 * A problem in a rule set, located the way an administrator finds it: {@code file:line:column} in a DRL
 * file, {@code file!sheet!cell} in a decision table, or just the file.
 */
public record RuleProblem(String location, String message) {

    public static RuleProblem at(String file, int line, int column, String message) {
        return new RuleProblem(file + ":" + Math.max(line, 1) + ":" + Math.max(column, 1), message);
    }

    public static RuleProblem inCell(String file, String sheet, String cell, String message) {
        return new RuleProblem(file + "!" + sheet + "!" + cell, message);
    }

    public static RuleProblem inFile(String file, String message) {
        return new RuleProblem(file, message);
    }

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
