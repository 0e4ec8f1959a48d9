package io.kaskad.common;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.kaskad.common.NetworkTargets.Refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every spelling of an internal address is refused; public ones pass; the on-premises switch lets private ones through. */
class NetworkTargetsTests {

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1:8080/actuator/env", "http://localhost/", "http://LOCALHOST./x", "http://[::1]/",
            "http://[0:0:0:0:0:0:0:1]/", "http://0.0.0.0/", "http://169.254.169.254/latest/meta-data/", "http://metadata.google.internal/",
            "http://10.0.0.1/", "http://172.16.5.4/", "http://192.168.1.1/", "http://[fd00::1]/", "http://[fe80::1]/",
            "http://[::ffff:127.0.0.1]/", "http://[::ffff:a00:1]/", "http://[::127.0.0.1]/", "http://100.64.0.1/", "http://224.0.0.1/",
            "http://255.255.255.255/", "http://api.localhost/", "http://printer.local/", "http://[64:ff9b::a00:1]/",
            "http://[2002:7f00:1::]/" })
    void internalAddressesAreRefused(String url) {
        assertThat(NetworkTargets.checkUrl(url, false)).contains(Refusal.PRIVATE);
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://2130706433/", "http://0x7f000001/", "http://0177.0.0.1/", "http://127.1/", "http://017700000001/",
            "http://1.2.3.4.5/" })
    void numbersWrittenToPassAFilterAreRefused(String url) {
        assertThat(NetworkTargets.checkUrl(url, false)).isPresent();
        assertThat(NetworkTargets.checkUrl(url, true)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp://example.com/", "javascript:alert(1)", "http:///nohost", "http://user:pw@example.com/", "not a url" })
    void onlyHttpUrlsWithAHostAndNoCredentialsAreTaken(String url) {
        assertThat(NetworkTargets.checkUrl(url, false)).contains(Refusal.INVALID);
    }

    @Test
    void publicAddressesPassAndPrivateOnesPassWhenAllowed() {
        for (String url : List.of("https://example.com/hook", "http://93.184.216.34:8080/cb", "https://[2606:4700::1111]/", "http://8.8.8.8/")) {
            assertThat(NetworkTargets.checkUrl(url, false)).as(url).isEmpty();
        }
        assertThat(NetworkTargets.checkUrl("http://127.0.0.1:9000/hook", true)).isEmpty();
        assertThat(NetworkTargets.checkUrl("http://intranet.local/hook", true)).isEmpty();
    }

    @Test
    void aNameIsCheckedByWhatItResolvesTo() throws Exception {
        // a name on no list that this machine resolves to an internal address: what DNS rebinding makes of a public name
        Optional<String> internalName = List.of("ip6-localhost", "ip6-loopback", InetAddress.getLocalHost().getHostName()).stream()
            .filter(name -> NetworkTargets.checkHost(name, false).isEmpty())
            .filter(NetworkTargetsTests::resolvesInternally)
            .findFirst();
        assumeTrue(internalName.isPresent(), "no name on this machine resolves to an internal address");
        URI uri = URI.create("http://" + internalName.get() + ":8080/hook");
        assertThat(NetworkTargets.checkUrl(uri.toString(), false)).isEmpty();
        assertThat(NetworkTargets.checkResolved(uri, false)).contains(Refusal.PRIVATE);
        assertThat(NetworkTargets.checkResolved(uri, true)).isEmpty();
    }

    private static boolean resolvesInternally(String name) {
        try {
            return NetworkTargets.isInternal(InetAddress.getByName(name));
        }
        catch (Exception unknown) {
            return false;
        }
    }
}
