package cn.yanxiu.web;

import cn.yanxiu.accounts.Accounts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends an open session at its next request when its account was switched off or its password changed or
 * reset since the session began: the account's state is read from the database, so this holds whichever
 * instance handled the change.
 */
final class OpenSessionCheck extends OncePerRequestFilter {

    private static final String STAMP = OpenSessionCheck.class.getName() + ".password";

    private final Accounts accounts;

    OpenSessionCheck(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (session == null || auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Accounts.Stored> stored = accounts.find(auth.getName());
        String stamp = stored.map(s -> digest(s.passwordHash())).orElse(null);
        Object begun = session.getAttribute(STAMP);
        if (begun == null && stamp != null && !stored.get().account().disabled()) {
            session.setAttribute(STAMP, stamp);
            begun = stamp;
        }
        if (stamp == null || stored.get().account().disabled() || !stamp.equals(begun)) {
            session.invalidate();
            SecurityContextHolder.clearContext();
            response.sendRedirect(request.getContextPath() + "/login?ended");
            return;
        }
        chain.doFilter(request, response);
    }

    /** After the session's own user changed the password: this session carries on with the new one. */
    static void restamp(HttpSession session, Accounts accounts, String username) {
        accounts.find(username).ifPresent(s -> session.setAttribute(STAMP, digest(s.passwordHash())));
    }

    /** Kept in the session instead of the hash itself. */
    private static String digest(String passwordHash) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(passwordHash.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
