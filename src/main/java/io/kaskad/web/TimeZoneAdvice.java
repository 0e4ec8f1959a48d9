package io.kaskad.web;

import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.kaskad.account.CompanyService;
import io.kaskad.account.PortalUser;

/**
 * One rule for times on every page: the company's time zone for its users (platform admins, who have
 * no company, see UTC), available to every template as {@code zone} and shown where times are listed.
 */
@ControllerAdvice
class TimeZoneAdvice {

    private final CompanyService companies;

    TimeZoneAdvice(CompanyService companies) {
        this.companies = companies;
    }

    @ModelAttribute("zone")
    ZoneId zone(@AuthenticationPrincipal Object principal) {
        if (principal instanceof PortalUser user && !user.isAdmin()) {
            return companies.get(user.companyId()).zoneId();
        }
        return ZoneOffset.UTC;
    }
}
