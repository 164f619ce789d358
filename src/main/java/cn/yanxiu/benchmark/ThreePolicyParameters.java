package cn.yanxiu.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The numbers of the benchmark's three sample policies (G1 weights, H1 hours and the study kinds that count),
 * read from {@code benchmark/three-policies.properties} so the plain-Java and the Drools evaluators share one
 * source and neither carries policy in code.
 */
record ThreePolicyParameters(double routineWeight, double yearEndWeight, double minimumHours, Set<String> studyTypes,
                             String routineScoreKind, Set<String> yearEndScoreKinds) {

    static ThreePolicyParameters load() throws IOException {
        Properties p = new Properties();
        try (InputStream in = ThreePolicyParameters.class.getResourceAsStream("/benchmark/three-policies.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new ThreePolicyParameters(Double.parseDouble(p.getProperty("g1.routine-weight")), Double.parseDouble(p.getProperty("g1.year-end-weight")),
                Double.parseDouble(p.getProperty("h1.minimum-hours")), set(p.getProperty("h1.study-types")),
                p.getProperty("g1.routine-score-kind"), set(p.getProperty("g1.year-end-score-kinds")));
    }

    private static Set<String> set(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).collect(Collectors.toUnmodifiableSet());
    }
}
