package org.webcare.channel;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({OutboxSettings.class, SourceSettings.class})
class ChannelConfiguration {
}
