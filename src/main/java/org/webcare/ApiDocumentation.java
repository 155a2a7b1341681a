package org.webcare;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title and its authentication: API tokens as bearer tokens. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI webcareOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Webcare API").version("v1")
                        .description("Posts, threads, replies, brands and channels. Every call needs "
                                + "'Authorization: Bearer <API token>', except the channel webhook, which is signed.")
                        .license(new License().name("See NOTICE")))
                .components(new Components().addSecuritySchemes("apiToken",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("wcat_…")))
                .addSecurityItem(new SecurityRequirement().addList("apiToken"));
    }
}
