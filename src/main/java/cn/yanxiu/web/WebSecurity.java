package cn.yanxiu.web;

import cn.yanxiu.accounts.LoginThrottle;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import cn.yanxiu.accounts.Accounts;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Who may reach what. Pages use a signed-in session with CSRF tokens on every form. The REST API under
 * {@code /api} takes HTTP Basic on each request and keeps no session; its 401 carries no
 * {@code WWW-Authenticate} challenge, so a browser never caches those credentials and a forged cross-site
 * request has nothing to ride on — which is why the API needs no CSRF token. Anonymous people reach only
 * the sign-in page and certificate verification.
 */
@Configuration
@ConditionalOnWebApplication
@EnableMethodSecurity
class WebSecurity {

    static final String ADMIN = "ADMIN";
    static final String AUDITOR = "AUDITOR";
    static final String APPROVER = "APPROVER";
    static final String TEACHER = "TEACHER";
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/certificates/**").permitAll()
                        .requestMatchers("/api/admin/**").access(provinceWide(ADMIN))
                        // finer checks (a teacher reads only their own records) are on each endpoint
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint((request, response, e) -> {
                    response.setStatus(HttpStatus.UNAUTHORIZED.value());
                    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                    response.setCharacterEncoding("UTF-8");
                    response.getWriter().write("{\"error\":\"需要登录（HTTP Basic）\"}");
                }))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .headers(h -> h.contentSecurityPolicy(p -> p.policyDirectives(CSP)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageChain(HttpSecurity http, LoginThrottle throttle, Accounts accounts) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness").permitAll()
                        .requestMatchers("/actuator/**").denyAll()
                        .requestMatchers("/login", "/verify/**", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error").permitAll()
                        // runs, rule sets and the audit log are the province's; a county or school reads its own part of the results
                        .requestMatchers("/admin/runs/*/certificates/*.zip").hasRole(ADMIN)
                        .requestMatchers("/admin/runs/**", "/admin/rules/**").access(provinceWide(ADMIN))
                        .requestMatchers("/audit-log/**").access(provinceWide(ADMIN, AUDITOR))
                        .requestMatchers("/admin/**").hasRole(ADMIN)
                        .requestMatchers("/runs/**", "/teachers/**", "/county/**", "/diff/**", "/rule-sets/**", "/audit-log/**").hasAnyRole(ADMIN, AUDITOR)
                        .requestMatchers("/approvals/**").hasAnyRole(ADMIN, APPROVER)
                        .requestMatchers("/me/**").hasRole(TEACHER)
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", true).failureHandler(failure(throttle)).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .addFilterBefore(new OpenSessionCheck(accounts), AuthorizationFilter.class)
                .headers(h -> h.contentSecurityPolicy(p -> p.policyDirectives(CSP)));
        return http.build();
    }

    /** One of the roles, held by an account whose scope is the whole province. */
    private static org.springframework.security.authorization.AuthorizationManager<org.springframework.security.web.access.intercept.RequestAuthorizationContext>
            provinceWide(String... roles) {
        var role = org.springframework.security.authorization.AuthorityAuthorizationManager.<org.springframework.security.web.access.intercept.RequestAuthorizationContext>hasAnyRole(roles);
        return (authentication, context) -> {
            var decision = role.check(authentication, context);
            boolean province = authentication.get().getPrincipal() instanceof cn.yanxiu.accounts.SignedIn me && me.account().scope().province();
            return new org.springframework.security.authorization.AuthorizationDecision(decision != null && decision.isGranted() && province);
        };
    }

    /** Says why sign-in failed: a wrong name or password, a switched-off account, or a lock and until when. */
    private static AuthenticationFailureHandler failure(LoginThrottle throttle) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm").withZone(cn.yanxiu.system.Times.zone());
        return (request, response, e) -> {
            String target = "/login?error";
            if (e instanceof org.springframework.security.authentication.DisabledException) {
                target = "/login?disabled";
            } else if (e instanceof LockedException) {
                var until = throttle.lockedUntil(request.getParameter("username"));
                target = "/login?locked=" + (until == null ? "" : time.format(until));
            }
            response.sendRedirect(request.getContextPath() + target);
        };
    }
}
