package org.webcare.staffing;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StaffingSettings.class)
class StaffingConfiguration {

    /** The configured hours, until a business calendar provides its own {@link OpeningHours}. */
    @Bean
    @ConditionalOnMissingBean(OpeningHours.class)
    OpeningHours configuredOpeningHours(StaffingSettings settings) {
        return ConfiguredOpeningHours.parse(settings.openingHours());
    }
}
