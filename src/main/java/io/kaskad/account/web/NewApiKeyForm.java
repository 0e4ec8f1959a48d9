package io.kaskad.account.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.kaskad.account.AccountRules;

/** A name that tells a person what a key is for ("CRM", "site"). */
record NewApiKeyForm(@NotBlank @Size(max = AccountRules.KEY_NAME_MAX) String name) {

    static NewApiKeyForm empty() {
        return new NewApiKeyForm("");
    }
}
