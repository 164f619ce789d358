package cn.yanxiu.benchmark;

import cn.yanxiu.rules.TeacherCase;
import cn.yanxiu.rules.vocabulary.Activity;
import cn.yanxiu.rules.vocabulary.EthicsRecord;
import cn.yanxiu.rules.vocabulary.Score;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.runtime.KieSession;

/** The benchmark's three sample policies (G1, G5, H1) evaluated two ways: hand-written Java and Drools. */
final class ThreePolicyEvaluators {

    private ThreePolicyEvaluators() {
    }

    /** The baseline: a plain loop over the teacher's facts. */
    static Function<TeacherCase, ThreePolicyResult> plainJava(ThreePolicyParameters p) {
        return c -> {
            ThreePolicyResult result = new ThreePolicyResult(c.teacher().getId());
            double routineSum = 0;
            int routineCount = 0;
            double yearEndSum = 0;
            int yearEndCount = 0;
            for (Score s : c.scores()) {
                if (s.getKind().equals(p.routineScoreKind())) {
                    routineSum += s.getValue();
                    routineCount++;
                } else if (p.yearEndScoreKinds().contains(s.getKind())) {
                    yearEndSum += s.getValue();
                    yearEndCount++;
                }
            }
            double routine = routineCount == 0 ? 0 : routineSum / routineCount;
            double yearEnd = yearEndCount == 0 ? 0 : yearEndSum / yearEndCount;
            result.setFinalScore(p.routineWeight() * routine + p.yearEndWeight() * yearEnd);
            for (EthicsRecord e : c.ethics()) {
                if (!e.isStandardMet()) {
                    result.setVetoed(true);
                }
            }
            double hours = 0;
            for (Activity a : c.activities()) {
                if (p.studyTypes().contains(a.getType())) {
                    hours += a.getHours();
                }
            }
            result.setHoursMet(hours >= p.minimumHours() * c.teacher().getDutyShare());
            return result;
        };
    }

    /** The same three policies as rules: one shared KieBase, a fresh session per teacher. */
    static Function<TeacherCase, ThreePolicyResult> drools(ThreePolicyParameters p) throws IOException {
        KieBase base = build();
        return c -> {
            KieSession session = base.newKieSession();
            try {
                session.setGlobal("routineWeight", p.routineWeight());
                session.setGlobal("yearEndWeight", p.yearEndWeight());
                session.setGlobal("minimumHours", p.minimumHours());
                session.setGlobal("studyTypes", p.studyTypes());
                session.setGlobal("routineScoreKind", p.routineScoreKind());
                session.setGlobal("yearEndScoreKinds", p.yearEndScoreKinds());
                ThreePolicyResult result = new ThreePolicyResult(c.teacher().getId());
                session.insert(result);
                session.insert(c.teacher());
                c.activities().forEach(session::insert);
                c.scores().forEach(session::insert);
                c.ethics().forEach(session::insert);
                session.fireAllRules();
                return result;
            } finally {
                session.dispose();
            }
        };
    }

    private static KieBase build() throws IOException {
        KieServices kie = KieServices.Factory.get();
        var releaseId = kie.newReleaseId("cn.yanxiu", "benchmark-three-policies", "1");
        KieFileSystem files = kie.newKieFileSystem().generateAndWritePomXML(releaseId);
        try (InputStream in = ThreePolicyEvaluators.class.getResourceAsStream("/benchmark/three-policies.drl")) {
            files.write("src/main/resources/yanxiu/benchmark/three-policies.drl", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        KieBuilder builder = kie.newKieBuilder(files).buildAll();
        if (builder.getResults().hasMessages(Message.Level.ERROR)) {
            throw new IllegalStateException("benchmark rules do not compile: " + builder.getResults().getMessages(Message.Level.ERROR));
        }
        return kie.newKieContainer(releaseId).getKieBase();
    }
}
