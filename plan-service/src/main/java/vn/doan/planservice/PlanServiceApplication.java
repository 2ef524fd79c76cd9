package vn.doan.planservice;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class PlanServiceApplication {

    /** The service's settings are in {@code plan-service.yml}, so that all four services can share one JVM locally. */
    public static final String CONFIG_NAME = "plan-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(PlanServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
