package io.kaskad.web;

import java.time.ZoneId;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.kaskad.account.CompanyService;
import io.kaskad.account.PortalUser;
import io.kaskad.account.UserService;

/**
 * One rule for times on every page: the company's time zone for its users, and for platform admins, who have no
 * company, their own choice or the installation's ({@code kaskad.time-zone}); available to every template as
 * {@code zone} and named in the header.
 */
@ControllerAdvice
class TimeZoneAdvice {

    private final CompanyService companies;
    private final UserService users;

    TimeZoneAdvice(CompanyService companies, UserService users) {
        this.companies = companies;
        this.users = users;
    }

    @ModelAttribute("zone")
    ZoneId zone(@AuthenticationPrincipal Object principal) {
        if (principal instanceof PortalUser user) {
            return user.isAdmin() ? users.adminZone(user.userId()) : companies.get(user.companyId()).zoneId();
        }
        return users.installationZone();
    }
}
