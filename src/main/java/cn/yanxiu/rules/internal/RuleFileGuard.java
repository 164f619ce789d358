package cn.yanxiu.rules.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule files are code that an administrator uploads: this guard refuses any that reach past the
 * vocabulary (system access, I/O, reflection, threads, sockets, processes, other packages). It reads the
 * text with comments and string literals blanked out, so a message that mentions "System" is harmless.
 */
final class RuleFileGuard {

    /** A forbidden use found at a line and column of the compiled text. */
    record Violation(int line, int column, String message) {
    }

    private static final String VOCABULARY = "cn.yanxiu.rules.vocabulary";

    private static final List<Forbidden> FORBIDDEN = List.of(
            new Forbidden("\\bSystem\\s*\\.", "不允许使用 System（系统访问）"),
            new Forbidden("\\bRuntime\\b", "不允许使用 Runtime（执行系统命令）"),
            new Forbidden("\\bProcessBuilder\\b", "不允许启动进程"),
            new Forbidden("\\b(Thread|ThreadGroup|Executors?|ForkJoinPool|CompletableFuture)\\b", "不允许创建线程"),
            new Forbidden("\\b(Class|ClassLoader|Method|Field|Constructor|MethodHandles?)\\s*\\.", "不允许使用反射"),
            new Forbidden("\\.\\s*(getClass|forName|getDeclared\\w*|newInstance|setAccessible|getClassLoader)\\s*\\(", "不允许使用反射"),
            new Forbidden("\\b(Socket|ServerSocket|URL|URI|HttpClient|DatagramSocket)\\b", "不允许网络访问"),
            new Forbidden("\\b(File|Files|Paths|FileInputStream|FileOutputStream|FileReader|FileWriter|RandomAccessFile)\\b", "不允许读写文件"),
            new Forbidden("\\b(java\\s*\\.\\s*(?!(math|time)\\s*\\.)|(javax|jdk|sun|com|org|net)\\s*\\.\\s*)[a-z]", "只允许使用规则词汇（cn.yanxiu.rules.vocabulary）、java.math 与 java.time"),
            new Forbidden("\\bcn\\s*\\.\\s*yanxiu\\s*\\.\\s*(?!rules\\s*\\.\\s*vocabulary\\b|rules\\s*;)", "只允许使用规则词汇（cn.yanxiu.rules.vocabulary）"),
            new Forbidden("\\.\\s*class\\b", "不允许使用反射"),
            new Forbidden("^\\s*(global|declare)\\b", "规则文件中不允许 global 或 declare，只使用规则词汇"),
            new Forbidden("^\\s*import\\s+(static|function)\\b", "不允许导入函数"));

    private record Forbidden(Pattern pattern, String message) {
        Forbidden(String regex, String message) {
            this(Pattern.compile(regex), message);
        }
    }

    /** The value types a rule may import besides the vocabulary (the bytecode check has the member list). */
    private static final Pattern VALUE_PACKAGE = Pattern.compile("java\\.(math|time|time\\.temporal)\\.[A-Z]\\w*|java\\.(math|time)\\.\\*");

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+([\\w.*]+)\\s*;?\\s*$");

    private RuleFileGuard() {
    }

    static List<Violation> check(String text) {
        List<Violation> violations = new ArrayList<>();
        String[] lines = blankCommentsAndStrings(text).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher imp = IMPORT.matcher(line);
            if (imp.matches()) {
                String target = imp.group(1);
                if (!target.equals(VOCABULARY + ".*") && !target.startsWith(VOCABULARY + ".") && !VALUE_PACKAGE.matcher(target).matches()) {
                    violations.add(new Violation(i + 1, line.indexOf(target) + 1, "不允许导入“" + target + "”：规则只能使用 " + VOCABULARY));
                }
                continue;
            }
            for (Forbidden f : FORBIDDEN) {
                Matcher m = f.pattern().matcher(line);
                if (m.find()) {
                    violations.add(new Violation(i + 1, m.start() + 1, f.message() + "：“" + m.group().strip() + "”"));
                }
            }
        }
        return violations;
    }

    /** Replaces comments and string literals by spaces, keeping every line and column where it was. */
    static String blankCommentsAndStrings(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                while (i < text.length() && !(text.charAt(i) == '*' && i + 1 < text.length() && text.charAt(i + 1) == '/')) {
                    out.append(text.charAt(i) == '\n' ? '\n' : ' ');
                    i++;
                }
                out.append("  ");
                i += 2;
            } else if (c == '"') {
                out.append('"');
                i++;
                while (i < text.length() && text.charAt(i) != '"' && text.charAt(i) != '\n') {
                    if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                        out.append(' ');
                        i++;
                    }
                    out.append(' ');
                    i++;
                }
                if (i < text.length()) {
                    out.append(text.charAt(i));
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
