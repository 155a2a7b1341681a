package org.webcare.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

class WebhookAddressesTests {

    private final WebhookAddresses guard = new WebhookAddresses(settings(List.of("hooks.internal.example")));

    @Test
    void refusesInternalIpv4Addresses() throws Exception {
        for (String address : List.of("127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254",
                "100.100.100.200", "0.0.0.0", "224.0.0.1")) {
            assertThat(WebhookAddresses.internal(InetAddress.getByName(address))).as(address).isNotNull();
        }
    }

    @Test
    void refusesInternalIpv6AddressesAndIpv4HiddenInIpv6() throws Exception {
        for (String address : List.of("::1", "::", "fe80::1", "fd00:ec2::254", "fc00::5", "::ffff:127.0.0.1",
                "::ffff:169.254.169.254", "::10.0.0.1", "64:ff9b::a00:1", "2002:c0a8:0101::1", "ff02::1")) {
            assertThat(WebhookAddresses.internal(InetAddress.getByName(address))).as(address).isNotNull();
        }
    }

    @Test
    void letsPublicAddressesThrough() throws Exception {
        for (String address : List.of("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "64:ff9b::5db8:d822")) {
            assertThat(WebhookAddresses.internal(InetAddress.getByName(address))).as(address).isNull();
        }
    }

    @Test
    void refusesOtherSchemesAndUserInfoAndSaysWhy() {
        assertThatThrownBy(() -> guard.check("file:///etc/passwd")).hasMessageStartingWith("webhookUrl: must be an http or https URL");
        assertThatThrownBy(() -> guard.check("ftp://example.org/x")).hasMessageStartingWith("webhookUrl: must be an http or https URL");
        assertThatThrownBy(() -> guard.check("http://user:pw@93.184.216.34/x")).hasMessageContaining("no user name");
        assertThatThrownBy(() -> guard.check("http://[::ffff:10.0.0.1]/hook"))
                .hasMessageStartingWith("webhookUrl: '[::ffff:10.0.0.1]' resolves to 10.0.0.1, a private address");
    }

    @Test
    void allowsInternalHostsOnlyByNameFromTheAllowList() {
        assertThat(guard.check("https://hooks.internal.example/x").getHost()).isEqualTo("hooks.internal.example");
        assertThat(guard.check("https://93.184.216.34/services/T/B/x").getHost()).isEqualTo("93.184.216.34");
    }

    private static AlertSettings settings(List<String> allowed) {
        return new AlertSettings(null, null, allowed, null, null, null, null, 0, null, 0);
    }
}
