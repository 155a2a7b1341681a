package org.webcare.cases;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The case settings, and the reply check with the order numbers of {@code webcare.replies.order-number-pattern} (empty: not checked). */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.context.properties.EnableConfigurationProperties(CaseSettings.class)
class CasesConfiguration {

    @Bean
    ReplyCheck replyCheck(@Value("${webcare.replies.order-number-pattern:}") String orderNumberPattern) {
        return ReplyCheck.withOrderNumbers(orderNumberPattern);
    }
}
