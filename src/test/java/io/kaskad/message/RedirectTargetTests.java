package io.kaskad.message;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A link becomes the address a browser would send; a valid URI stays byte for byte. */
class RedirectTargetTests {

    @ParameterizedTest
    @CsvSource(delimiter = ' ', value = {
        "https://shop.example/orders/42?utm=sms https://shop.example/orders/42?utm=sms",
        "https://shop.example/a%20b https://shop.example/a%20b",
        "https://shop.example/{id} https://shop.example/%7Bid%7D",
        "https://shop.example/%zz%4 https://shop.example/%25zz%254",
        "https://shop.example/a[1] https://shop.example/a%5B1%5D",
        "http://[::1]:8080/x http://[::1]:8080/x",
        "https://shop.example/😀 https://shop.example/%F0%9F%98%80" })
    void encodesWhatAUriMayNotHoldAndKeepsTheRest(String link, String expected) {
        assertThat(RedirectTarget.of(link)).contains(URI.create(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://", "https://exa mple/", "javascript:alert(1)", "ftp://files.example/a", "https://:80/" })
    void aLinkThatLeadsNowhereHasNoTarget(String link) {
        assertThat(RedirectTarget.of(link)).isEmpty();
    }
}
