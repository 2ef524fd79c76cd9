package vn.doan.console.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;
import vn.doan.web.CorrelationIdFilter;

/** Vietnamese whatever the browser asks for; {@code ?lang=en} switches the session to English. */
@Configuration
class WebConfig implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        SessionLocaleResolver resolver = new SessionLocaleResolver();
        resolver.setDefaultLocale(Format.VIETNAMESE);
        resolver.setDefaultTimeZone(java.util.TimeZone.getTimeZone(Format.ZONE));
        return resolver;
    }

    /** Each page request's correlation id, in the console's log lines and on every call the page makes to the gateway. */
    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LocaleChangeInterceptor());
    }

    /** The signed-in user, for the menu of every page. */
    @ControllerAdvice
    static class Everywhere {

        @ModelAttribute("me")
        CurrentUser me() {
            return CurrentUser.get();
        }
    }
}
