package cn.yanxiu.rules;

import cn.yanxiu.rules.vocabulary.CareerStage;
import cn.yanxiu.rules.vocabulary.CreditRate;
import cn.yanxiu.rules.vocabulary.GradeBand;
import cn.yanxiu.rules.vocabulary.PolicyParameter;
import cn.yanxiu.rules.vocabulary.RoleQuota;
import cn.yanxiu.rules.vocabulary.Weight;
import cn.yanxiu.system.PlainNumbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks of what the DRL files say, read as text beside the parameter tables: every parameter a rule reads
 * exists (a misspelt name would silently switch the rule off), every grade a rule names is one of the
 * manifest's grades, and — as warnings — a policy number written in a rule that is also in a table or in
 * another rule (one number, one place: editing one copy leaves the other behind).
 */
final class RuleTextChecks {

    /** Numbers of arithmetic, not of policy: rounding to 1 or 2 decimals, percent, "none", "one". */
    private static final Set<String> ARITHMETIC = Set.of("0", "1", "10", "100", "1000");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.$%])(\\d+(?:\\.\\d+)?)(?![\\w.])");
    private static final Pattern PARAMETER = Pattern.compile("PolicyParameter\\s*\\(\\s*name\\s*==\\s*\"([^\"]*)\"");
    private static final Pattern LABEL_COMPARED = Pattern.compile("(?:label|highestGrade)\\s*(?:==|!=)\\s*\"([^\"]*)\"");
    private static final Pattern LABEL_LISTED = Pattern.compile("label\\s+(?:not\\s+)?in\\s*\\(([^)]*)\\)");
    private static final Pattern LABEL_EQUALS = Pattern.compile("\"([^\"]+)\"\\s*\\.equals\\(\\s*\\$\\w+\\.getLabel\\(\\)");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    record Result(List<RuleProblem> problems, List<RuleProblem> warnings) {
    }

    private final Manifest manifest;
    private final List<RuleFile> files;
    private final Map<Object, String> parameters;
    private final Function<String, RuleProblem> tableRow;
    private final List<RuleProblem> problems = new ArrayList<>();
    private final List<RuleProblem> warnings = new ArrayList<>();

    /** {@code tableRow} locates a parameter-inserting rule's table row, with an empty message. */
    RuleTextChecks(Manifest manifest, List<RuleFile> files, Map<Object, String> parameters, Function<String, RuleProblem> tableRow) {
        this.manifest = manifest;
        this.files = files;
        this.parameters = parameters;
        this.tableRow = tableRow;
    }

    Result run() {
        Map<String, String> parameterNames = parameterNames();
        Set<String> used = new LinkedHashSet<>();
        Map<String, List<String>> numbersInRules = new LinkedHashMap<>();
        for (RuleFile file : files) {
            if (file.isDecisionTable() || !file.name().endsWith(".drl")) {
                continue;
            }
            String[] lines = withoutComments(file.compiledText()).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                checkParameters(file.name(), i + 1, line, parameterNames, used);
                checkGrades(file.name(), i + 1, line);
                if (!line.strip().startsWith("salience")) {
                    Matcher m = NUMBER.matcher(line);
                    while (m.find()) {
                        String n = PlainNumbers.of(Double.parseDouble(m.group(1)));
                        if (!ARITHMETIC.contains(n)) {
                            numbersInRules.computeIfAbsent(n, k -> new ArrayList<>()).add(file.name() + ":" + (i + 1));
                        }
                    }
                }
            }
        }
        parameterNames.forEach((name, rule) -> {
            if (!used.contains(name)) {
                warnings.add(located(rule, "参数“" + name + "”没有任何规则读取：改它不会改变评价"));
            }
        });
        Map<String, String> tableNumbers = tableNumbers();
        numbersInRules.forEach((number, places) -> {
            List<String> distinct = places.stream().distinct().toList();
            String inTable = tableNumbers.get(number);
            if (inTable != null) {
                warnings.add(new RuleProblem(distinct.get(0), "数字 " + number + " 写在规则里，也写在表格 " + inTable
                        + "：同一政策数字写在两处，改一处会漏另一处；请在规则中读取参数（parameters.drl.xlsx）"));
            } else if (distinct.size() > 1) {
                warnings.add(new RuleProblem(distinct.get(0), "数字 " + number + " 写在规则的 " + distinct.size() + " 处（" + String.join("、", distinct)
                        + "）：同一政策数字应只写一次，放进 parameters.drl.xlsx 并由规则读取"));
            }
        });
        return new Result(problems, warnings);
    }

    /** Parameter name → the table rule that inserts it; a name given twice is a problem. */
    private Map<String, String> parameterNames() {
        Map<String, String> names = new LinkedHashMap<>();
        parameters.forEach((fact, rule) -> {
            if (fact instanceof PolicyParameter p) {
                if (p.getName() == null || p.getName().isBlank()) {
                    problems.add(located(rule, "参数名称为空"));
                } else if (names.putIfAbsent(p.getName(), rule) != null) {
                    problems.add(located(rule, "参数“" + p.getName() + "”重复：同一参数只能写一行"));
                }
            }
        });
        return names;
    }

    private void checkParameters(String file, int line, String text, Map<String, String> names, Set<String> used) {
        Matcher m = PARAMETER.matcher(text);
        while (m.find()) {
            used.add(m.group(1));
            if (!names.containsKey(m.group(1))) {
                problems.add(RuleProblem.at(file, line, m.start(1), "规则读取的参数“" + m.group(1)
                        + "”不在 parameters.drl.xlsx 中：这条规则将永远不会触发。请核对参数名称"));
            }
        }
    }

    private void checkGrades(String file, int line, String text) {
        List<String> named = new ArrayList<>();
        Matcher m = LABEL_COMPARED.matcher(text);
        while (m.find()) {
            named.add(m.group(1));
        }
        m = LABEL_LISTED.matcher(text);
        while (m.find()) {
            Matcher q = QUOTED.matcher(m.group(1));
            while (q.find()) {
                named.add(q.group(1));
            }
        }
        m = LABEL_EQUALS.matcher(text);
        while (m.find()) {
            named.add(m.group(1));
        }
        for (String grade : named) {
            if (!manifest.grades().contains(grade)) {
                problems.add(RuleProblem.at(file, line, Math.max(1, text.indexOf('"' + grade + '"') + 1), "规则中的等级“" + grade
                        + "”不是 manifest.yaml 的等级之一（" + String.join("、", manifest.grades()) + "）"));
            }
        }
    }

    /** Every number the tables hold → the rows it is written in (parameters first), e.g. "parameters.drl.xlsx!政策参数!A10、weights.drl.xlsx!权重!A11". */
    private Map<String, String> tableNumbers() {
        Map<String, java.util.TreeSet<String>> numbers = new LinkedHashMap<>();
        parameters.forEach((fact, rule) -> {
            for (double value : numbersOf(fact)) {
                String n = PlainNumbers.of(value);
                if (!ARITHMETIC.contains(n)) {
                    String at = located(rule, "").location();
                    // parameters.drl.xlsx sorts before the other tables: the place a number belongs is named first
                    numbers.computeIfAbsent(n, k -> new java.util.TreeSet<>(java.util.Comparator
                            .comparing((String l) -> !l.startsWith("parameters.")).thenComparing(l -> l))).add(at);
                }
            }
        });
        Map<String, String> joined = new LinkedHashMap<>();
        numbers.forEach((n, places) -> joined.put(n, String.join("、", places)));
        return joined;
    }

    private static double[] numbersOf(Object fact) {
        if (fact instanceof PolicyParameter p) {
            return new double[] {p.getValue()};
        }
        if (fact instanceof RoleQuota q) {
            return new double[] {q.getLessonsPerWeek()};
        }
        if (fact instanceof Weight w) {
            return new double[] {w.getPercent()};
        }
        if (fact instanceof GradeBand b) {
            return new double[] {b.getMin(), b.getMax()};
        }
        if (fact instanceof CareerStage c) {
            return new double[] {c.getMinYears(), c.getMaxYears(), c.getCount()};
        }
        if (fact instanceof CreditRate r) {
            return new double[] {r.getHoursPerCredit()};
        }
        return new double[0];
    }

    private RuleProblem located(String rule, String message) {
        RuleProblem at = tableRow.apply(rule);
        return new RuleProblem(at.location(), message);
    }

    /** The text with comments blanked out (line breaks kept, so line numbers stay right); strings are kept. */
    static String withoutComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inString = false;
        boolean inBlock = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (inBlock) {
                if (c == '*' && next == '/') {
                    inBlock = false;
                    i++;
                }
                out.append(c == '\n' ? '\n' : ' ');
            } else if (inString) {
                out.append(c);
                if (c == '\\' && next != 0) {
                    out.append(next);
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (c == '/' && next == '/') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
                out.append('\n');
            } else if (c == '/' && next == '*') {
                inBlock = true;
                i++;
                out.append("  ");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
