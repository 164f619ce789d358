package cn.yanxiu.accounts;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Slows password guessing: after too many wrong passwords for one user name, or from one address, further
 * sign-ins are refused for a while — even with the right password — and the page says until when.
 */
@Component
public class LoginThrottle {

    private static final int MAX_TRACKED = 10_000;

    private final int maxPerUser;
    private final int maxPerAddress;
    private final Duration lock;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(@Value("${yanxiu.login.max-failures:5}") int maxPerUser, @Value("${yanxiu.login.max-failures-per-address:20}") int maxPerAddress,
                  @Value("${yanxiu.login.lock:PT15M}") Duration lock) {
        this.maxPerUser = maxPerUser;
        this.maxPerAddress = maxPerAddress;
        this.lock = lock;
    }

    private static final class Failures {
        int count;
        Instant lockedUntil;
    }

    /** When sign-in for this user name (from the current request's address) opens again, or null if it is open. */
    public Instant lockedUntil(String username) {
        Instant now = clock.instant();
        for (String key : new String[] {userKey(username), addressKey()}) {
            Failures f = key == null ? null : failures.get(key);
            if (f != null && f.lockedUntil != null && f.lockedUntil.isAfter(now)) {
                return f.lockedUntil;
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
        failures.remove(userKey(event.getAuthentication().getName()));
        // a school signs in from one address: others' typos must not add up to lock its administrator out
        String address = addressKey();
        if (address != null) {
            Instant now = clock.instant();
            failures.computeIfPresent(address, (k, f) -> f.lockedUntil != null && f.lockedUntil.isAfter(now) ? f : null);
        }
    }

    private void record(String key, int max) {
        if (key == null) {
            return;
        }
        if (failures.size() > MAX_TRACKED) {
            // names and addresses an attacker invents must not grow the map without end: forget what no longer locks anything
            Instant now = clock.instant();
            failures.values().removeIf(f -> f.lockedUntil == null || f.lockedUntil.isBefore(now));
        }
        failures.compute(key, (k, f) -> {
            Failures next = f == null || (f.lockedUntil != null && f.lockedUntil.isBefore(clock.instant())) ? new Failures() : f;
            if (++next.count >= max) {
                next.lockedUntil = clock.instant().plus(lock);
            }
            return next;
        });
    }

    private static String userKey(String username) {
        return username == null ? null : "user:" + username.strip().toLowerCase(Locale.ROOT);
    }

    private static String addressKey() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return "address:" + request.getRemoteAddr();
        }
        return null;
    }
}
