package vn.doan.indicatorservice;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@org.springframework.boot.context.properties.ConfigurationPropertiesScan
public class IndicatorServiceApplication {

    /** The service's settings are in {@code indicator-service.yml}, so that all four services can share one JVM locally. */
    public static final String CONFIG_NAME = "indicator-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(IndicatorServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
