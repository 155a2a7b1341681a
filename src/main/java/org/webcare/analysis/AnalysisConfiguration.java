package org.webcare.analysis;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AnalysisConfiguration {

    @Bean
    Analyzers analyzers(@Value("${webcare.languages:nl,en,de,fr}") List<String> languages) {
        return Analyzers.loadInBackground(languages);
    }
}
