package vn.doan.support.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read as written, in every service: text where a number, a truth value or a date belongs
 * ({@code "numerator": "18"}), a number or truth value where text belongs ({@code "code": 18}) and a number for
 * a named value ({@code "level": 0}) are refused with 400 naming the field ({@link ProblemHandler}), where Jackson
 * would convert them. A whole number stays a valid decimal (JSON has one number type), and decimals are read
 * exactly as {@code BigDecimal}, never through a {@code double} that turns {@code 1e400} into Infinity.
 * Unknown fields and fractions for whole numbers are refused by {@code spring.jackson.deserialization.*}
 * in {@code doan-service-defaults.yml}. Events are read by their own codec, not by this mapper.
 */
@AutoConfiguration
public class StrictJson {

    @Bean
    JsonMapperBuilderCustomizer strictScalars() {
        return builder -> builder
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .withCoercionConfig(LogicalType.Textual, text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Enum, named -> named.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
    }
}
