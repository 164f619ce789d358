package cn.yanxiu.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yanxiu.accounts.AccountRole;
import cn.yanxiu.accounts.Accounts;
import cn.yanxiu.credits.CreditLedger;
import cn.yanxiu.evaluation.EvaluationRuns;
import cn.yanxiu.evaluation.EvaluationService;
import cn.yanxiu.generate.SampleCountyGenerator;
import cn.yanxiu.importing.SpreadsheetImporter;
import cn.yanxiu.support.Databases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The county the web tests work on: a generated county imported, evaluated once and its credits proposed;
 * an administrator, an auditor, and accounts made from the teacher list (a plain teacher, a group leader
 * who approves for the group). The rule folders live in a copy the tests may edit.
 */
record WebCounty(EvaluationRuns.Run run, Path rulesRoot, String adminPassword, String auditorPassword, Accounts.Created teacher,
                 Accounts.Created otherTeacher, Accounts.Created groupLeader, List<Accounts.Created> created) {

    static final String TERM = "2025-2026-1";
    static final String RULES = "2025-2026";
    /** A copy of the year's rules whose tests expect a wrong grade: it validates but must not be activated. */
    static final String FAILING_TESTS = "2025-2026-failing";
    /** The district the generated schools from S000111 on are moved to. */
    static final String NEIGHBOUR = "D0002";

    static WebCounty build(JdbcTemplate jdbc, SpreadsheetImporter importer, EvaluationService evaluation, CreditLedger ledger, Accounts accounts,
                           Path rulesRoot, Path county, int teachers) throws IOException {
        Databases.clear(jdbc);
        FileSystemUtils.deleteRecursively(rulesRoot);
        FileSystemUtils.copyRecursively(Path.of("rules", RULES), rulesRoot.resolve(RULES));
        FileSystemUtils.copyRecursively(Path.of("rules", RULES), rulesRoot.resolve(FAILING_TESTS));
        Path tests = rulesRoot.resolve(FAILING_TESTS).resolve("tests/policies.yaml");
        String yaml = Files.readString(tests);
        int grade = yaml.indexOf("grade: 不合格");
        assertThat(grade).as("the sample tests expect a 不合格 somewhere").isPositive();
        Files.writeString(tests, yaml.substring(0, grade) + "grade: 合格" + yaml.substring(grade + "grade: 不合格".length()));

        List<Path> files = new SampleCountyGenerator(teachers, 5).write(county, n -> { });
        assertThat(importer.importFiles(files)).allSatisfy(r -> assertThat(r.problems()).isEmpty());
        // a second county beside the first, so scoped accounts have somewhere they must not reach
        jdbc.update("INSERT INTO district (id, name) VALUES (?, ?)", NEIGHBOUR, "邻县");
        jdbc.update("UPDATE school SET district_id = ? WHERE id >= ?", NEIGHBOUR, "S000111");
        EvaluationRuns.Run run = evaluation.evaluate(TERM, rulesRoot.resolve(RULES), "全部", "tests", null);
        ledger.propose(run.id(), "教务员", null);

        accounts.create("admin", "县管理员", EnumSet.of(AccountRole.ADMIN), null, null, null, null, "admin-password-1", "tests");
        accounts.create("auditor", "审计员甲", EnumSet.of(AccountRole.AUDITOR), null, null, null, null, "auditor-password-1", "tests");
        List<Accounts.Created> created = accounts.createForTeachers("admin");
        // plain teachers; the first one passed, so has credits proposed and will earn a certificate
        List<Accounts.Created> plain = created.stream().filter(c -> c.roles().equals(EnumSet.of(AccountRole.TEACHER)))
                .sorted(java.util.Comparator.comparing((Accounts.Created c) -> !passed(jdbc, run.id(), c.username()))).toList();
        assertThat(passed(jdbc, run.id(), plain.get(0).username())).isTrue();
        // the group leader with the most entries of others waiting in their group
        java.util.function.ToIntFunction<Accounts.Created> waiting = c -> jdbc.queryForObject("SELECT COUNT(*) FROM credit_entry e "
                + "JOIN teacher t ON t.id = e.teacher_id WHERE e.status = 'PROPOSED' AND t.id <> ? AND t.group_id = "
                + "(SELECT group_id FROM teacher WHERE id = ?)", Integer.class, c.username(), c.username());
        Accounts.Created leader = created.stream().filter(c -> c.roles().contains(AccountRole.APPROVER))
                .filter(c -> accounts.find(c.username()).orElseThrow().account().approverStep() == cn.yanxiu.credits.CreditStep.GROUP)
                // preferring one whose own entry waits too, so the tests see it kept out of their queue
                .max(java.util.Comparator.comparingInt((Accounts.Created c) -> Math.min(waiting.applyAsInt(c), 3) * 10 + jdbc.queryForObject(
                        "SELECT COUNT(*) FROM credit_entry WHERE teacher_id = ? AND status = 'PROPOSED'", Integer.class, c.username())))
                .orElseThrow(() -> new AssertionError("the county has no group leader"));
        assertThat(waiting.applyAsInt(leader)).as("entries of others waiting in the leader's group").isGreaterThan(1);
        return new WebCounty(run, rulesRoot, "admin-password-1", "auditor-password-1", plain.get(0), plain.get(1), leader, created);
    }

    private static boolean passed(JdbcTemplate jdbc, long run, String teacher) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_result r JOIN credit_entry e ON e.run_id = r.run_id AND e.teacher_id = r.teacher_id "
                + "WHERE r.run_id = ? AND r.teacher_id = ? AND r.certificate = TRUE", Integer.class, run, teacher) > 0;
    }
}
