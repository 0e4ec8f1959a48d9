package io.kaskad.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Accounts created at start when absent ({@code kaskad.bootstrap.*}, or {@code KASKAD_BOOTSTRAP_*}
 * environment variables). Blank values create nothing.
 *
 * @param apiKey the full value of an API key for {@code companyName}
 */
@ConfigurationProperties("kaskad.bootstrap")
record BootstrapProperties(String adminUsername, String adminPassword, String companyName, String clientUsername,
        String clientPassword, String apiKey) {

    static boolean given(String value) {
        return value != null && !value.isBlank();
    }
}
