package io.kaskad.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class PortalUserDetailsService implements UserDetailsService {

    private final UserAccountRepository users;
    private final CompanyRepository companies;

    PortalUserDetailsService(UserAccountRepository users, CompanyRepository companies) {
        this.users = users;
        this.companies = companies;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserAccount account = users.findByUsername(username)
            .orElseThrow(() -> new UsernameNotFoundException("No user " + username));
        return new PortalUser(account, isCompanyBlocked(account));
    }

    /** What a signed-in user may do now: the account may have been disabled, its company blocked or its password reset since. */
    enum Access { ALLOWED, PASSWORD_CHANGE_REQUIRED, REVOKED }

    Access access(PortalUser user) {
        return users.findById(user.userId())
            .map(account -> !account.enabled() || isCompanyBlocked(account) ? Access.REVOKED
                    : account.passwordChangeRequired() ? Access.PASSWORD_CHANGE_REQUIRED : Access.ALLOWED)
            .orElse(Access.REVOKED);
    }

    private boolean isCompanyBlocked(UserAccount account) {
        return account.companyId() != null
                && companies.findById(account.companyId()).map(Company::blocked).orElse(true);
    }
}
