package io.kaskad.account.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.kaskad.account.AccountRules;
import io.kaskad.account.Company;
import io.kaskad.common.ValidTimeZone;

/** The settings a company changes itself, in the portal and over the API. */
record CompanySettingsForm(
        @NotBlank @ValidTimeZone String timezone,
        @NotNull @Min(AccountRules.RATE_LIMIT_MIN) @Max(AccountRules.RATE_LIMIT_MAX) Integer sendRateLimit,
        @Email @Size(max = 254) String notificationEmail) {

    static CompanySettingsForm of(Company company) {
        return new CompanySettingsForm(company.timezone(), company.sendRateLimit(), company.notificationEmail());
    }
}
