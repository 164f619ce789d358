package cn.yanxiu.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yanxiu.rules.RuleFile;
import cn.yanxiu.rules.RuleProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The sample rules with forbidden calls spliced in, spelled every way a text reader can be fooled. With the
 * text guard switched off, the bytecode check alone must refuse every mutant that compiles: none may both
 * pass and touch a forbidden member.
 */
class RuleCodeMutationTests {

    /** Statements that each reach something forbidden; {@code %s} is where a spelling trick goes. */
    private static final List<String> PAYLOADS = List.of(
            "%sSystem.setProperty(\"yanxiu.pwned\", \"1\");",
            "%sjava.lang.Runtime.getRuntime().availableProcessors();",
            "%snew java.io.File(\"/tmp/yanxiu-pwned\").exists();",
            "%sObject o = \"x\".getClass();",
            "%sjava.lang.Thread.yield();",
            "%sdrools.getKieRuntime().halt();",
            "%sint[] a = new int[$t.getAge() * 1000000];",
            "%sfor (int i = 0; i < 3; i++) { }",
            "%sjava.time.LocalDate d = java.time.LocalDate.now();",
            "%sString s = \"x\".repeat(3);");

    /** Ways to hide the statement from a reader of the text; each still compiles to the same call. */
    private static final List<String> DISGUISES = List.of(
            "",
            "char q = '\"'; ",
            "String c = \"/*\"; ",
            "String b = \"\"\"\n        \"\"\"; ",
            "/* \" */ ",
            "\n        ");

    private static final Pattern CONSEQUENCE = Pattern.compile("(rule \"[^\"]+\"[\\s\\S]*?\\$t : Teacher\\([^\\n]*\\n[\\s\\S]*?\\nthen\\n)");

    @Test
    void noMutantOfTheSampleRulesPassesWithAForbiddenCall() throws IOException {
        Path sample = Path.of("rules/2025-2026");
        List<RuleFile> files = RuleSetReader.read(sample).files();
        RuleFile requirements = files.stream().filter(f -> f.name().equals("requirements.drl")).findFirst().orElseThrow();
        String text = requirements.compiledText();
        List<Integer> spots = new ArrayList<>();
        Matcher m = CONSEQUENCE.matcher(text);
        while (m.find()) {
            spots.add(m.end());
        }
        assertThat(spots).hasSizeGreaterThan(10);
        Random random = new Random(20261129);
        int compiledAndRefusedByBytecode = 0;
        int mutants = 24;
        for (int i = 0; i < mutants; i++) {
            String payload = PAYLOADS.get(i % PAYLOADS.size()).formatted(DISGUISES.get(random.nextInt(DISGUISES.size())));
            if (random.nextBoolean()) {
                payload = payload.replace("System", "\\u0053ystem").replace("getClass", "get\\u0043lass");
            }
            int at = spots.get(random.nextInt(spots.size()));
            String mutated = text.substring(0, at) + "    " + payload + "\n" + text.substring(at);
            List<RuleFile> mutant = new ArrayList<>(files);
            mutant.replaceAll(f -> f == requirements ? new RuleFile(f.name(), mutated.getBytes(StandardCharsets.UTF_8), "", null, null) : f);
            CompiledRules.Compilation compilation = CompiledRules.compile(mutant, false);
            assertThat(compilation.rules()).as("mutant %d passed the check: %s", i, payload).isNull();
            if (compilation.problems().stream().map(RuleProblem::message).anyMatch(msg -> msg.startsWith("规则“"))) {
                compiledAndRefusedByBytecode++;
            }
        }
        assertThat(System.getProperty("yanxiu.pwned")).isNull();
        assertThat(Files.exists(Path.of("/tmp/yanxiu-pwned"))).isFalse();
        // most mutants compile, so it is the bytecode check (not a syntax error) that refuses them
        assertThat(compiledAndRefusedByBytecode).isGreaterThanOrEqualTo(mutants / 2);
    }
}
