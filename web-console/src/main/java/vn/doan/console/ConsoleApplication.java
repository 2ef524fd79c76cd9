package vn.doan.console;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The web console: the Union's screens, drawn on the server, over the services' APIs reached through the gateway. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ConsoleApplication {

    public static void main(String[] args) {
        new org.springframework.boot.builder.SpringApplicationBuilder(ConsoleApplication.class)
                .properties("spring.config.name=web-console").run(args);
    }
}
