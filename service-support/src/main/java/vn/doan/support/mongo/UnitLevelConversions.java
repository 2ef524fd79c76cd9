package vn.doan.support.mongo;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import vn.doan.events.plan.UnitLevel;

/**
 * Every service stores a {@link UnitLevel} as its code, the string documents held when levels were an enum, so no
 * document changes and queries by level ({@code Criteria.where("level").in(levels)}, derived queries) keep matching.
 * Registered before Boot's own {@code MongoCustomConversions}, which then stands back; Boot's
 * {@code spring.data.mongodb.representation.big-decimal} is still applied.
 */
@AutoConfiguration(before = DataMongoAutoConfiguration.class)
@ConditionalOnClass(MongoTemplate.class)
public class UnitLevelConversions {

    @Bean
    MongoCustomConversions mongoCustomConversions(ObjectProvider<DataMongoProperties> properties) {
        return MongoCustomConversions.create(adapter -> {
            properties.ifAvailable(p -> adapter.bigDecimal(p.getRepresentation().getBigDecimal()));
            adapter.registerConverters(converters());
        });
    }

    /** The two converters, for a {@code MongoTemplate} made without Spring Boot. */
    public static List<Converter<?, ?>> converters() {
        return List.of(new LevelToCode(), new CodeToLevel());
    }

    @WritingConverter
    static final class LevelToCode implements Converter<UnitLevel, String> {
        @Override
        public String convert(UnitLevel level) {
            return level.code();
        }
    }

    @ReadingConverter
    static final class CodeToLevel implements Converter<String, UnitLevel> {
        @Override
        public UnitLevel convert(String code) {
            return UnitLevel.of(code);
        }
    }
}
