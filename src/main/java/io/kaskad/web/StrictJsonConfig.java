package io.kaskad.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON is read as it is written, with no guessing: a number where text is expected ({@code {"body":5}}), text or
 * a fraction where a whole number is ({@code "sendRate":1.5} would have become 1), a number where true/false is —
 * each is refused with the field's path ({@link ApiExceptionHandler}) instead of being converted. Text holding a NUL
 * character is refused too: no name or text has one, and it would be stored as is.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfig {

    static final String NUL_REFUSED = "Text must not hold a NUL character";

    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return builder -> builder
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .withCoercionConfig(LogicalType.Textual, text -> text
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Integer, number -> number
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Boolean, flag -> flag
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .addModule(new SimpleModule("kaskad-strict-text").addDeserializer(String.class, new TextWithoutNul()));
    }

    /** Jackson's own reading of text, refusing a NUL character. */
    static final class TextWithoutNul extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            String text = super.deserialize(parser, context);
            if (text != null && text.indexOf('\u0000') >= 0) {
                return (String) context.reportInputMismatch(this, NUL_REFUSED);
            }
            return text;
        }
    }
}
