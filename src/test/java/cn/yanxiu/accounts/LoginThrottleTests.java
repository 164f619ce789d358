package cn.yanxiu.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A school signs in from one address: others' typos must not lock out the one who types right. The counts live
 * in the database (a real H2 with Yanxiu's migrations), so two web instances count the same failures.
 */
class LoginThrottleTests {

    private final JdbcTemplate jdbc = cn.yanxiu.support.Databases.freshH2("throttle");
    private final LoginThrottle throttle = new LoginThrottle(jdbc, 5, 4, Duration.ofMinutes(15));

    @BeforeEach
    void fromOneSchoolAddress() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("10.1.2.3");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    @AfterEach
    void clear() {
        RequestContextHolder.resetRequestAttributes();
    }

    private void fail(String user) {
        fail(throttle, user);
    }

    private static void fail(LoginThrottle throttle, String user) {
        throttle.failed(new AuthenticationFailureBadCredentialsEvent(new UsernamePasswordAuthenticationToken(user, "x"), new BadCredentialsException("x")));
    }

    private void succeed(String user) {
        throttle.succeeded(new AuthenticationSuccessEvent(UsernamePasswordAuthenticationToken.authenticated(user, "x", java.util.List.of())));
    }

    @Test
    void aSuccessfulSignInClearsTheAddressCountButNotAnotherNamesLock() {
        fail("t1");
        fail("t2");
        fail("t3");
        succeed("admin");
        fail("t4");
        fail("t5");
        fail("t6");
        assertThat(throttle.lockedUntil("admin")).as("three failures since the last success stay under the address limit of four").isNull();
        for (int i = 0; i < 5; i++) {
            fail("t7");
        }
        succeed("admin");
        assertThat(throttle.lockedUntil("t7")).as("the per-name lock stays").isNotNull();
    }

    @Test
    void anAddressAlreadyLockedStaysLocked() {
        for (int i = 0; i < 4; i++) {
            fail("t" + i);
        }
        succeed("someone");
        assertThat(throttle.lockedUntil("admin")).isNotNull();
    }

    @Test
    void twoInstancesOnOneDatabaseCountTheSameFailures() {
        LoginThrottle other = new LoginThrottle(jdbc, 5, 4, Duration.ofMinutes(15));
        MockHttpServletRequest elsewhere = new MockHttpServletRequest();
        for (int i = 0; i < 3; i++) {
            fail("zhang");
        }
        elsewhere.setRemoteAddr("10.9.9.9");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(elsewhere));
        fail(other, "zhang");
        assertThat(other.lockedUntil("zhang")).as("four failures across two instances: under five").isNull();
        fail(other, "Zhang ");
        assertThat(other.lockedUntil("zhang")).as("the fifth, on the other instance, locks the name").isNotNull();
        assertThat(throttle.lockedUntil("zhang")).as("and the first instance sees the lock").isNotNull();
        assertThat(jdbc.queryForObject("SELECT failures FROM login_failure WHERE throttle_key = 'user:zhang'", Integer.class)).isEqualTo(5);
    }

    @Test
    void anExpiredLockStartsTheCountAgain() {
        LoginThrottle brief = new LoginThrottle(jdbc, 2, 100, Duration.ofMillis(1));
        fail(brief, "li");
        fail(brief, "li");
        jdbc.update("UPDATE login_failure SET locked_until = ?, last_failure = ? WHERE throttle_key = 'user:li'",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)));
        assertThat(brief.lockedUntil("li")).isNull();
        fail(brief, "li");
        assertThat(brief.lockedUntil("li")).as("one failure after the lock ran out is one, not three").isNull();
    }
}
