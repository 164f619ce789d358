package cn.yanxiu.benchmark;

import cn.yanxiu.evaluation.EvaluationRuns;
import cn.yanxiu.evaluation.EvaluationService;
import cn.yanxiu.evaluation.ResultDocuments;
import cn.yanxiu.evaluation.ResultRows;
import cn.yanxiu.evaluation.RuleSnapshots;
import cn.yanxiu.evaluation.TeacherCaseReader;
import cn.yanxiu.evaluation.TermScope;
import cn.yanxiu.evaluation.TermScopeLoader;
import cn.yanxiu.evaluation.batch.TermEvaluationJobConfiguration;
import cn.yanxiu.generate.SampleCountyGenerator;
import cn.yanxiu.rules.RuleSet;
import cn.yanxiu.rules.RuleSetLoader;
import cn.yanxiu.rules.TeacherCase;
import cn.yanxiu.rules.TeacherEvaluation;
import cn.yanxiu.system.Progress;
import cn.yanxiu.system.YanxiuSubcommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code benchmark}: measures the term-end batch on the configured database against two baselines taken
 * in the same run — the I/O floor (read every row, write one result per teacher, no rules) and the
 * three sample policies G1, G5 and H1 written in plain Java versus the same three in Drools.
 * Needs an empty database: it loads a generated county of the requested size first.
 */
@Component
@Scope("prototype") // picocli keeps option values in the object: a fresh one per command line
@Command(name = "benchmark", description = "性能基准：生成指定规模的数据，测量学期末评价的速度、I/O 下限与规则引擎开销（需空数据库）",
        footer = {"%n示例：", "  java -jar target/yanxiu.jar benchmark --teachers 10000 --report report.md"})
class BenchmarkCommand implements Callable<Integer>, YanxiuSubcommand {

    @Option(names = "--teachers", description = "教师人数，必填（如 10000：写入约 140 万条活动记录）")
    Integer teachers;

    @Option(names = "--term", defaultValue = "2025-2026-1", description = "学期（默认 ${DEFAULT-VALUE}）")
    String termId;

    @Option(names = "--rules", defaultValue = "rules/2025-2026", description = "规则集文件夹（默认 ${DEFAULT-VALUE}）")
    Path rules;

    @Option(names = "--seed", defaultValue = "2025", description = "随机种子（默认 ${DEFAULT-VALUE}）")
    long seed;

    @Option(names = "--engine-sample", defaultValue = "5000", description = "单线程引擎对比所用的教师数（默认 ${DEFAULT-VALUE}）")
    int engineSample;

    @Option(names = "--report", description = "把结果作为 Markdown 表格的一行追加到此文件")
    Path report;

    @Spec
    CommandSpec spec;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final TermScopeLoader scopes;
    private final EvaluationService evaluation;
    private final EvaluationRuns runs;
    private final RuleSnapshots snapshots;
    private final int partitionTeachers;
    private String ruleSetHash;

    BenchmarkCommand(JdbcTemplate jdbc, TransactionTemplate transactions, TermScopeLoader scopes, EvaluationService evaluation, EvaluationRuns runs,
                     RuleSnapshots snapshots, @Value("${yanxiu.batch.partition-teachers}") int partitionTeachers) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.scopes = scopes;
        this.evaluation = evaluation;
        this.runs = runs;
        this.snapshots = snapshots;
        this.partitionTeachers = partitionTeachers;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (teachers == null) {
            err.println("请用 --teachers N 指定教师人数（如 --teachers 10000）：基准测试会先向空数据库写入这么多教师的数据");
            return 2;
        }
        if (teachers < 100 || teachers > 2_000_000) {
            err.println("--teachers 应在 100 到 2000000 之间");
            return 2;
        }
        if (!java.nio.file.Files.isRegularFile(rules.resolve("manifest.yaml"))) {
            err.println("找不到规则集 " + rules.toAbsolutePath() + "：请在仓库根目录运行，或用 --rules 指定规则集文件夹");
            return 2;
        }
        if (jdbc.queryForObject("SELECT COUNT(*) FROM teacher", Integer.class) > 0) {
            err.println("基准测试需要一个空数据库（它会先写入生成的数据）；当前数据库已有教师。"
                    + "H2 默认使用 ./data/benchmark，删除该文件夹即可；MySQL 请指定新建的库（YANXIU_DB_NAME）");
            return 2;
        }
        String database = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion());
        int cores = Runtime.getRuntime().availableProcessors();
        long maxHeap = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        out.printf("Yanxiu benchmark: %,d teachers, term %s, %s, %d cores, max heap %,d MB%n", teachers, termId, database, cores, maxHeap);
        out.flush();

        try (HeapSampler heap = new HeapSampler()) {
            long loadStart = System.nanoTime();
            CountyLoader loader = new CountyLoader(jdbc, transactions, termId);
            Progress loading = new Progress("写入生成数据", teachers, err);
            new SampleCountyGenerator(teachers, seed).write(loader, loading::update);
            loading.done();
            double loadSeconds = seconds(loadStart);
            out.printf("load           %,d rows in %.1f s (%,.0f rows/s; straight JDBC batches, not the importer)%n", loader.rows(), loadSeconds, loader.rows() / loadSeconds);
            out.flush();

            long figuresStart = System.nanoTime();
            TermScope scope = scopes.load(termId);
            out.printf("term figures   %,d groups and %,d schools counted in %.1f s (before a run's first teacher, beside its rule build)%n",
                    scope.groups().size(), scope.schools().size(), seconds(figuresStart));
            Engines engines = compareEngines(scope, out);

            heap.reset();
            Measured floor1 = floor(scope, cores, heap);
            out.printf("I/O floor      %,d teachers in %.1f s = %,.0f teachers/s, heap in use ≤ %,d MB, live after GC ≤ %,d MB%n",
                    floor1.teachers, floor1.seconds, floor1.rate(), floor1.heapMb, floor1.liveMb);
            out.flush();

            heap.reset();
            long batchStart = System.nanoTime();
            EvaluationRuns.Run run = evaluation.evaluate(termId, rules, "全部", "benchmark", err);
            Measured batch = new Measured(run.teachers(), seconds(batchStart), heap.peakMegabytes(), heap.peakLiveMegabytes());
            out.printf("batch          %,d teachers in %.1f s = %,.0f teachers/s, heap in use ≤ %,d MB, live after GC ≤ %,d MB (run #%d, audit trace on)%n",
                    batch.teachers, batch.seconds, batch.rate(), batch.heapMb, batch.liveMb, run.id());
            Map<String, Object> stored = jdbc.queryForMap("SELECT AVG(COALESCE(LENGTH(details), 0) + LENGTH(findings_json) + LENGTH(score_lines_json) "
                    + "+ LENGTH(eligibility_json) + LENGTH(trace_json)) AS mean, MAX(COALESCE(LENGTH(details), 0)) AS largest FROM evaluation_result WHERE run_id = ?",
                    run.id());
            bytesPerResult = ((Number) cn.yanxiu.system.RowColumns.get(stored, "mean")).doubleValue();
            out.printf("stored         %,.0f bytes per result on average (findings, score lines, eligibility and trace, compressed), largest %,d%n",
                    bytesPerResult, ((Number) cn.yanxiu.system.RowColumns.get(stored, "largest")).longValue());
            out.flush();

            heap.reset();
            Measured floor2 = floor(scope, cores, heap);
            out.printf("I/O floor      %,d teachers in %.1f s = %,.0f teachers/s, heap in use ≤ %,d MB, live after GC ≤ %,d MB (again, after the batch)%n",
                    floor2.teachers, floor2.seconds, floor2.rate(), floor2.heapMb, floor2.liveMb);
            Measured floor = floor2.rate() > floor1.rate() ? floor2 : floor1;
            double ratio = batch.seconds / floor.seconds;
            out.printf("batch / floor  %.2f× the faster floor's time%n", ratio);
            out.flush();

            if (report != null) {
                appendReport(database, cores, maxHeap, floor, batch, ratio, engines);
                out.println("appended to " + report);
            }
        }
        return 0;
    }

    private double bytesPerResult;

    private record Measured(int teachers, double seconds, long heapMb, long liveMb) {
        double rate() {
            return teachers / seconds;
        }
    }

    private record Engines(int sample, double plainJava, double drools, double fullRuleSet, double fullRuleSetAllCores, int disagreements) {
    }

    /** Single-threaded, on cases already in memory, after warm-up: the engines alone, no database. */
    private Engines compareEngines(TermScope scope, PrintWriter out) throws IOException {
        List<String> schools = jdbc.queryForList("SELECT id FROM school ORDER BY id", String.class);
        List<TeacherCase> cases;
        try (TeacherCaseReader reader = new TeacherCaseReader(jdbc, scope, schools, null)) {
            cases = reader.nextPage(engineSample);
        }
        ThreePolicyParameters parameters = ThreePolicyParameters.load();
        Function<TeacherCase, ThreePolicyResult> java = ThreePolicyEvaluators.plainJava(parameters);
        Function<TeacherCase, ThreePolicyResult> drools = ThreePolicyEvaluators.drools(parameters);
        int disagreements = 0;
        for (TeacherCase c : cases) {
            if (!java.apply(c).sameAs(drools.apply(c))) {
                disagreements++;
            }
        }
        double javaRate = bestRate(cases, java::apply);
        double droolsRate = bestRate(cases, drools::apply);
        RuleSetLoader.Loaded loaded = RuleSetLoader.load(rules);
        if (!loaded.ok()) {
            throw new IllegalStateException("规则集 " + rules + " 未通过校验：" + loaded.problems());
        }
        RuleSet ruleSet = loaded.ruleSet();
        snapshots.store(ruleSet);
        ruleSetHash = ruleSet.hash();
        double fullRate;
        double allCoresRate;
        Writing writing;
        int cores = Runtime.getRuntime().availableProcessors();
        try {
            fullRate = bestRate(cases, ruleSet::evaluate);
            allCoresRate = bestRateOnThreads(cases, ruleSet::evaluate, cores);
            writing = compareWriting(cases.subList(0, Math.min(cases.size(), WRITING_SAMPLE)).stream().map(ruleSet::evaluate).toList());
        } finally {
            ruleSet.dispose();
        }
        out.printf("engine, single thread, %,d teachers in memory, best of 3 after 2 warm-up passes:%n", cases.size());
        out.printf("  G1+G5+H1 plain Java       %,12.0f teachers/s%n", javaRate);
        out.printf("  G1+G5+H1 Drools           %,12.0f teachers/s  (%.1f× the plain-Java time; %d disagreements)%n", droolsRate, javaRate / droolsRate, disagreements);
        out.printf("  full rule set %s %,8.0f teachers/s  (%d rules, audit trace on)%n", rules.getFileName(), fullRate, loaded.ruleCount());
        out.printf("  the same on %d threads    %,8.0f teachers/s  (%.2f× one thread: the most the batch's evaluating threads could do)%n", cores,
                allCoresRate, allCoresRate / fullRate);
        out.printf("results written, single thread, %,d results in memory (JSON and compression, no database):%n", writing.results());
        out.printf("  as stored now             %,12.0f results/s  (%,.0f bytes each)%n", writing.now(), writing.bytesNow());
        out.printf("  text, then deflate level 6 %,11.0f results/s  (%,.0f bytes each; the writer before 2026-12-03: now %.2f× as fast)%n",
                writing.before(), writing.bytesBefore(), writing.now() / writing.before());
        out.flush();
        return new Engines(cases.size(), javaRate, droolsRate, fullRate, allCoresRate, disagreements);
    }

    /** As {@link #bestRate}, the cases split between {@code threads} threads evaluating at once: one rate for all of them. */
    private static <T> double bestRateOnThreads(List<T> cases, java.util.function.Consumer<T> evaluator, int threads) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            int slice = (cases.size() + threads - 1) / threads;
            double best = 0;
            for (int pass = 0; pass < PASSES; pass++) {
                long start = System.nanoTime();
                List<java.util.concurrent.Future<?>> running = new java.util.ArrayList<>();
                for (int from = 0; from < cases.size(); from += slice) {
                    List<T> part = cases.subList(from, Math.min(cases.size(), from + slice));
                    running.add(pool.submit(() -> part.forEach(evaluator)));
                }
                for (java.util.concurrent.Future<?> f : running) {
                    f.get();
                }
                double rate = cases.size() / seconds(start);
                if (pass >= 2) {
                    best = Math.max(best, rate);
                }
            }
            return best;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Evaluations kept in memory to time the writer: a result's objects take tens of kilobytes. */
    private static final int WRITING_SAMPLE = 1000;

    private record Writing(int results, double now, double bytesNow, double before, double bytesBefore) {
    }

    /** The result writer alone against the way it wrote before (documents made as text, encoded, deflated at level 6 by a new compressor). */
    private static Writing compareWriting(List<TeacherEvaluation> evaluations) {
        byte[] dictionary = ResultDocuments.dictionaryFrom(ResultRows.documents(evaluations.get(0)));
        long[] bytes = new long[2];
        double now = bestRate(evaluations, e -> bytes[0] += ResultRows.packed(e, dictionary).length);
        double before = bestRate(evaluations, e -> bytes[1] += deflatedAsBefore(ResultRows.documents(e).joined(), dictionary));
        double written = (double) PASSES * evaluations.size();
        return new Writing(evaluations.size(), now, bytes[0] / written, before, bytes[1] / written);
    }

    private static int deflatedAsBefore(byte[] input, byte[] dictionary) {
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(6);
        try {
            deflater.setDictionary(dictionary);
            deflater.setInput(input);
            deflater.finish();
            byte[] buffer = new byte[4096];
            int size = 1;
            while (!deflater.finished()) {
                size += deflater.deflate(buffer);
            }
            return size;
        } finally {
            deflater.end();
        }
    }

    /** Passes over the same teachers for a rate: two to warm up, the best of the rest counts. */
    private static final int PASSES = 5;

    private static <T> double bestRate(List<T> cases, java.util.function.Consumer<T> evaluator) {
        double best = 0;
        for (int pass = 0; pass < PASSES; pass++) {
            long start = System.nanoTime();
            for (T c : cases) {
                evaluator.accept(c);
            }
            double rate = cases.size() / seconds(start);
            if (pass >= 2) {
                best = Math.max(best, rate);
            }
        }
        return best;
    }

    private Measured floor(TermScope scope, int threads, HeapSampler heap) throws Exception {
        EvaluationRuns.Run run = runs.start(termId, ruleSetHash, "全部", "benchmark:io-floor");
        try {
            long start = System.nanoTime();
            int written = new IoFloor(jdbc, transactions, TermEvaluationJobConfiguration.CHUNK, partitionTeachers).run(scope, run.id(), threads);
            return new Measured(written, seconds(start), heap.peakMegabytes(), heap.peakLiveMegabytes());
        } finally {
            runs.abandon(run.id());
            jdbc.update("DELETE FROM evaluation_result WHERE run_id = ?", run.id());
        }
    }

    private void appendReport(String database, int cores, long maxHeap, Measured floor, Measured batch, double ratio, Engines e) throws IOException {
        boolean fresh = !Files.exists(report);
        StringBuilder md = new StringBuilder();
        if (fresh) {
            md.append("| database | teachers | cores | max heap MB | I/O floor t/s | batch t/s | batch ÷ floor time | live heap after GC MB (batch) "
                    + "| G1+G5+H1 Java t/s | G1+G5+H1 Drools t/s | full rule set t/s (1 thread) | full rule set t/s (all cores) | bytes per result |\n");
            md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        }
        md.append(String.format("| %s | %,d | %d | %,d | %,.0f | %,.0f | %.2f× | %,d | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f |%n", database, batch.teachers, cores, maxHeap,
                floor.rate(), batch.rate(), ratio, batch.liveMb, e.plainJava, e.drools, e.fullRuleSet, e.fullRuleSetAllCores, bytesPerResult));
        Files.writeString(report, md, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
