package cn.yanxiu.evaluation;

import cn.yanxiu.evaluation.batch.RunningRuleSets;
import cn.yanxiu.evaluation.batch.TermEvaluationLauncher;
import cn.yanxiu.rules.RuleSet;
import cn.yanxiu.rules.RuleSetLoader;
import cn.yanxiu.system.Progress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The term-end evaluation: validates and snapshots the rule set, records the run, runs the batch job, and
 * marks the run complete only when every teacher has exactly one result.
 */
@Service
public class EvaluationService implements RunningRuleSets.RunRestorer {

    private final JdbcTemplate jdbc;
    private final EvaluationRuns runs;
    private final RuleSnapshots snapshots;
    private final TermScopeLoader scopes;
    private final RunningRuleSets running;
    private final TermEvaluationLauncher launcher;

    private final int quickCompilerTeachers;

    EvaluationService(JdbcTemplate jdbc, EvaluationRuns runs, RuleSnapshots snapshots, TermScopeLoader scopes,
                      RunningRuleSets running, TermEvaluationLauncher launcher,
                      @org.springframework.beans.factory.annotation.Value("${yanxiu.batch.quick-compiler-teachers}") int quickCompilerTeachers) {
        this.quickCompilerTeachers = quickCompilerTeachers;
        this.jdbc = jdbc;
        this.runs = runs;
        this.snapshots = snapshots;
        this.scopes = scopes;
        this.running = running;
        this.launcher = launcher;
    }

    /** Evaluates every teacher of a term in scope ("全部", "school:ID", "district:ID") with the rule set in a folder. */
    public EvaluationRuns.Run evaluate(String termId, Path rulesDir, String scope, String startedBy, PrintWriter progressOut) {
        return evaluate(termId, rulesDir, null, scope, startedBy, progressOut);
    }

    /** As above, refused when the folder's content is not {@code expectedHash} (the version activated for the term), unless null. */
    public EvaluationRuns.Run evaluate(String termId, Path rulesDir, String expectedHash, String scope, String startedBy, PrintWriter progressOut) {
        runs.refuseIfUnderWay(termId);
        quickCompilerIfSmall(scope);
        cn.yanxiu.rules.vocabulary.Term term = scopes.term(termId); // an unknown term is refused before anything compiles
        Prepared prepared = prepare(termId, () -> load(rulesDir, term, progressOut), progressOut);
        RuleSet rules = prepared.rules();
        TermScope termScope = prepared.scope();
        refuseIfChangedSinceActivation(rules, rulesDir, expectedHash);
        snapshots.store(rules);
        EvaluationRuns.Run run = runs.start(termId, rules.hash(), scope, startedBy);
        return execute(run, rules, termScope, progressOut);
    }

    /**
     * Validates, snapshots and records a run now — so a refusal reaches the caller — and evaluates its
     * teachers on the given executor; {@link #progress} tells how far it has got.
     */
    public EvaluationRuns.Run startInBackground(String termId, Path rulesDir, String expectedHash, String scope, String startedBy,
                                                java.util.concurrent.Executor executor) {
        runs.refuseIfUnderWay(termId);
        cn.yanxiu.rules.vocabulary.Term term = scopes.term(termId);
        Prepared prepared = prepare(termId, () -> load(rulesDir, term), null);
        RuleSet rules = prepared.rules();
        TermScope termScope = prepared.scope();
        refuseIfChangedSinceActivation(rules, rulesDir, expectedHash);
        snapshots.store(rules);
        return submit(runs.start(termId, rules.hash(), scope, startedBy), rules, termScope, executor);
    }

    private static void refuseIfChangedSinceActivation(RuleSet rules, Path rulesDir, String expectedHash) {
        if (expectedHash != null && !expectedHash.equals(rules.hash())) {
            rules.dispose();
            throw new EvaluationRuns.RunRefused("规则集 " + rulesDir.getFileName() + " 自启用后已被修改（启用时哈希 " + expectedHash.substring(0, 12)
                    + "…，现在 " + rules.hash().substring(0, 12) + "…）：请重新校验并启用");
        }
    }

    /** Takes an interrupted run back up with the rule-set version it started with, on the executor; refusals reach the caller. */
    public EvaluationRuns.Run resumeInBackground(long runId, java.util.concurrent.Executor executor) throws java.io.IOException {
        EvaluationRuns.Run run = runs.resume(runId);
        try {
            Prepared prepared = prepare(run.termId(), () -> restored(run), null);
            return submit(run, prepared.rules(), prepared.scope(), executor);
        } catch (RuntimeException | java.io.IOException e) {
            runs.interrupt(runId);
            throw e;
        }
    }

    private EvaluationRuns.Run submit(EvaluationRuns.Run run, RuleSet rules, TermScope termScope, java.util.concurrent.Executor executor) {
        try {
            executor.execute(() -> {
                try {
                    execute(run, rules, termScope, null);
                } catch (RuntimeException e) {
                    // execute marked the run interrupted; its page shows that and offers to resume
                }
            });
        } catch (RuntimeException e) {
            rules.dispose();
            runs.interrupt(run.id());
            throw e;
        }
        return run;
    }

    /** Teachers evaluated so far and teachers in the run's scope. */
    public record RunProgress(int done, int total) {
    }

    public RunProgress progress(EvaluationRuns.Run run) {
        Integer done = jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_result WHERE run_id = ?", Integer.class, run.id());
        return new RunProgress(done, teachersInScope(run.scope()));
    }

    /** Resumes a run that was killed or stopped, with the exact rule-set version it started with. */
    public EvaluationRuns.Run resume(long runId, PrintWriter progressOut) throws java.io.IOException {
        EvaluationRuns.Run run = runs.resume(runId);
        freshConnections();
        quickCompilerIfSmall(run.scope());
        Prepared prepared = prepare(run.termId(), () -> restored(run), progressOut);
        return execute(run, prepared.rules(), prepared.scope(), progressOut);
    }

    /**
     * A run is often interrupted by the database going away. The pool checks a connection it hands out only when
     * it has been idle for a while, so connections the database dropped would fail the resumed run's first chunks:
     * they are retired first (the ones in use when they come back).
     */
    private void freshConnections() {
        try {
            javax.sql.DataSource source = jdbc.getDataSource();
            if (source != null && source.isWrapperFor(com.zaxxer.hikari.HikariDataSource.class)) {
                var pool = source.unwrap(com.zaxxer.hikari.HikariDataSource.class).getHikariPoolMXBean();
                if (pool != null) {
                    pool.softEvictConnections();
                }
            }
        } catch (java.sql.SQLException e) {
            // not a Hikari pool: its own checks apply
        }
    }

    /** A worker process's part of a run: the run's exact rule-set version from its snapshot, the term's facts, the run's dictionary. */
    @Override
    public void restore(long runId) {
        EvaluationRuns.Run run = runs.find(runId).orElseThrow(() -> new EvaluationRuns.RunRefused("没有运行 #" + runId));
        try {
            running.register(runId, restored(run), scopes.load(run.termId()), ResultDocuments.dictionary(jdbc, runId), null, 0);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("运行 #" + runId + " 的规则快照无法还原：" + e.getMessage(), e);
        }
    }

    /** The exact rule-set version a run started with, compiled again from its snapshot. */
    private RuleSet restored(EvaluationRuns.Run run) throws java.io.IOException {
        RuleSet rules = snapshots.compiled(run.ruleSetHash(), "yanxiu-rules-" + run.ruleSetHash().substring(0, 8),
                dir -> load(dir, scopes.term(run.termId())));
        if (!rules.hash().equals(run.ruleSetHash())) {
            rules.dispose();
            throw new EvaluationRuns.RunRefused("恢复的规则集哈希与运行 #" + run.id() + " 记录的不一致，拒绝继续");
        }
        return rules;
    }

    private EvaluationRuns.Run execute(EvaluationRuns.Run run, RuleSet rules, TermScope termScope, PrintWriter progressOut) {
        int total = teachersInScope(run.scope());
        Integer done = jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_result WHERE run_id = ?", Integer.class, run.id());
        Progress progress = progressOut == null ? null : new Progress("评价教师", total, progressOut);
        if (progress != null) {
            progress.begin();
        }
        running.register(run.id(), rules, termScope, dictionary(run, rules, termScope), progress, done);
        long beat = Math.max(100, runs.heartbeatInterval().toMillis());
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "yanxiu-run-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleAtFixedRate(() -> runs.heartbeat(run.id()), beat, beat, TimeUnit.MILLISECONDS);
        try {
            TermEvaluationLauncher.Outcome outcome = launcher.run(run.id(), run.termId(), run.scope());
            if (!outcome.completed()) {
                runs.interrupt(run.id());
                throw new EvaluationRuns.RunRefused(whyUnfinished(run, outcome.failures()));
            }
            if (progress != null) {
                progress.done();
            }
            return runs.complete(run.id());
        } catch (EvaluationRuns.RunRefused e) {
            throw e;
        } catch (org.springframework.batch.core.repository.JobRestartException e) {
            runs.interrupt(run.id());
            throw new EvaluationRuns.RunRefused("运行 #" + run.id() + " 无法从中断处继续（" + e.getMessage() + "）：请用 evaluate --abandon " + run.id()
                    + " 放弃它，再用 evaluate --term " + run.termId() + " 重新运行");
        } catch (Exception e) {
            runs.interrupt(run.id());
            throw new EvaluationRuns.RunRefused("运行 #" + run.id() + " 中断：" + innermostMessage(e) + "；可用 evaluate --resume " + run.id() + " 继续");
        } finally {
            stop(heartbeat);
            running.release(run.id());
            rules.dispose();
        }
    }

    /**
     * Stops the heartbeat without interrupting a beat under way: an interrupt that lands while the embedded H2
     * writes its file closes the file for the whole process (every later statement then fails with "Writing to
     * FileChannelImpl failed"), which once ended a resumed run's command after the run had completed.
     */
    private static void stop(ScheduledExecutorService heartbeat) {
        heartbeat.shutdown();
        try {
            heartbeat.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The dictionary the run's results are compressed with: kept from before when the run is resumed, else made
     * from one teacher's evaluation and stored before the first result. Null when there is no teacher.
     */
    private byte[] dictionary(EvaluationRuns.Run run, RuleSet rules, TermScope termScope) {
        byte[] stored = ResultDocuments.dictionary(jdbc, run.id());
        if (stored != null) {
            return stored;
        }
        String first = jdbc.queryForObject("SELECT MIN(id) FROM teacher", String.class);
        cn.yanxiu.rules.TeacherCase sample = first == null ? null : TeacherCaseReader.one(jdbc, termScope, first);
        if (sample == null) {
            return null;
        }
        byte[] dictionary = ResultDocuments.dictionaryFrom(ResultRows.documents(rules.evaluate(sample)));
        ResultDocuments.storeDictionary(jdbc, run.id(), dictionary);
        return ResultDocuments.dictionary(jdbc, run.id());
    }

    /** What to do about a run that did not finish: resume it, unless a rule cannot be stopped (then resuming meets it again). */
    private static String whyUnfinished(EvaluationRuns.Run run, java.util.List<Throwable> failures) {
        for (Throwable failure : failures) {
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof cn.yanxiu.rules.RuleRunStuck stuck) {
                    return "运行 #" + run.id() + " 已停止：" + stuck.getMessage() + "。修正规则后用 evaluate --abandon " + run.id()
                            + " 放弃本次运行，再用 evaluate --term " + run.termId() + " 重新运行";
                }
            }
        }
        String cause = failures.isEmpty() ? "见上方错误" : innermostMessage(failures.get(0));
        return "运行 #" + run.id() + " 未完成（" + cause + "），可用 evaluate --resume " + run.id() + " 继续";
    }

    /** What the database or the engine said, not the SQL and wrappers around it. */
    private static String innermostMessage(Throwable failure) {
        String message = failure.getMessage();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            message = t.getMessage() == null ? message : t.getMessage();
        }
        // H2 appends the whole statement on the lines after
        return message == null ? null : message.lines().findFirst().orElse(message);
    }

    /** A command's batch of few teachers runs on the JVM's quick compiler alone (see {@link cn.yanxiu.system.ShortCommandCompilation}). */
    private void quickCompilerIfSmall(String scope) {
        // counted only where the answer can matter: a web server or a test never takes the directive
        if (cn.yanxiu.system.ShortCommandCompilation.oneBatchProcess() && teachersInScope(scope) <= quickCompilerTeachers) {
            cn.yanxiu.system.ShortCommandCompilation.quickCompilerForSmallBatch();
        }
    }

    /** A run's compiled rules and the term's figures it evaluates with. */
    private record Prepared(RuleSet rules, TermScope scope) {
    }

    /** The rules, or why they could not be had (an I/O failure restoring a snapshot among them). */
    private interface RulesSource<E extends Exception> {
        RuleSet get() throws E;
    }

    /**
     * Compiles the rules on this thread while the database counts the term's group and school figures on another (both
     * come before the first teacher; at 100,000 teachers the counts take seconds). With {@code progressOut}, says when
     * the figures are done — not when the rules failed, which ends the command.
     */
    private <E extends Exception> Prepared prepare(String termId, RulesSource<E> rules, PrintWriter progressOut) throws E {
        long start = System.nanoTime();
        java.util.concurrent.CompletableFuture<TermScope> counting = new java.util.concurrent.CompletableFuture<>();
        // not the common pool: the rule build runs its second compilation there
        Thread thread = new Thread(() -> {
            try {
                TermScope scope = scopes.load(termId);
                if (progressOut != null && !counting.isCancelled()) {
                    progressOut.printf("学期 %s 各教研组、学校的活动已统计（%d 个教研组，%d 所学校），用时 %.1f 秒%n", termId, scope.groups().size(),
                            scope.schools().size(), (System.nanoTime() - start) / 1e9);
                    progressOut.flush();
                }
                counting.complete(scope);
            } catch (RuntimeException e) {
                counting.completeExceptionally(e);
            }
        }, "yanxiu-term-figures");
        thread.setDaemon(true);
        thread.start();
        RuleSet compiled;
        try {
            compiled = rules.get();
        } catch (Exception e) {
            counting.cancel(false);
            throw e;
        }
        try {
            return new Prepared(compiled, counting.join());
        } catch (java.util.concurrent.CompletionException e) {
            compiled.dispose();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private RuleSet load(Path rulesDir, cn.yanxiu.rules.vocabulary.Term term) {
        return load(rulesDir, term, null);
    }

    /** With {@code progressOut}, says that the rules are being compiled and when they are ready: the seconds before the first teacher. */
    private RuleSet load(Path rulesDir, cn.yanxiu.rules.vocabulary.Term term, PrintWriter progressOut) {
        long start = System.nanoTime();
        if (progressOut != null) {
            progressOut.println("校验并编译规则集 " + rulesDir + " …");
            progressOut.flush();
        }
        RuleSetLoader.Loaded loaded = RuleSetLoader.load(rulesDir, snapshots::checkedBefore);
        if (!loaded.ok()) {
            throw new EvaluationRuns.RunRefused("规则集 " + rulesDir + " 未通过校验：\n" + loaded.problems().stream()
                    .map(p -> "  " + p).collect(Collectors.joining("\n")));
        }
        RuleSet rules = loaded.ruleSet();
        if (!rules.manifest().academicYear().equals(term.getAcademicYear())) {
            rules.dispose();
            throw new EvaluationRuns.RunRefused("规则集学年 " + rules.manifest().academicYear() + " 与学期 " + term.getId() + " 不符");
        }
        if (progressOut != null) {
            progressOut.printf("规则集已就绪：%d 条规则，用时 %.1f 秒%n", loaded.ruleCount(), (System.nanoTime() - start) / 1e9);
            progressOut.flush();
        }
        return rules;
    }

    int teachersInScope(String scope) {
        if (scope.startsWith("school:")) {
            return jdbc.queryForObject("SELECT COUNT(*) FROM teacher WHERE school_id = ?", Integer.class, scope.substring(7));
        }
        if (scope.startsWith("district:")) {
            return jdbc.queryForObject("SELECT COUNT(*) FROM teacher t JOIN school s ON s.id = t.school_id WHERE s.district_id = ?",
                    Integer.class, scope.substring(9));
        }
        return jdbc.queryForObject("SELECT COUNT(*) FROM teacher", Integer.class);
    }
}
