package io.kaskad.account;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal of a portal session. {@link #companyId()} is null for admins; client pages take the
 * company id from here, never from a request parameter.
 */
public final class PortalUser implements UserDetails {

    private final long userId;
    private final Long companyId;
    private final String username;
    private final String passwordHash;
    private final Role role;
    private final boolean enabled;
    private final boolean companyBlocked;

    PortalUser(UserAccount account, boolean companyBlocked) {
        this.userId = account.id();
        this.companyId = account.companyId();
        this.username = account.username();
        this.passwordHash = account.passwordHash();
        this.role = account.role();
        this.enabled = account.enabled();
        this.companyBlocked = companyBlocked;
    }

    public long userId() {
        return userId;
    }

    /** The user's company; only admins have none, and admins never reach client pages. */
    public long companyId() {
        if (companyId == null) {
            throw new IllegalStateException("Admin " + username + " belongs to no company");
        }
        return companyId;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !companyBlocked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
