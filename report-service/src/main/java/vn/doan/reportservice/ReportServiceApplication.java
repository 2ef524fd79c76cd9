package vn.doan.reportservice;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class ReportServiceApplication {

    /** The service's settings are in {@code report-service.yml}, so that all four services can share one JVM locally. */
    public static final String CONFIG_NAME = "report-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(ReportServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
