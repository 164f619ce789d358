package cn.yanxiu.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit log: sign-ins, account changes, imports, rule edits and activations, runs, publications, approvals,
 * certificates and exports of personal data — who, when, from where, what. Rows are only ever added; each carries
 * the SHA-256 of its fields and of the row before it, so {@link #verify()} finds a row deleted or altered since.
 */
@Service
public class AuditLog {

    /** The first row's "previous hash". */
    static final String GENESIS = "0".repeat(64);
    private static final int MAX_DETAIL = 1000;

    public record Event(long id, Instant at, String actor, String address, String action, String target, String detail, String prevHash, String hash) {
    }

    /** What verifying the chain found: rows checked and the first broken one (null when intact). */
    public record Verification(long rows, Long brokenAt, String problem) {
        public boolean intact() {
            return brokenAt == null;
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public AuditLog(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Records an action by {@code actor}; the address is the web request's when there is one, else the command line. */
    public void record(String actor, String action, String target, String detail) {
        String address = address();
        // whole-second times: what is hashed is exactly what every database stores and gives back
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String who = clip(actor == null || actor.isBlank() ? "（未知）" : actor, 100);
        String what = clip(target, 200);
        String why = clip(detail, MAX_DETAIL);
        // one writer at a time: the chain must not fork (the lock row is the newest event, or nothing on a new log)
        synchronized (AuditLog.class) {
            transactions.executeWithoutResult(s -> {
                List<String> last = jdbc.queryForList("SELECT hash FROM audit_event WHERE id = (SELECT MAX(id) FROM audit_event) FOR UPDATE", String.class);
                String prev = last.isEmpty() ? GENESIS : last.get(0);
                String hash = hash(prev, at, who, address, action, what, why);
                jdbc.update("INSERT INTO audit_event (at, actor, address, action, target, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        Timestamp.from(at), who, address, action, what, why, prev, hash);
            });
        }
    }

    /** Walks the chain from the first row: each row's hash must match its fields and the row before it. */
    public Verification verify() {
        String[] prev = {GENESIS};
        long[] rows = {0};
        Long[] broken = {null};
        String[] problem = {null};
        jdbc.query("SELECT id, at, actor, address, action, target, detail, prev_hash, hash FROM audit_event ORDER BY id", rs -> {
            if (broken[0] != null) {
                return;
            }
            rows[0]++;
            long id = rs.getLong(1);
            String expected = hash(rs.getString(8), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getString(7));
            if (!rs.getString(8).equals(prev[0])) {
                broken[0] = id;
                problem[0] = "第 " + id + " 条之前的记录被删除或改动（与前一条的哈希不衔接）";
            } else if (!expected.equals(rs.getString(9))) {
                broken[0] = id;
                problem[0] = "第 " + id + " 条记录被改动（内容与其哈希不符）";
            }
            prev[0] = rs.getString(9);
        });
        return new Verification(rows[0], broken[0], problem[0]);
    }

    /** Events matching the filters (each may be null), newest first, at most {@code limit}. */
    public List<Event> find(String actor, String action, Instant from, Instant to, int limit) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (actor != null && !actor.isBlank()) {
            where.append(" AND actor LIKE ?");
            args.add(cn.yanxiu.system.SqlLike.containing(actor));
        }
        if (action != null && !action.isBlank()) {
            where.append(" AND action = ?");
            args.add(action.strip());
        }
        if (from != null) {
            where.append(" AND at >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            where.append(" AND at < ?");
            args.add(Timestamp.from(to));
        }
        args.add(Math.max(1, Math.min(limit, 100_000)));
        return jdbc.query("SELECT id, at, actor, address, action, target, detail, prev_hash, hash FROM audit_event" + where + " ORDER BY id DESC LIMIT ?",
                (rs, i) -> new Event(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getString(9)), args.toArray());
    }

    public List<String> actions() {
        return jdbc.queryForList("SELECT DISTINCT action FROM audit_event ORDER BY action", String.class);
    }

    static String hash(String prev, Instant at, String actor, String address, String action, String target, String detail) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String field : new String[] {prev, String.valueOf(at.getEpochSecond()), actor, address, action, target, detail}) {
                byte[] bytes = (field == null ? "\u0000" : field).getBytes(StandardCharsets.UTF_8);
                sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) ':');
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Who runs a command line: "命令行（operating-system user）", as runs started there are recorded. */
    public static String commandLineUser() {
        return "命令行（" + System.getProperty("user.name", "?") + "）";
    }

    private static String address() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return clip(request.getRemoteAddr(), 64);
        }
        return "命令行";
    }

    private static String clip(String s, int max) {
        return s == null ? null : s.length() <= max ? s : s.substring(0, max);
    }
}
