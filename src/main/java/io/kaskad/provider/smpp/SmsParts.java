package io.kaskad.provider.smpp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.kaskad.channel.SmsLength;

/**
 * A text as the {@code short_message} bytes of one or more {@code submit_sm}: GSM-7 (unpacked, one
 * septet per byte, as SMSCs take data coding 0) when every character is in GSM 03.38, else UCS-2.
 * A text longer than one SMS is split into parts, each starting with a concatenation UDH (8-bit
 * reference, part count, part number) so the phone joins them; a split never cuts an escape sequence or
 * a surrogate pair.
 *
 * @param ucs2 whether the parts are UCS-2 (data coding 0x08) rather than GSM-7 (0x00)
 */
record SmsParts(boolean ucs2, List<byte[]> parts) {

    private static final String GSM7_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM7_EXTENSION = "^{}\\[~]|€\f";
    private static final byte[] GSM7_EXTENSION_CODES = { 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65, 0x0A };
    private static final int UDH_LENGTH = 6;

    boolean multipart() {
        return parts.size() > 1;
    }

    static SmsParts of(String text) {
        String t = text == null ? "" : text;
        return SmsLength.of(t).encoding() == SmsLength.Encoding.GSM7 ? gsm7(t) : ucs2(t);
    }

    private static SmsParts gsm7(String text) {
        List<byte[]> units = new ArrayList<>();
        for (char c : text.toCharArray()) {
            int basic = GSM7_BASIC.indexOf(c);
            units.add(basic >= 0 ? new byte[] { (byte) basic }
                    : new byte[] { 0x1B, GSM7_EXTENSION_CODES[GSM7_EXTENSION.indexOf(c)] });
        }
        return new SmsParts(false, split(units, 160, 153));
    }

    private static SmsParts ucs2(String text) {
        List<byte[]> units = new ArrayList<>();
        text.codePoints().forEach(cp -> units.add(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_16BE)));
        // a UCS-2 SMS holds 140 bytes: 70 characters, or 67 beside the UDH
        return new SmsParts(true, split(units, 140, 134));
    }

    /** Splits units (a character's bytes) into parts of at most {@code single}, or {@code perPart} bytes beside a UDH. */
    private static List<byte[]> split(List<byte[]> units, int single, int perPart) {
        int total = units.stream().mapToInt(u -> u.length).sum();
        if (total <= single) {
            return List.of(join(units, 0, units.size(), null));
        }
        List<int[]> ranges = new ArrayList<>();
        int from = 0;
        int size = 0;
        for (int i = 0; i < units.size(); i++) {
            if (size + units.get(i).length > perPart) {
                ranges.add(new int[] { from, i });
                from = i;
                size = 0;
            }
            size += units.get(i).length;
        }
        ranges.add(new int[] { from, units.size() });
        byte reference = (byte) ThreadLocalRandom.current().nextInt(256);
        List<byte[]> parts = new ArrayList<>();
        for (int p = 0; p < ranges.size(); p++) {
            byte[] udh = { 0x05, 0x00, 0x03, reference, (byte) ranges.size(), (byte) (p + 1) };
            parts.add(join(units, ranges.get(p)[0], ranges.get(p)[1], udh));
        }
        return parts;
    }

    private static byte[] join(List<byte[]> units, int from, int to, byte[] udh) {
        int length = udh == null ? 0 : UDH_LENGTH;
        for (int i = from; i < to; i++) {
            length += units.get(i).length;
        }
        byte[] out = new byte[length];
        int at = 0;
        if (udh != null) {
            System.arraycopy(udh, 0, out, 0, UDH_LENGTH);
            at = UDH_LENGTH;
        }
        for (int i = from; i < to; i++) {
            System.arraycopy(units.get(i), 0, out, at, units.get(i).length);
            at += units.get(i).length;
        }
        return out;
    }
}
