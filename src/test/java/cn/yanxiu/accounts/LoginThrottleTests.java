package cn.yanxiu.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** A school signs in from one address: others' typos must not lock out the one who types right. */
class LoginThrottleTests {

    private final LoginThrottle throttle = new LoginThrottle(5, 4, Duration.ofMinutes(15));

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
}
