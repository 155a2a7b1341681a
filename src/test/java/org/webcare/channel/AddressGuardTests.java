package org.webcare.channel;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

class AddressGuardTests {

    private final AddressGuard strict = AddressGuard.strict();

    @Test
    void refusesAHostNameThatResolvesToLoopback() {
        assertThatThrownBy(() -> strict.check(URI.create("http://localhost:8080/feed")))
                .isInstanceOf(ConnectorException.Permanent.class)
                .hasMessageContaining("'localhost' resolves to")
                .hasMessageContaining("WEBCARE_FETCH_ALLOW");
    }

    @Test
    void refusesInternalAddressesOfEveryKind() {
        for (String host : List.of("127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "100.100.100.200",
                "0.0.0.0", "224.0.0.1", "255.255.255.255", "[::1]", "[fe80::1]", "[fd00:ec2::254]", "[::ffff:127.0.0.1]",
                "[::ffff:169.254.169.254]", "[64:ff9b::a00:1]", "[2002:c0a8:0101::1]", "[ff02::1]")) {
            assertThatThrownBy(() -> strict.check(URI.create("http://" + host + "/feed.xml"))).as(host)
                    .isInstanceOf(ConnectorException.Permanent.class);
        }
    }

    @Test
    void letsPublicAddressesThrough() {
        for (String host : List.of("93.184.216.34", "[2606:2800:220:1:248:1893:25c8:1946]", "[64:ff9b::5db8:d822]")) {
            assertThatCode(() -> strict.check(URI.create("https://" + host + "/feed.xml"))).as(host).doesNotThrowAnyException();
        }
    }

    @Test
    void allowsInternalRangesFromTheAllowListAndNothingBeside() throws Exception {
        AddressGuard guard = new AddressGuard(" 10.1.0.0/16, fd00::/8 ,192.168.7.7");
        guard.check(URI.create("http://10.1.200.3/feed"));
        guard.check(URI.create("http://[::ffff:10.1.0.9]/feed"));
        guard.check(URI.create("http://[fd12:3456::1]/feed"));
        guard.check(URI.create("http://192.168.7.7/feed"));
        for (String refused : List.of("10.2.0.1", "10.0.255.255", "192.168.7.8", "[fc00::1]", "127.0.0.1", "[::1]")) {
            assertThatThrownBy(() -> guard.check(URI.create("http://" + refused + "/feed"))).as(refused)
                    .isInstanceOf(ConnectorException.Permanent.class);
        }
    }

    @Test
    void allowsHostsByNameWithoutLookingThemUp() throws Exception {
        AddressGuard guard = new AddressGuard("feeds.intranet.example,LOCALHOST");
        guard.check(URI.create("https://feeds.intranet.example/rss"));
        guard.check(URI.create("http://localhost:8080/feed"));
        assertThatThrownBy(() -> guard.check(URI.create("http://other.intranet.invalid/rss")))
                .isInstanceOf(ConnectorException.Permanent.class).hasMessageContaining("cannot be resolved");
    }

    @Test
    void prefixesCountBitsNotBytes() throws Exception {
        AddressGuard guard = new AddressGuard("172.16.0.0/13");
        guard.check(URI.create("http://172.23.255.1/"));
        assertThatThrownBy(() -> guard.check(URI.create("http://172.24.0.1/"))).isInstanceOf(ConnectorException.Permanent.class)
                .hasMessageContaining("172.24.0.1, a private address");
    }

    @Test
    void refusesInvalidAllowListEntriesNamingThem() {
        for (String entry : List.of("10.0.0.0/33", "fd00::/129", "300.1.1.1", "10.0.0.0/x", "not a host!", "http://feeds.example/")) {
            assertThatThrownBy(() -> new AddressGuard("feeds.example, " + entry)).as(entry)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("webcare.fetch.allow (WEBCARE_FETCH_ALLOW): '" + entry + "'");
        }
    }
}
