package io.kaskad.account.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.kaskad.account.AccountRules;
import io.kaskad.account.Company;
import io.kaskad.account.NewCompany;
import io.kaskad.common.ValidTimeZone;

/** An admin opens a company together with its first client user. */
record NewCompanyForm(
        @NotBlank @Size(max = AccountRules.NAME_MAX) String name,
        @NotBlank @ValidTimeZone String timezone,
        @NotNull @Min(AccountRules.RATE_LIMIT_MIN) @Max(AccountRules.RATE_LIMIT_MAX) Integer sendRateLimit,
        @NotBlank @Pattern(regexp = AccountRules.USERNAME_PATTERN, message = "{validation.username}") String username,
        @NotBlank @Size(min = AccountRules.PASSWORD_MIN, max = AccountRules.PASSWORD_MAX) String password) {

    static NewCompanyForm empty() {
        return new NewCompanyForm("", Company.DEFAULT_TIMEZONE, Company.DEFAULT_SEND_RATE_LIMIT, "", "");
    }

    NewCompany toNewCompany() {
        return new NewCompany(name.strip(), timezone, sendRateLimit, username, password);
    }
}
