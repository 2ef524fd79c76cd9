package vn.doan.gateway;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The event contracts for anyone reading the topics: each JSON Schema at the path the CloudEvents {@code dataschema} of
 * its records names ({@code /schemas/vn.doan.report.ReportSubmitted.v1.json}), and beside them the AsyncAPI document of every
 * topic ({@code /schemas/asyncapi.yaml}), straight from the event-contracts jar, so what is served is what the services were
 * built with.
 */
@Configuration
class EventSchemas implements WebMvcConfigurer {

    static final String SCHEMAS = "/schemas/*";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(SCHEMAS).addResourceLocations("classpath:/schemas/");
    }
}
