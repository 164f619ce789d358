package cn.yanxiu.accounts;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Looks accounts up for sign-in; an account under the login throttle comes back locked. */
@Service
class AccountDetailsService implements UserDetailsService {

    private final Accounts accounts;
    private final LoginThrottle throttle;

    AccountDetailsService(Accounts accounts, LoginThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Accounts.Stored stored = accounts.find(username).orElseThrow(() -> new UsernameNotFoundException("没有账号 " + username));
        return new SignedIn(stored.account(), stored.passwordHash(), throttle.lockedUntil(username) != null);
    }
}
