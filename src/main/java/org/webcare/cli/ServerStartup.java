package org.webcare.cli;

import java.lang.management.ManagementFactory;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.webcare.identity.FirstAdmin;

/** Tells the person who started the server where it runs, how long it took, and how to get in. */
@Component
class ServerStartup {

    private final FirstAdmin firstAdmin;
    private final HealthEndpoint health;
    private final String publicUrl;

    ServerStartup(FirstAdmin firstAdmin, HealthEndpoint health, @Value("${webcare.public-url:}") String publicUrl) {
        this.firstAdmin = firstAdmin;
        this.health = health;
        this.publicUrl = publicUrl;
    }

    /** Runs when the application accepts traffic, which is when its health turns UP. */
    @EventListener
    void ready(AvailabilityChangeEvent<ReadinessState> event) {
        if (event.getState() != ReadinessState.ACCEPTING_TRAFFIC
                || !(event.getSource() instanceof WebServerApplicationContext web)) {
            return;
        }
        String base = publicUrl.isBlank() ? "http://localhost:" + web.getWebServer().getPort() : publicUrl.replaceAll("/$", "");
        double seconds = (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0;
        String status = health.health().getStatus().getCode();
        System.out.printf(Locale.ROOT, "Webcare is %s at %s (healthy %.1f s after the JVM started)%n",
                "UP".equals(status) ? "up" : "starting (health " + status + ")", base, seconds);
        firstAdmin.ensure().ifPresent(setup -> System.out.println(
                "No administrator yet: open " + base + setup + " to create one (or set WEBCARE_ADMIN_EMAIL and WEBCARE_ADMIN_PASSWORD)."));
        System.out.flush();
    }
}
