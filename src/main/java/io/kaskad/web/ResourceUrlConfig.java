package io.kaskad.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Turns off the {@link ResourceUrlEncodingFilter} that Boot registers with Thymeleaf when the resource
 * chain is on (the webjars locator turns it on). It would rewrite every link a page builds into a versioned
 * resource URL; Kaskad versions nothing, and it looked up each of the messages page's links as a static
 * resource first: two thirds of the time of a page of 50 messages went there. The webjars' version-less
 * addresses are still resolved when they are requested.
 */
@Configuration(proxyBeanMethods = false)
class ResourceUrlConfig {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
