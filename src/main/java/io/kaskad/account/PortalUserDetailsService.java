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

    /** Whether the user may still act: enabled, and the company not blocked since they logged in. */
    boolean stillAllowed(PortalUser user) {
        return users.findById(user.userId())
            .map(account -> account.enabled() && !isCompanyBlocked(account))
            .orElse(false);
    }

    private boolean isCompanyBlocked(UserAccount account) {
        return account.companyId() != null
                && companies.findById(account.companyId()).map(Company::blocked).orElse(true);
    }
}
