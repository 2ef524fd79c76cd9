package vn.doan.support.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import vn.doan.web.BodySizeLimitFilter;
import vn.doan.web.CorrelationIdFilter;

/** The correlation id first of all filters, then the body size limit and the id check (the audit trail is among the security filters). */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class RequestFilters {

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
            @org.springframework.beans.factory.annotation.Value("${doan.web.max-body-bytes:1048576}") long maxBytes) {
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(BodySizeLimitFilter.exceptUploads(maxBytes));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<IdCheckFilter> idCheckFilter() {
        FilterRegistrationBean<IdCheckFilter> registration = new FilterRegistrationBean<>(new IdCheckFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
