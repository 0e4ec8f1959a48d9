package io.kaskad.common;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * A text field that a contract also shows written as a whole number — a phone, {@code "clientPhone": 75555673245}
 * in the chat-session API — read as its digits. Everywhere else the API refuses a number where text is expected;
 * a fraction, true/false, a list or an object is refused here too.
 */
public final class TextOrWholeNumber extends ValueDeserializer<String> {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            return parser.getBigIntegerValue().toString();
        }
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            return context.readValue(parser, String.class);
        }
        return (String) context.handleUnexpectedToken(String.class, parser);
    }
}
