package org.webcare.sla;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;

/** Records the SLA events the application published, for tests to count. */
@TestConfiguration(proxyBeanMethods = false)
public class HeardSlaEvents {

    private final List<Object> events = new ArrayList<>();

    @EventListener
    synchronized void on(SlaWarning warning) {
        events.add(warning);
    }

    @EventListener
    synchronized void on(SlaBreached breach) {
        events.add(breach);
    }

    synchronized long warnings(long clockId) {
        return events.stream().filter(e -> e instanceof SlaWarning w && w.clockId() == clockId).count();
    }

    synchronized long breaches(long clockId) {
        return events.stream().filter(e -> e instanceof SlaBreached b && b.clockId() == clockId).count();
    }
}
