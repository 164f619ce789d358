package cn.yanxiu.accounts;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in person as Spring Security holds them: the account and its password hash. */
public class SignedIn implements UserDetails {

    private final Account account;
    private final String passwordHash;
    private final boolean locked;

    SignedIn(Account account, String passwordHash, boolean locked) {
        this.account = account;
        this.passwordHash = passwordHash;
        this.locked = locked;
    }

    public Account account() {
        return account;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return account.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return account.username();
    }

    @Override
    public boolean isEnabled() {
        return !account.disabled();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }
}
