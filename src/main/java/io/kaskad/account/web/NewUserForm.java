package io.kaskad.account.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.kaskad.account.AccountRules;

/** A new user of the company, added by one of its users. */
record NewUserForm(
        @NotBlank @Pattern(regexp = AccountRules.USERNAME_PATTERN, message = "{validation.username}") String username,
        @NotBlank @Size(min = AccountRules.PASSWORD_MIN, max = AccountRules.PASSWORD_MAX) String password) {

    static NewUserForm empty() {
        return new NewUserForm("", "");
    }
}
