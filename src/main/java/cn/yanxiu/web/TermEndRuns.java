package cn.yanxiu.web;

import cn.yanxiu.evaluation.EvaluationRuns;
import cn.yanxiu.evaluation.EvaluationService;
import cn.yanxiu.rules.RuleSetWorkspace;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Component;

/**
 * Term-end runs started or resumed from the pages or the API: with the term's activated rule set, one at a
 * time in this process (the run lock in the database refuses a second run of a term anyway).
 */
@Component
class TermEndRuns {

    private final EvaluationService evaluation;
    private final RuleSetWorkspace workspace;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "yanxiu-web-run");
        t.setDaemon(true);
        return t;
    });

    TermEndRuns(EvaluationService evaluation, RuleSetWorkspace workspace) {
        this.evaluation = evaluation;
        this.workspace = workspace;
    }

    /** Compiles and records the run now (a refusal reaches the caller) and evaluates in the background. */
    EvaluationRuns.Run start(String term, String by) {
        RuleSetWorkspace.Activation activation = workspace.activation(term)
                .orElseThrow(() -> new EvaluationRuns.RunRefused("学期 " + term + " 还没有启用的规则集：请先在“规则集”页校验、测试并启用"));
        return evaluation.startInBackground(term, workspace.folder(activation.folder()), activation.hash(), "全部", by, executor);
    }

    EvaluationRuns.Run resume(long runId) throws IOException {
        return evaluation.resumeInBackground(runId, executor);
    }
}
