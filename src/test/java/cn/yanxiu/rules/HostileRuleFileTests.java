package cn.yanxiu.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rule files as an attacker with an administrator's password would write them. Each is refused at
 * validation with its file and line, and none of its code runs: every payload would leave a mark (a file
 * in a folder, a system property, a dead JVM) if it did.
 */
class HostileRuleFileTests {

    static final String HEAD = "package cn.yanxiu.rules;\n\nimport cn.yanxiu.rules.vocabulary.*;\n\n";
    static Path mark;

    @TempDir
    Path dir;

    @BeforeAll
    static void markFolder() throws IOException {
        mark = Files.createTempDirectory("yanxiu-hostile");
    }

    @AfterAll
    static void removeMarkFolder() throws IOException {
        // empty when every test passed; what a payload left stays for a look
        try (Stream<Path> left = Files.list(mark)) {
            if (left.findAny().isEmpty()) {
                Files.delete(mark);
            }
        }
    }

    @AfterEach
    void nothingRan() throws IOException {
        try (Stream<Path> left = Files.list(mark)) {
            assertThat(left).as("a payload ran and wrote into the mark folder").isEmpty();
        }
        assertThat(System.getProperty("yanxiu.pwned")).as("a payload ran and set a system property").isNull();
    }

    /** A rule that fires on the term alone (so it would run during validation) with this consequence. */
    static String onTerm(String consequence) {
        return "rule \"攻击\"\n    @policy(\"G1\")\nwhen\n    Term()\nthen\n    " + consequence + "\nend\n";
    }

    static String touch(String name) {
        return mark.resolve(name).toString().replace("\\", "/");
    }

    static Stream<Arguments> hostileFiles() {
        String file = "new java.io.File(\"" + touch("f") + "\").createNewFile();";
        return Stream.of(
                Arguments.of("System.exit", onTerm("System.exit(7);")),
                Arguments.of("char literal hides the rest of the line", onTerm("char q = '\"'; System.setProperty(\"yanxiu.pwned\", \"1\");")),
                Arguments.of("System and exit on two lines", onTerm("System\n        .exit(7);")),
                Arguments.of("text block before the call", onTerm("String s = \"\"\"\n    x\"\"\"; System.setProperty(\"yanxiu.pwned\", s);")),
                Arguments.of("unicode escape spells System", onTerm("\\u0053ystem.setProperty(\"yanxiu.pwned\", \"1\");")),
                Arguments.of("fully qualified System", onTerm("java.lang.System.setProperty(\"yanxiu.pwned\", \"1\");")),
                Arguments.of("environment leak", onTerm("insert(Finding.info(\"G1\", \"x\", 0, 0, \"\", System.getenv(\"PATH\")));")),
                Arguments.of("Runtime.exec", onTerm("try { Runtime.getRuntime().exec(new String[]{\"touch\", \"" + touch("r") + "\"}); } catch (Exception e) { }")),
                Arguments.of("ProcessBuilder", onTerm("try { new ProcessBuilder(\"touch\", \"" + touch("p") + "\").start(); } catch (Exception e) { }")),
                Arguments.of("ProcessHandle", onTerm("ProcessHandle.current().info();")),
                Arguments.of("file write", onTerm("try { " + file + " } catch (Exception e) { }")),
                Arguments.of("nio file write", onTerm("try { java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + touch("n") + "\"), \"x\"); } catch (Exception e) { }")),
                Arguments.of("file output stream", onTerm("try { new java.io.FileOutputStream(\"" + touch("o") + "\").close(); } catch (Exception e) { }")),
                Arguments.of("socket", onTerm("try { new java.net.Socket(\"127.0.0.1\", 3306).close(); } catch (Exception e) { }")),
                Arguments.of("url", onTerm("try { new java.net.URL(\"http://127.0.0.1/\").openStream(); } catch (Exception e) { }")),
                Arguments.of("Class.forName", onTerm("try { Class.forName(\"java.lang.Runtime\"); } catch (Exception e) { }")),
                Arguments.of("getClass", onTerm("Object o = \"x\".getClass().getClassLoader();")),
                Arguments.of("class literal", onTerm("Object o = String.class;")),
                Arguments.of("class literal of Runtime", onTerm("Object o = Runtime.class;")),
                Arguments.of("method handles", onTerm("Object o = java.lang.invoke.MethodHandles.lookup();")),
                Arguments.of("enum declaring class", onTerm("Object o = java.time.DayOfWeek.MONDAY.getDeclaringClass();")),
                Arguments.of("reflect array", onTerm("Object o = java.lang.reflect.Array.newInstance(int.class, 3);")),
                Arguments.of("kie runtime removes a rule", onTerm("drools.getKieRuntime().getKieBase().removeRule(\"cn.yanxiu.rules\", \"G5-师德一票否决\");")),
                Arguments.of("kcontext runtime", onTerm("kcontext.getKieRuntime().halt();")),
                Arguments.of("globals through the runtime", onTerm("Object g = drools.getKieRuntime().getGlobals();")),
                Arguments.of("channels through the runtime", onTerm("Object c = drools.getKieRuntime().getChannels();")),
                Arguments.of("working memory", onTerm("Object w = drools.getWorkingMemory();")),
                Arguments.of("halt", onTerm("drools.halt();")),
                Arguments.of("global declaration", "global java.util.List out;\n" + onTerm("out.add(1);")),
                Arguments.of("import outside the vocabulary", "import java.io.File;\n" + onTerm("Object f = new File(\"x\");")),
                Arguments.of("static import", "import static java.lang.System.exit;\n" + onTerm("exit(7);")),
                Arguments.of("mvel dialect", "rule \"攻击\"\n    @policy(\"G1\")\n    dialect \"mvel\"\nwhen\n    Term()\nthen\n    System.exit(7);\nend\n"),
                Arguments.of("eval condition", "rule \"攻击\"\n    @policy(\"G1\")\nwhen\n    Term()\n    eval( System.setProperty(\"yanxiu.pwned\", \"1\") == null )\nthen\nend\n"),
                Arguments.of("constraint calling System", "rule \"攻击\"\n    @policy(\"G1\")\nwhen\n    Term( id == System.setProperty(\"yanxiu.pwned\", \"1\") )\nthen\nend\n"),
                Arguments.of("from with custom code", "rule \"攻击\"\n    @policy(\"G1\")\nwhen\n    Term()\n    $k : String() from System.getenv().keySet()\nthen\nend\n"),
                Arguments.of("accumulate with custom action", "rule \"攻击\"\n    @policy(\"G1\")\nwhen\n    $t : Term()\n    $n : Number() from accumulate( Term(), init( int c = 0; ) action( System.setProperty(\"yanxiu.pwned\", \"1\"); ) result( c ) )\nthen\nend\n"),
                Arguments.of("function", "function void evil() { System.setProperty(\"yanxiu.pwned\", \"1\"); }\n" + onTerm("evil();")),
                Arguments.of("recursive function", "function int down(int n) { return n <= 0 ? 0 : down(n - 1); }\n" + onTerm("int x = down(5);")),
                Arguments.of("declared type", "declare Evil\n    name : String\nend\n" + onTerm("")),
                Arguments.of("lambda", onTerm("Runnable r = () -> { }; r.run();")),
                Arguments.of("method reference", onTerm("java.util.function.Supplier<String> s = String::new; s.get();")),
                Arguments.of("Thread.sleep", onTerm("try { Thread.sleep(100000); } catch (Exception e) { }")),
                Arguments.of("new thread", onTerm("new Thread(() -> { }).start();")),
                Arguments.of("executor", onTerm("java.util.concurrent.Executors.newFixedThreadPool(1);")),
                Arguments.of("while true", onTerm("while (true) { }")),
                Arguments.of("for loop", onTerm("long s = 0; for (int i = 0; i < 2000000000; i++) { s += i; }")),
                Arguments.of("do while", onTerm("int i = 0; do { i++; } while (i > 0);")),
                Arguments.of("huge inserts in a loop", onTerm("for (int i = 0; i < 100000000; i++) { insert(new Veto(\"G5\", \"x\", \"x\")); }")),
                Arguments.of("memory bomb array", onTerm("long[] a = new long[Integer.MAX_VALUE - 8];")),
                Arguments.of("computed array size", "rule \"攻击\"\n    @policy(\"G1\")\nwhen\n    $t : Term()\nthen\n    int[] a = new int[$t.getTeachingWeeks() * 100000000];\nend\n"),
                Arguments.of("string repeat", onTerm("String s = \"x\".repeat(1 << 30);")),
                Arguments.of("format width", onTerm("String s = String.format(\"%999999999d\", 1);")),
                Arguments.of("thrown error", onTerm("throw new StackOverflowError();")),
                Arguments.of("catching everything", onTerm("try { int x = 1 / 0; } catch (Throwable t) { }")),
                Arguments.of("synchronized wait", "rule \"攻击\"\n    @policy(\"G1\")\nwhen\n    $t : Term()\nthen\n    synchronized ($t) { try { $t.wait(); } catch (Exception e) { } }\nend\n"),
                Arguments.of("object wait", "rule \"攻击\"\n    @policy(\"G1\")\nwhen\n    $t : Term()\nthen\n    try { ((Object) $t).wait(1000); } catch (Exception e) { }\nend\n"),
                Arguments.of("comment and string nesting", onTerm("String s = \"/*\"; /* \" */ System.setProperty(\"yanxiu.pwned\", \"1\"); /* \" */")),
                Arguments.of("system property through Integer", onTerm("Integer i = Integer.getInteger(\"user.home\");")),
                Arguments.of("clock", onTerm("java.time.LocalDate d = java.time.LocalDate.now();")),
                Arguments.of("serialization", onTerm("try { new java.io.ObjectOutputStream(new java.io.ByteArrayOutputStream()).writeObject(\"x\"); } catch (Exception e) { }")),
                Arguments.of("collection mutation", "rule \"攻击\"\n    @policy(\"G1\")\nwhen\n    $t : Teacher()\nthen\n    $t.getRoles().clear();\nend\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFiles")
    void refusedAtItsFileAndLineWithoutRunning(String name, String body) throws IOException {
        Files.copy(Path.of("rules/2025-2026/manifest.yaml"), dir.resolve("manifest.yaml"));
        Files.writeString(dir.resolve("evil.drl"), HEAD + body);
        RuleSetLoader.Loaded loaded = RuleSetLoader.load(dir);
        assertThat(loaded.ok()).as(name).isFalse();
        assertThat(loaded.problems()).as(name).isNotEmpty()
                .allSatisfy(p -> assertThat(p.location()).matches("evil\\.drl:\\d+(:\\d+)?"));
        int ruleLine = HEAD.split("\n", -1).length;
        assertThat(loaded.problems()).as(name).allSatisfy(p -> assertThat(Integer.parseInt(p.location().split(":")[1])).isGreaterThanOrEqualTo(ruleLine - 1));
    }

    @org.junit.jupiter.api.Test
    void whatARuleMayUseStillCompiles() throws IOException {
        Files.copy(Path.of("rules/2025-2026/manifest.yaml"), dir.resolve("manifest.yaml"));
        Files.writeString(dir.resolve("allowed.drl"), HEAD + """
                function double half(double x) { return x / 2; }

                rule "允许-改事实"
                    @policy("G1")
                when
                    $b : GradeBand( min < 0 )
                then
                    modify($b) { setMin(0) }
                    update($b);
                end

                rule "允许-值类型"
                    @policy("G1")
                when
                    $t : Term( $start : start )
                then
                    java.math.BigDecimal d = new java.math.BigDecimal("1.5").setScale(1, java.math.RoundingMode.HALF_UP);
                    long days = java.time.temporal.ChronoUnit.DAYS.between($start, $start.plusWeeks(2));
                    String s = String.format("%s %.1f %d", $t.getId(), Math.max(half(d.doubleValue()), 0.5), days);
                    StringBuilder b = new StringBuilder("x").append(s.length() > 3 ? s.substring(0, 3) : s);
                    insertLogical(Finding.info("G1", drools.getRule().getName(), 0, 0, "", b.toString()));
                end

                rule "允许-删除"
                    @policy("G1")
                when
                    $v : Veto( reason == "" )
                then
                    delete($v);
                end
                """);
        RuleSetLoader.Loaded loaded = RuleSetLoader.load(dir);
        assertThat(loaded.problems()).noneSatisfy(p -> assertThat(p.location()).startsWith("allowed.drl"));
    }

    @ParameterizedTest(name = "decision-table cell: {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "4); System.setProperty(\"yanxiu.pwned\", \"1\"",
            "4); \\u0053ystem.setProperty(\"yanxiu.pwned\", \"1\"",
            "4); char q = '\"'; System.setProperty(\"yanxiu.pwned\", \"1\""})
    void codeInADecisionTableCellIsRefusedAtItsSheet(String cell) throws IOException {
        org.springframework.util.FileSystemUtils.copyRecursively(Path.of("rules/2025-2026"), dir);
        RuleSetValidationTests.setCell(dir.resolve("quotas.drl.xlsx"), 11, 2, cell);
        RuleSetLoader.Loaded loaded = RuleSetLoader.load(dir);
        assertThat(loaded.ok()).isFalse();
        assertThat(loaded.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.location()).startsWith("quotas.drl.xlsx!观课指标!"));
    }
}
