package cn.yanxiu.evaluation;

import cn.yanxiu.rules.RuleSet;
import cn.yanxiu.rules.RuleSetLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Stored rule-set versions compiled once and kept for the explanation pages (compiling takes seconds; an
 * auditor opens many teachers of one run). The few most recently used versions are kept; one pushed out
 * is disposed a minute later, after any evaluation still using it has finished.
 */
@Component
class CompiledSnapshots {

    private static final int KEPT = 3;
    private static final long DISPOSE_AFTER_SECONDS = 60;

    private final RuleSnapshots snapshots;
    private final Map<String, RuleSet> compiled = new LinkedHashMap<>(8, 0.75f, true);
    private final ScheduledExecutorService disposer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "yanxiu-rule-dispose");
        t.setDaemon(true);
        return t;
    });

    CompiledSnapshots(RuleSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    /** The compiled rule set of a stored version, or null when it no longer compiles (then there is nothing to re-run). */
    synchronized RuleSet get(String hash) {
        RuleSet rules = compiled.get(hash);
        if (rules != null) {
            return rules;
        }
        try {
            RuleSetLoader.Loaded loaded = snapshots.compiled(hash, "yanxiu-explain", dir -> RuleSetLoader.load(dir, snapshots::checkedBefore));
            if (!loaded.ok()) {
                return null;
            }
            compiled.put(hash, loaded.ruleSet());
            for (Iterator<Map.Entry<String, RuleSet>> oldest = compiled.entrySet().iterator(); compiled.size() > KEPT; ) {
                RuleSet evicted = oldest.next().getValue();
                oldest.remove();
                disposer.schedule(evicted::dispose, DISPOSE_AFTER_SECONDS, TimeUnit.SECONDS);
            }
            return loaded.ruleSet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
