package io.kaskad.channel;

/**
 * How long a text is as SMS: GSM-7 fits 160 characters in one message and 153 per part when split;
 * anything outside GSM-7 (Cyrillic, emoji) switches the whole text to UCS-2: 70, then 67 per part.
 * GSM-7's extension characters ({@code ^{}\[~]|€}) take two positions.
 */
public record SmsLength(Encoding encoding, int length, int segments) {

    public enum Encoding {
        GSM7, UCS2
    }

    private static final String GSM7_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM7_EXTENSION = "^{}\\[~]|€\f";

    public static SmsLength of(String text) {
        if (text == null || text.isEmpty()) {
            return new SmsLength(Encoding.GSM7, 0, 0);
        }
        int gsmLength = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM7_BASIC.indexOf(c) >= 0) {
                gsmLength += 1;
            }
            else if (GSM7_EXTENSION.indexOf(c) >= 0) {
                gsmLength += 2;
            }
            else {
                int units = text.length();
                return new SmsLength(Encoding.UCS2, units, units <= 70 ? 1 : (units + 66) / 67);
            }
        }
        return new SmsLength(Encoding.GSM7, gsmLength, gsmLength <= 160 ? 1 : (gsmLength + 152) / 153);
    }
}
