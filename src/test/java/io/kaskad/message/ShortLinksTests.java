package io.kaskad.message;

import org.junit.jupiter.api.Test;

import io.kaskad.common.PublicUrlForTests;

import static org.assertj.core.api.Assertions.assertThat;

/** Which links of a text become short links, and how long the text is as the phone gets it. */
class ShortLinksTests {

    private final ShortLinks links = new ShortLinks(PublicUrlForTests.of("https://k.example"));

    @Test
    void eachLinkGetsItsOwnCodeAndTheSentencesPunctuationStaysOutside() {
        ShortLinks.Shortened shortened = links.shorten("Заказ (https://shop.example/a?x=1), трек: http://t.example/42. Ok");
        assertThat(shortened.links()).extracting(ShortLinks.Link::url).containsExactly("https://shop.example/a?x=1", "http://t.example/42");
        assertThat(shortened.links()).extracting(ShortLinks.Link::position).containsExactly(0, 1);
        assertThat(shortened.links().get(0).code()).matches("[0-9A-Za-z]{8}").isNotEqualTo(shortened.links().get(1).code());
        assertThat(shortened.text()).isEqualTo("Заказ (https://k.example/s/" + shortened.links().get(0).code() + "), трек: https://k.example/s/"
                + shortened.links().get(1).code() + ". Ok");
    }

    @Test
    void aTextWithoutLinksAndATooLongLinkStayAsTheyAre() {
        assertThat(links.shorten("Ваш код 1234").links()).isEmpty();
        String huge = "https://shop.example/" + "a".repeat(ShortLinks.MAX_URL);
        ShortLinks.Shortened shortened = links.shorten("См. " + huge);
        assertThat(shortened.links()).isEmpty();
        assertThat(shortened.text()).isEqualTo("См. " + huge);
    }

    @Test
    void theLengthAsSentCountsTheShortForm() {
        assertThat(links.asSent("См. https://shop.example/a/very/long/path/that/would/cost/a/second/sms/part?utm_source=sms."))
            .isEqualTo("См. https://k.example/s/xxxxxxxx.");
    }
}
