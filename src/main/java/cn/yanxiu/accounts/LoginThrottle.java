package cn.yanxiu.accounts;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Slows password guessing: after too many wrong passwords for one user name, or from one address, further
 * sign-ins are refused for a while — even with the right password — and the page says until when. The
 * failures are kept in the database, so every web instance behind the load balancer counts the same ones.
 */
@Component
public class LoginThrottle {

    private final int maxPerUser;
    private final int maxPerAddress;
    private final Duration lock;
    private final Clock clock = Clock.systemUTC();
    private final JdbcTemplate jdbc;

    LoginThrottle(JdbcTemplate jdbc, @Value("${yanxiu.login.max-failures:5}") int maxPerUser,
                  @Value("${yanxiu.login.max-failures-per-address:20}") int maxPerAddress, @Value("${yanxiu.login.lock:PT15M}") Duration lock) {
        this.jdbc = jdbc;
        this.maxPerUser = maxPerUser;
        this.maxPerAddress = maxPerAddress;
        this.lock = lock;
    }

    /** When sign-in for this user name (from the current request's address) opens again, or null if it is open. */
    public Instant lockedUntil(String username) {
        Instant now = clock.instant();
        for (String key : new String[] {userKey(username), addressKey()}) {
            if (key == null) {
                continue;
            }
            List<Timestamp> until = jdbc.queryForList("SELECT locked_until FROM login_failure WHERE throttle_key = ? AND locked_until IS NOT NULL",
                    Timestamp.class, key);
            if (!until.isEmpty() && until.get(0).toInstant().isAfter(now)) {
                return until.get(0).toInstant();
            }
        }
        return null;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        record(userKey(event.getAuthentication().getName()), maxPerUser);
        record(addressKey(), maxPerAddress);
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        String user = userKey(event.getAuthentication().getName());
        if (user != null) {
            jdbc.update("DELETE FROM login_failure WHERE throttle_key = ?", user);
        }
        // a school signs in from one address: others' typos must not add up to lock its administrator out
        String address = addressKey();
        if (address != null) {
            jdbc.update("DELETE FROM login_failure WHERE throttle_key = ? AND (locked_until IS NULL OR locked_until < ?)", address, now());
        }
    }

    private void record(String key, int max) {
        if (key == null) {
            return;
        }
        Timestamp now = now();
        // names and addresses an attacker invents must not grow the table without end: failures older than a lock are forgotten
        jdbc.update("DELETE FROM login_failure WHERE last_failure < ? AND (locked_until IS NULL OR locked_until < ?)", Timestamp.from(now.toInstant().minus(lock)), now);
        Timestamp locked = Timestamp.from(now.toInstant().plus(lock));
        // one statement per step, so two instances counting the same key at once lose no failure
        int updated = jdbc.update("UPDATE login_failure SET failures = CASE WHEN locked_until IS NOT NULL AND locked_until < ? THEN 1 ELSE failures + 1 END, "
                + "locked_until = CASE WHEN locked_until IS NOT NULL AND locked_until < ? THEN NULL ELSE locked_until END, last_failure = ? WHERE throttle_key = ?",
                now, now, now, key);
        if (updated == 0) {
            try {
                jdbc.update("INSERT INTO login_failure (throttle_key, failures, last_failure) VALUES (?, 1, ?)", key, now);
            } catch (DuplicateKeyException e) {
                jdbc.update("UPDATE login_failure SET failures = failures + 1, last_failure = ? WHERE throttle_key = ?", now, key);
            }
        }
        jdbc.update("UPDATE login_failure SET locked_until = ? WHERE throttle_key = ? AND failures >= ? AND locked_until IS NULL", locked, key, max);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static String userKey(String username) {
        if (username == null) {
            return null;
        }
        String key = "user:" + username.strip().toLowerCase(Locale.ROOT);
        return key.length() > 200 ? key.substring(0, 200) : key;
    }

    private static String addressKey() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return "address:" + request.getRemoteAddr();
        }
        return null;
    }
}
