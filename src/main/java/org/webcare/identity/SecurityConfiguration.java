package org.webcare.identity;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Every page and API call needs a signed-in user, except the login and setup pages, static assets, the health
 * check and an expert's answer page for a consult. {@code /api/**} is stateless and takes API tokens; the UI uses a
 * session with CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; "
            + "form-action 'self'; base-uri 'self'; object-src 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> problem(response, 401,
                "A valid API token is required: send 'Authorization: Bearer <token>'");
        return http
                .securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        // Authenticated by the channel's HMAC signature over the body, checked by the controller.
                        .requestMatchers(HttpMethod.POST, "/api/v1/channels/*/posts").permitAll()
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new ApiTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler((request, response, e) -> problem(response, 403, "This API token may not do that")))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, ApiTokens tokens) throws Exception {
        LoginUrlAuthenticationEntryPoint toLogin = new LoginUrlAuthenticationEntryPoint("/login");
        AuthenticationEntryPoint entryPoint = (request, response, e) -> {
            if (request.getHeader("HX-Request") != null) {
                // An htmx request after the session expired: let htmx load the login page as a whole page.
                response.setHeader("HX-Redirect", "/login");
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            } else if (request.getRequestURI().startsWith("/actuator/")) {
                problem(response, 401, "Sign in, or send 'Authorization: Bearer <token>' of an admin");
            } else {
                toLogin.commence(request, response, e);
            }
        };
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/setup", "/error", "/favicon.ico", "/css/**", "/js/**", "/img/**",
                                "/webjars/**", "/actuator/health", "/actuator/health/**").permitAll()
                        // An expert answers a consult without an account: the unguessable token in the path is the key.
                        .requestMatchers("/consult/*").permitAll()
                        // Customers follow short links in replies; the random code only leads where a reply pointed.
                        .requestMatchers("/l/*").permitAll()
                        // A customer answers a survey without an account: the unguessable token in the path is the key.
                        .requestMatchers("/s/*").permitAll()
                        .requestMatchers("/admin/**", "/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                // The survey page keeps no session: its POST carries the token in the path, which is the capability a
                // forged request would need, so a CSRF token (and the session to hold it) adds nothing there.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/s/*"))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/inbox", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .addFilterBefore(new ApiTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    private static void problem(HttpServletResponse response, int status, String detail) throws java.io.IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String title = status == 401 ? "Unauthorized" : "Forbidden";
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail.replace("\"", "\\\"") + "\"}");
    }
}
