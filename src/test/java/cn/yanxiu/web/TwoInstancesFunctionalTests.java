package cn.yanxiu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Two {@code serve} processes of the packaged jar on one MariaDB database, as two instances behind a load
 * balancer: a person signed in on one goes on on the other, an upload taken by one is followed on the other,
 * wrong passwords on both add up to one lock, and a term-end run whose instance is killed is taken up by the
 * other to exactly one result per teacher.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf("cn.yanxiu.support.Databases#mariadbReachable")
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class TwoInstancesFunctionalTests {

    private static final String DATABASE = cn.yanxiu.support.FunctionalCounty.DATABASE;
    private static final String PASSWORD = "two-instances-admin-1";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static final String JDBC = cn.yanxiu.support.FunctionalCounty.JDBC;
    /** The sample county's teachers: on one core the run takes seconds, and A is killed after its first chunk. */
    private static final int TEACHERS = 1030;
    private static final Pattern DONE = Pattern.compile("\"done\":(\\d+),\"total\":(\\d+)");

    private final List<Process> instances = new ArrayList<>();
    private int portA;
    private int portB;

    @BeforeAll
    void twoInstances() throws Exception {
        // the sample county, imported once for the functional tests
        cn.yanxiu.support.FunctionalCounty.database();
        portA = freePort();
        portB = freePort();
        // both at once: the first administrator is made by whichever comes first
        start(portA);
        start(portB);
        awaitReady(portA);
        awaitReady(portB);
    }

    @AfterAll
    void stop() {
        instances.forEach(Process::destroyForcibly);
    }

    @Test
    void signedInOnOneInstanceGoesOnOnTheOther() throws Exception {
        HttpClient browser = browser();
        assertThat(signIn(browser, portA, "admin", PASSWORD).headers().firstValue("Location").orElse("")).endsWith("/");
        HttpResponse<String> overview = browser.send(HttpRequest.newBuilder(url(portB, "/admin")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(overview.statusCode()).as("the session made on A, read on B").isEqualTo(200);
        assertThat(overview.body()).contains("管理概览", "省级管理员");
        // a form on B with the CSRF token of the session made on A
        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(url(portB, "/account/password")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(200);
        HttpResponse<String> out = browser.send(HttpRequest.newBuilder(url(portB, "/logout"))
                .POST(form("_csrf", csrf(form.body()))).header("Content-Type", "application/x-www-form-urlencoded").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(out.headers().firstValue("Location").orElse("")).contains("/login?logout");
        HttpResponse<String> after = browser.send(HttpRequest.newBuilder(url(portA, "/admin")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).as("signed out on B is signed out on A").isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).contains("/login");
    }

    @Test
    void anUploadTakenByOneInstanceIsFollowedOnTheOther() throws Exception {
        HttpClient admin = browser();
        signIn(admin, portA, "admin", PASSWORD);
        HttpResponse<String> form = admin.send(HttpRequest.newBuilder(url(portA, "/admin/import")).build(), HttpResponse.BodyHandlers.ofString());
        String boundary = "----yanxiu" + System.nanoTime();
        String csv = "学校编号,学校名称,学校类型,区县编号,区县名称\nS990001,两实例小学,小学,D9901,两实例县\n";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf(form.body()) + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"schools.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                + csv + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> upload = admin.send(HttpRequest.newBuilder(url(portA, "/admin/import"))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).header("Content-Type", "multipart/form-data; boundary=" + boundary).build(),
                HttpResponse.BodyHandlers.ofString());
        String job = upload.headers().firstValue("Location").orElse("");
        assertThat(job).as("upload on A").contains("/admin/import/");
        String path = URI.create(job).getPath();
        org.awaitility.Awaitility.await("the import followed on B").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> admin.send(HttpRequest.newBuilder(url(portB, path + "/progress")).build(), HttpResponse.BodyHandlers.ofString()).body(),
                        p -> p.contains("FINISHED"));
        String results = admin.send(HttpRequest.newBuilder(url(portB, path)).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(results).contains("schools.csv", "全部 1 个文件已导入");
    }

    @Test
    void aRuleEditSavedOnOneInstanceIsReadAndCheckedOnTheOther() throws Exception {
        HttpClient admin = browser();
        signIn(admin, portA, "admin", PASSWORD);
        String path = "/rule-sets/2025-2026/files/duties.drl";
        HttpResponse<String> editor = admin.send(HttpRequest.newBuilder(url(portA, path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(editor.statusCode()).isEqualTo(200);
        String before = new String(bytes("SELECT content FROM rule_file WHERE rules_folder = '2025-2026' AND file_name = 'duties.drl'"), StandardCharsets.UTF_8);
        String marker = "两实例复核 " + System.nanoTime();
        String hashBefore = checkedHash(admin, portB);

        HttpResponse<String> saved = admin.send(HttpRequest.newBuilder(url(portA, "/admin/rules/2025-2026/files/duties.drl"))
                .POST(form("_csrf", csrf(editor.body()), "text", before + "\n// " + marker + "\n"))
                .header("Content-Type", "application/x-www-form-urlencoded").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(saved.statusCode()).as("saved on A").isEqualTo(302);
        try {
            assertThat(admin.send(HttpRequest.newBuilder(url(portB, path)).build(), HttpResponse.BodyHandlers.ofString()).body())
                    .as("the edit, read on B").contains(marker);
            String hashAfter = checkedHash(admin, portB);
            assertThat(hashAfter).as("B compiles and checks the edited folder").isNotEqualTo(hashBefore);
        } finally {
            HttpResponse<String> onB = admin.send(HttpRequest.newBuilder(url(portB, path)).build(), HttpResponse.BodyHandlers.ofString());
            admin.send(HttpRequest.newBuilder(url(portB, "/admin/rules/2025-2026/files/duties.drl/undo")).POST(form("_csrf", csrf(onB.body())))
                    .header("Content-Type", "application/x-www-form-urlencoded").build(), HttpResponse.BodyHandlers.ofString());
        }
        assertThat(admin.send(HttpRequest.newBuilder(url(portA, path)).build(), HttpResponse.BodyHandlers.ofString()).body())
                .as("undone on B, gone on A").doesNotContain(marker);
    }

    /** The content hash an instance's administrator check (the API, signed in with HTTP Basic) reports for the sample rule set. */
    private String checkedHash(HttpClient admin, int port) throws Exception {
        String basic = java.util.Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        String check = admin.send(HttpRequest.newBuilder(url(port, "/api/rule-sets/2025-2026/check")).header("Authorization", "Basic " + basic).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher hash = Pattern.compile("\"hash\":\"([0-9a-f]{64})\"").matcher(check);
        assertThat(hash.find()).as(check).isTrue();
        return hash.group(1);
    }

    @Test
    void wrongPasswordsOnBothInstancesAddUpToOneLock() throws Exception {
        createAccount("lockme", "lock-me-password-1");
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = signIn(browser(), i % 2 == 0 ? portA : portB, "lockme", "wrong-password-" + i);
            assertThat(wrong.headers().firstValue("Location").orElse("")).contains("/login?");
        }
        HttpResponse<String> right = signIn(browser(), portA, "lockme", "lock-me-password-1");
        assertThat(right.headers().firstValue("Location").orElse("")).as("5 failures, 3 on A and 2 on B, lock the name on A").contains("/login?locked=");
        HttpResponse<String> rightOnB = signIn(browser(), portB, "lockme", "lock-me-password-1");
        assertThat(rightOnB.headers().firstValue("Location").orElse("")).as("and on B").contains("/login?locked=");
    }

    @Test
    void onlyTheHealthProbesOfTheActuatorArePublic() throws Exception {
        HttpClient anonymous = browser();
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            HttpResponse<String> health = anonymous.send(HttpRequest.newBuilder(url(portB, path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as(path).isEqualTo(200);
            assertThat(health.body()).as(path).startsWith("{\"status\":\"UP\"").doesNotContain("components", "details", "diskSpace", "mysql", "db");
        }
        for (String path : List.of("/actuator", "/actuator/env", "/actuator/beans", "/actuator/heapdump", "/actuator/configprops")) {
            int status = anonymous.send(HttpRequest.newBuilder(url(portA, path)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
            assertThat(status).as(path).isIn(302, 403, 404);
        }
    }

    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE) // last: it kills instance A
    void aRunWhoseInstanceIsKilledIsTakenUpByTheOtherToOneResultPerTeacher() throws Exception {
        HttpClient api = browser();
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> activated = api.send(HttpRequest.newBuilder(url(portB, "/api/admin/rule-sets/2025-2026/activate")).header("Authorization", basic)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"term\":\"2025-2026-1\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        HttpResponse<String> started = api.send(HttpRequest.newBuilder(url(portA, "/api/admin/runs")).header("Authorization", basic)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"term\":\"2025-2026-1\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        Matcher idOf = Pattern.compile("\"id\":(\\d+)").matcher(started.body());
        assertThat(idOf.find()).isTrue();
        long run = Long.parseLong(idOf.group(1));

        int[] seen = {0, 0};
        org.awaitility.Awaitility.await("run #" + run + " under way on A").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    Matcher m = DONE.matcher(api.send(HttpRequest.newBuilder(url(portA, "/api/runs/" + run)).header("Authorization", basic).build(),
                            HttpResponse.BodyHandlers.ofString()).body());
                    if (m.find()) {
                        seen[0] = Integer.parseInt(m.group(1));
                        seen[1] = Integer.parseInt(m.group(2));
                    }
                    return seen[0] > 0;
                });
        instances.get(0).destroyForcibly().waitFor();
        int atKill = count("SELECT COUNT(*) FROM evaluation_result WHERE run_id = " + run);
        assertThat(atKill).as("A killed midway (seen " + seen[0] + " / " + seen[1] + ")").isBetween(1, TEACHERS - 1);

        org.awaitility.Awaitility.await("run #" + run + " taken up by B and completed (see target/instance-" + portB + ".log)").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500)).until(() -> "COMPLETED".equals(text("SELECT status FROM evaluation_run WHERE id = " + run)));
        assertThat(count("SELECT COUNT(*) FROM evaluation_result WHERE run_id = " + run)).isEqualTo(TEACHERS);
        assertThat(count("SELECT COUNT(DISTINCT teacher_id) FROM evaluation_result WHERE run_id = " + run)).isEqualTo(TEACHERS);
        assertThat(count("SELECT teachers FROM evaluation_run WHERE id = " + run)).isEqualTo(TEACHERS);
        assertThat(java.nio.file.Files.readString(Path.of("target", "instance-" + portB + ".log"))).contains("运行 #" + run, "本实例接手继续");
    }

    private static int count(String sql) throws Exception {
        return Integer.parseInt(text(sql));
    }

    private static byte[] bytes(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(JDBC, "root", ""); var rs = c.createStatement().executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getBytes(1);
        }
    }

    private static String text(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(JDBC, "root", ""); var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void createAccount(String username, String password) throws Exception {
        HttpClient admin = browser();
        signIn(admin, portB, "admin", PASSWORD);
        HttpResponse<String> page = admin.send(HttpRequest.newBuilder(url(portB, "/admin/accounts")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> created = admin.send(HttpRequest.newBuilder(url(portA, "/admin/accounts"))
                .POST(form("_csrf", csrf(page.body()), "username", username, "displayName", "锁定测试", "roles", "AUDITOR", "scopeLevel", "PROVINCE",
                        "password", password))
                .header("Content-Type", "application/x-www-form-urlencoded").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(302);
    }

    private HttpResponse<String> signIn(HttpClient browser, int port, String username, String password) throws Exception {
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(url(port, "/login")).build(), HttpResponse.BodyHandlers.ofString());
        return browser.send(HttpRequest.newBuilder(url(port, "/login"))
                .POST(form("username", username, "password", password, "_csrf", csrf(login.body())))
                .header("Content-Type", "application/x-www-form-urlencoded").build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A browser: its own cookie jar, which (as browsers do) sends localhost's cookies to every port. */
    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }

    private static HttpRequest.BodyPublisher form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(i == 0 ? "" : "&").append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return HttpRequest.BodyPublishers.ofString(body.toString());
    }

    private static URI url(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private void start(int port) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-XX:TieredStopAtLevel=1", "-XX:ActiveProcessorCount=1", "-jar", "target/yanxiu.jar", "serve");
        builder.environment().put("SPRING_PROFILES_ACTIVE", "mysql");
        builder.environment().put("YANXIU_DB_NAME", DATABASE);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().put("YANXIU_ADMIN_PASSWORD", PASSWORD);
        builder.environment().put("YANXIU_VERIFY_URL", "https://yanxiu.example.cn/verify/");
        builder.environment().put("YANXIU_ACCOUNTS_BCRYPT_STRENGTH", "4");
        // a killed instance's run counts as silent after 4 s; the other looks every second
        builder.environment().put("YANXIU_EVALUATION_STALE_AFTER", "PT4S");
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.redirectErrorStream(true);
        builder.redirectOutput(Path.of("target", "instance-" + port + ".log").toFile());
        instances.add(builder.start());
    }

    private void awaitReady(int port) {
        HttpClient client = browser();
        org.awaitility.Awaitility.await("instance on port " + port + " ready (see target/instance-" + port + ".log)").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> client.send(HttpRequest.newBuilder(url(port, "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 200);
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
