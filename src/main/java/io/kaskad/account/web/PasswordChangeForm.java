package io.kaskad.account.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.kaskad.account.AccountRules;

/** A signed-in user's new password, with the current one and the new one typed twice. */
record PasswordChangeForm(
        @NotBlank @Size(max = AccountRules.PASSWORD_MAX) String currentPassword,
        @NotBlank @Size(min = AccountRules.PASSWORD_MIN, max = AccountRules.PASSWORD_MAX) String newPassword,
        @NotBlank @Size(max = AccountRules.PASSWORD_MAX) String repeatedPassword) {

    static PasswordChangeForm empty() {
        return new PasswordChangeForm("", "", "");
    }
}
