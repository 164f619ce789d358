package cn.yanxiu.evaluation.batch;

import cn.yanxiu.evaluation.TermScope;
import cn.yanxiu.rules.RuleSet;
import cn.yanxiu.system.Progress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The compiled rule set and progress line of each run under way in this process: a KieBase is built once
 * per run and shared by every partition's sessions.
 */
@Component
public class RunningRuleSets {

    private final Map<Long, RuleSet> rules = new ConcurrentHashMap<>();
    private final Map<Long, TermScope> scopes = new ConcurrentHashMap<>();
    private final Map<Long, Progress> progress = new ConcurrentHashMap<>();
    private final Map<Long, AtomicLong> done = new ConcurrentHashMap<>();
    private final Map<Long, byte[]> dictionaries = new ConcurrentHashMap<>();
    private final org.springframework.beans.factory.ObjectProvider<RunRestorer> restorer;
    /** Runs this process compiled for partitions it was sent (a worker), released when the next run's first partition comes. */
    private final java.util.Set<Long> restoredHere = ConcurrentHashMap.newKeySet();

    RunningRuleSets(org.springframework.beans.factory.ObjectProvider<RunRestorer> restorer) {
        this.restorer = restorer;
    }

    /** Compiles a run's rule set from its stored snapshot and registers it here (a worker process). */
    public interface RunRestorer {
        void restore(long runId);
    }

    /** The run's rule set is here: registered by the run's own process, or compiled now for a worker's partition. */
    synchronized void ensure(long runId) {
        if (rules.containsKey(runId)) {
            return;
        }
        for (Long earlier : restoredHere) {
            RuleSet old = rules.get(earlier);
            release(earlier);
            if (old != null) {
                old.dispose();
            }
        }
        restoredHere.clear();
        restorer.getObject().restore(runId);
        restoredHere.add(runId);
    }

    /** {@code dictionary}: what the run's results are compressed with (null: stored as text). */
    public void register(long runId, RuleSet ruleSet, TermScope scope, byte[] dictionary, Progress line, long alreadyDone) {
        rules.put(runId, ruleSet);
        if (dictionary != null) {
            dictionaries.put(runId, dictionary);
        }
        scopes.put(runId, scope);
        if (line != null) {
            progress.put(runId, line);
        }
        done.put(runId, new AtomicLong(alreadyDone));
    }

    RuleSet get(long runId) {
        RuleSet ruleSet = rules.get(runId);
        if (ruleSet == null) {
            throw new IllegalStateException("运行 #" + runId + " 的规则集未加载");
        }
        return ruleSet;
    }

    byte[] dictionary(long runId) {
        return dictionaries.get(runId);
    }

    TermScope scope(long runId) {
        return scopes.get(runId);
    }

    void advance(long runId, int teachers) {
        long total = done.computeIfAbsent(runId, k -> new AtomicLong()).addAndGet(teachers);
        Progress line = progress.get(runId);
        if (line != null) {
            line.update(total);
        }
    }

    public void release(long runId) {
        rules.remove(runId);
        scopes.remove(runId);
        progress.remove(runId);
        done.remove(runId);
        dictionaries.remove(runId);
    }
}
