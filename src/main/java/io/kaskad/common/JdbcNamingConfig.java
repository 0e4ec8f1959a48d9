package io.kaskad.common;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;

/**
 * Spring Data JDBC quotes identifiers by default, and its H2 dialect then upper-cases them, which
 * breaks lower-case tables shared with MySQL. Our names are plain lower-case identifiers, so they
 * are written unquoted and mean the same on H2, MySQL and MariaDB.
 */
@Configuration(proxyBeanMethods = false)
class JdbcNamingConfig {

    @Bean
    static BeanPostProcessor unquotedIdentifiers() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof RelationalMappingContext context) {
                    context.setForceQuote(false);
                }
                return bean;
            }
        };
    }
}
