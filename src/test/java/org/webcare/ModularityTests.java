package org.webcare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import com.tngtech.archunit.core.importer.ImportOption;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

class ModularityTests {

    @Test
    void modulesOnlyUseEachOthersPublicFacesAndFormNoCycles() {
        ApplicationModules modules = ApplicationModules.of(WebcareApplication.class);

        assertThat(modules.stream().map(module -> module.getBasePackage().getName()))
                .contains("org.webcare.intake", "org.webcare.analysis", "org.webcare.listening", "org.webcare.channel",
                        "org.webcare.cases", "org.webcare.identity", "org.webcare.ui", "org.webcare.reporting",
                        "org.webcare.alerting", "org.webcare.crisis", "org.webcare.consults");
        modules.verify();
    }

    @Test
    void theCheckFailsWhenAModuleReachesIntoAnothersInternals() {
        // A deliberate violation: beta uses a type from alpha's internal package.
        ApplicationModules fixture = ApplicationModules.of("org.webcare.fixtures.modularity", includingTests());

        assertThat(fixture.stream()).hasSize(2);
        assertThatThrownBy(fixture::verify)
                .isInstanceOf(Violations.class)
                .hasMessageContaining("Secret");
    }

    /** The fixture lives with the tests, which the default import leaves out. */
    private static ImportOption includingTests() {
        return location -> true;
    }
}
