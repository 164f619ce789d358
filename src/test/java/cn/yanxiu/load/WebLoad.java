package cn.yanxiu.load;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The load test of the teachers' week (run by {@code .ci/load}): many teachers, each signed in through the sign-in
 * form with their own session, open their page {@code /me} (grade, the explanation, credits), read it, download their
 * certificate, read on, and so on — 10 to 30 s on a page, as a person reads it — against several {@code serve}
 * instances in turn, as a load balancer sends requests. Prints requests/s and p50/p95/p99 per page.
 *
 * <p>Arguments: JDBC URL, number of teachers, seconds, seconds over which the teachers arrive, then the instances' base URLs. The teachers' accounts must exist;
 * their passwords are set to one known value (BCrypt, strength 10, as production hashes) so the test can sign in.
 */
public final class WebLoad {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String PASSWORD = "load-test-password-1";
    /** A person reads a page for 10 to 30 seconds before the next one. */
    private static final long READING_MS = 10_000;

    private record Teacher(String username, String serial) {
    }

    private record Session(Teacher teacher, String cookie) {
    }

    private WebLoad() {
    }

    public static void main(String[] args) throws Exception {
        String jdbc = args[0];
        int users = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        long arrivalMs = Long.parseLong(args[3]) * 1000;
        List<String> instances = List.of(args).subList(4, args.length);
        List<Teacher> teachers = teachers(jdbc, users);
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(8)).build();

        long signInStart = System.nanoTime();
        List<Session> sessions = Collections.synchronizedList(new ArrayList<>());
        ExecutorService signing = Executors.newFixedThreadPool(16);
        AtomicInteger next = new AtomicInteger();
        for (Teacher t : teachers) {
            signing.execute(() -> {
                try {
                    sessions.add(new Session(t, signIn(http, instances.get(next.getAndIncrement() % instances.size()), t.username())));
                } catch (Exception e) {
                    System.err.println("登录失败 " + t.username() + "：" + e);
                }
            });
        }
        signing.shutdown();
        signing.awaitTermination(10, TimeUnit.MINUTES);
        System.out.printf("已登录 %d 位教师（%.1f 秒，交替登录 %d 个实例）%n", sessions.size(), (System.nanoTime() - signInStart) / 1e9, instances.size());

        Visits visits = new Visits(http, instances, System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds), sessions.size());
        long start = System.nanoTime();
        for (Session s : sessions) {
            // teachers arrive spread over the arrival time, not all at one instant
            visits.clock.schedule(() -> visits.open(s, 0), ThreadLocalRandom.current().nextLong(Math.max(1, arrivalMs)), TimeUnit.MILLISECONDS);
        }
        visits.finished.await(seconds + 120, TimeUnit.SECONDS);
        Map<String, List<Long>> latencies = visits.latencies;
        Map<String, AtomicInteger> failures = visits.failures;
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d 位已登录教师，%d 秒内陆续到达，共 %d 秒，%d 个实例%n", sessions.size(), arrivalMs / 1000, seconds, instances.size());
        System.out.println("| 页面 | 请求 | 每秒 | 失败 | p50 | p95 | p99 | 最长 |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (var e : new java.util.TreeMap<>(latencies).entrySet()) {
            List<Long> l = new ArrayList<>(e.getValue());
            Collections.sort(l);
            System.out.printf("| %s | %d | %.1f | %d | %d ms | %d ms | %d ms | %d ms |%n", e.getKey(), l.size(), l.size() / elapsed,
                    failures.getOrDefault(e.getKey(), new AtomicInteger()).get(), at(l, 0.50), at(l, 0.95), at(l, 0.99), l.get(l.size() - 1));
        }
        System.exit(0);
    }

    private static long at(List<Long> sorted, double share) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(share * sorted.size()) - 1));
    }

    /**
     * Each teacher's visit as timed steps, no thread waiting through the reading: a page is requested without
     * blocking, and when it has arrived the next one is due after the reading time (the certificate every second
     * page, for a teacher who holds one), until the test's end.
     */
    private static final class Visits {
        final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        final ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
        final CountDownLatch finished;
        private final HttpClient http;
        private final List<String> instances;
        private final long end;
        private final AtomicInteger turn = new AtomicInteger();

        Visits(HttpClient http, List<String> instances, long end, int teachers) {
            this.http = http;
            this.instances = instances;
            this.end = end;
            this.finished = new CountDownLatch(teachers);
        }

        void open(Session s, int page) {
            if (System.nanoTime() >= end) {
                finished.countDown();
                return;
            }
            boolean certificate = page % 2 == 1 && s.teacher().serial() != null;
            String path = certificate ? "/me/certificates/" + s.teacher().serial() : "/me";
            String name = certificate ? "/me/certificates/{serial}" : "/me";
            String url = instances.get(Math.floorMod(turn.getAndIncrement(), instances.size())) + path;
            long t0 = System.nanoTime();
            http.sendAsync(HttpRequest.newBuilder(URI.create(url)).header("Cookie", s.cookie()).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                        latencies.computeIfAbsent(name, k -> Collections.synchronizedList(new ArrayList<>())).add((System.nanoTime() - t0) / 1_000_000);
                        if (error != null || response.statusCode() != 200) {
                            failures.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
                        }
                        long reading = READING_MS + ThreadLocalRandom.current().nextLong(READING_MS * 2);
                        clock.schedule(() -> open(s, page + 1), reading, TimeUnit.MILLISECONDS);
                    });
        }
    }

    /** Signs in through the form and returns the session cookie. */
    private static String signIn(HttpClient http, String base, String username) throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().firstValue("Set-Cookie").map(c -> c.substring(0, c.indexOf(';'))).orElseThrow();
        Matcher m = CSRF.matcher(login.body());
        if (!m.find()) {
            throw new IllegalStateException("登录页没有 CSRF 令牌");
        }
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=" + PASSWORD + "&_csrf=" + m.group(1);
        HttpResponse<String> signed = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        String location = signed.headers().firstValue("Location").orElse("");
        if (location.contains("error") || location.contains("locked")) {
            throw new IllegalStateException("登录被拒：" + location);
        }
        // the session id changes at sign-in
        return signed.headers().firstValue("Set-Cookie").map(c -> c.substring(0, c.indexOf(';'))).orElse(cookie);
    }

    /** The first {@code users} teachers with an account, their password set to the known one, with their certificate serial if any. */
    private static List<Teacher> teachers(String jdbc, int users) throws Exception {
        String hash = new BCryptPasswordEncoder(10).encode(PASSWORD);
        List<Teacher> teachers = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbc, "root", "")) {
            c.createStatement().executeUpdate("UPDATE user_account SET password_hash = '" + hash + "' WHERE teacher_id IS NOT NULL");
            var rs = c.createStatement().executeQuery("SELECT a.username, (SELECT MIN(serial) FROM certificate x WHERE x.teacher_id = a.teacher_id "
                    + "AND x.revoked_at IS NULL) FROM user_account a WHERE a.teacher_id IS NOT NULL ORDER BY a.username LIMIT " + users);
            while (rs.next()) {
                teachers.add(new Teacher(rs.getString(1), rs.getString(2)));
            }
        }
        return teachers;
    }
}
