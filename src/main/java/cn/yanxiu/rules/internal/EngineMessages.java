package cn.yanxiu.rules.internal;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compile error as an administrator reads it: in Chinese, at the line and column of the mistake (the engine
 * places a consequence's Java errors at the rule's first line), with the engine's own words kept below.
 */
final class EngineMessages {

    /** Where an error is and what it says. */
    record Placed(int line, int column, String message) {
    }

    /** An engine message pattern, its Chinese explanation, and the word to look for in the rule's text (group number, 0 for none). */
    private record Known(Pattern pattern, Function<Matcher, String> chinese, int word) {
        Known(String regex, Function<Matcher, String> chinese, int word) {
            this(Pattern.compile(regex), chinese, word);
        }
    }

    private static final List<Known> KNOWN = List.of(
            new Known("The method (\\w+)\\(([^)]*)\\) is undefined for the type (\\w+)",
                    m -> "类型 " + m.group(3) + " 没有方法 " + m.group(1) + "(" + m.group(2) + ")：请检查拼写（可用的字段与方法见 rules/README.md）", 1),
            new Known("Unable to resolve ObjectType '(\\w+)'",
                    m -> "找不到事实类型“" + m.group(1) + "”：规则只能使用规则词汇中的类型（见 rules/README.md），请检查拼写", 1),
            new Known("(\\S+) cannot be resolved to a type",
                    m -> "找不到类型 " + m.group(1) + "：规则只能使用规则词汇中的类型，请检查拼写", 1),
            new Known("(\\$?\\w+) cannot be resolved to a variable",
                    m -> "找不到变量 " + m.group(1) + "：是否拼错，或没有在条件中用 " + m.group(1) + " : … 绑定？", 1),
            new Known("(\\$?\\w+) cannot be resolved",
                    m -> "找不到 " + m.group(1) + "：请检查拼写", 1),
            new Known("Type mismatch: cannot convert from (\\S+) to (\\S+)",
                    m -> "类型不匹配：不能把 " + m.group(1) + " 当作 " + m.group(2) + " 使用", 0),
            new Known("Syntax error on token \"(.+?)\"",
                    m -> "语法错误：“" + m.group(1) + "”附近写法不对（括号、分号或引号是否配对？）", 1),
            new Known("Syntax error, insert \"(.+?)\"",
                    m -> "语法错误：此处缺少“" + m.group(1) + "”", 0),
            new Known("\\[ERR 10\\d\\] Line (\\d+):(\\d+) (?:mismatched input|no viable alternative at input|extraneous input) '(.+?)'",
                    m -> "语法错误：第 " + m.group(1) + " 行第 " + (Integer.parseInt(m.group(2)) + 1) + " 列不应出现“" + m.group(3) + "”（括号、引号或 end 是否配对？）", 0),
            new Known("\\[ERR 10\\d\\] Line (\\d+):(\\d+) missing (.+?) at '(.+?)'",
                    m -> "语法错误：第 " + m.group(1) + " 行第 " + (Integer.parseInt(m.group(2)) + 1) + " 列“" + m.group(4) + "”之前缺少 " + m.group(3), 0),
            new Known("unable to resolve method using strict-mode: \\S+?\\.(\\w+)\\(\\)",
                    m -> "找不到字段 " + m.group(1) + "：请检查拼写（可用的字段见 rules/README.md）", 1),
            new Known("Unable to Analyse Expression (.+?):",
                    m -> "无法理解表达式 " + m.group(1).strip() + "：请检查字段名与写法", 0),
            new Known("Duplicate rule name",
                    m -> "规则名重复：同一规则集中每条规则的名字须不同", 0));

    private EngineMessages() {
    }

    /** The error in Chinese at its place in {@code text}; the engine's line and column when nothing better is found. */
    static Placed place(String text, int line, int column, String engine) {
        for (Known known : KNOWN) {
            Matcher m = known.pattern().matcher(engine);
            if (m.find()) {
                String chinese = known.chinese().apply(m) + "\n    引擎原文：" + engine;
                int[] where = known.word() == 0 ? null : find(text, line, m.group(known.word()));
                return where == null ? new Placed(line, column, chinese) : new Placed(where[0], where[1], chinese);
            }
        }
        return new Placed(line, column, "规则无法编译，请检查这一行附近的写法\n    引擎原文：" + engine);
    }

    /**
     * The first occurrence of {@code word} from the engine's line to the end of that rule: the engine reports a
     * consequence's errors at the rule's first line, and the word the message names is where the mistake is.
     */
    private static int[] find(String text, int line, String word) {
        String[] lines = text.split("\n", -1);
        Pattern whole = Pattern.compile("(?<![\\w$])" + Pattern.quote(word) + "(?![\\w])");
        for (int i = Math.max(0, line - 1); i < lines.length; i++) {
            if (i > Math.max(0, line - 1) && lines[i].strip().startsWith("rule ")) {
                break;
            }
            Matcher m = whole.matcher(lines[i]);
            if (m.find()) {
                return new int[] {i + 1, m.start() + 1};
            }
            if (lines[i].strip().equals("end")) {
                break;
            }
        }
        return null;
    }
}
