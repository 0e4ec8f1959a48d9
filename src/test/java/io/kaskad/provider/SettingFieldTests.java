package io.kaskad.provider;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A connection's settings checked against their field: limits, choices, and provider hosts on private networks. */
class SettingFieldTests {

    private final SettingField host = SettingField.host("host");

    @Test
    void aPrivateHostIsRefusedOnlyWhenTheInstallationSaysSo() {
        assertThat(host.problem("10.0.0.5", true)).isEmpty();
        assertThat(host.problem("10.0.0.5", false)).hasValueSatisfying(p -> assertThat(p[0]).isEqualTo("provider.setting.host-private"));
        assertThat(host.problem("localhost", false)).isPresent();
        assertThat(host.problem("169.254.169.254", false)).isPresent();
        assertThat(host.problem("smtp.example.org", false)).isEmpty();
    }

    @Test
    void aHostIsANameOrAnAddressNotAUrl() {
        assertThat(host.problem("smtp://mail.example.org", true)).hasValueSatisfying(p -> assertThat(p[0]).isEqualTo("provider.setting.host"));
        assertThat(host.problem("a".repeat(254), true)).isPresent();
        assertThat(host.problem(null, true)).hasValueSatisfying(p -> assertThat(p[0]).isEqualTo("provider.setting.required"));
    }

    @Test
    void numbersChoicesAndTextsHaveTheirLimits() {
        SettingField port = SettingField.number("port", 1, 65535, 587);
        assertThat(port.problem("0", true)).isPresent();
        assertThat(port.problem("seventy", true)).isPresent();
        assertThat(port.problem(null, true)).as("a default fills it").isEmpty();
        assertThat(port.normalise(null)).isEqualTo("587");
        SettingField security = SettingField.choice("security", "STARTTLS", "NONE", "STARTTLS", "TLS");
        assertThat(security.problem("tls", true)).isEmpty();
        assertThat(security.normalise("tls")).isEqualTo("TLS");
        assertThat(security.problem("SSLv2", true)).isPresent();
        assertThat(SettingField.text("systemId", true, 15).problem("x".repeat(16), true)).isPresent();
    }
}
