package org.webcare.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.webcare.channel.Brand;
import org.webcare.identity.Role;
import org.webcare.identity.WebcareUser;
import org.webcare.support.IntegrationTest;
import org.webcare.support.WebSession;

/** The team leads' SLA page: agents are kept out, bad input is shown next to its field, hostile names are escaped. */
class SlaPagesIntegrationTests extends IntegrationTest {

    private static final String PASSWORD = "a-long-agent-password";

    @Test
    void aTeamLeadAddsAPolicyAndSeesWhatIsWrongNextToTheField() {
        WebcareUser lead = users.create(unique("lead") + "@example.org", "Lotte Lead", PASSWORD, Role.TEAM_LEAD);
        Brand brand = channels.createBrand(unique("<i>Merk</i>"));
        WebSession session = WebSession.signIn(baseUrl(), lead.email(), PASSWORD);

        var wrong = session.post("/sla/policies", java.util.Map.of("brandId", String.valueOf(brand.id()), "name", "<b>VIP</b>",
                "firstResponse", "vier uur", "resolution", "PT24H"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("targets.firstResponse: must be a positive duration like PT4H", "value=\"vier uur\"")
                .doesNotContain("<b>VIP</b>", "<i>Merk</i>");

        var added = session.post("/sla/policies", java.util.Map.of("brandId", String.valueOf(brand.id()), "name", "<b>VIP</b>",
                "firstResponse", "PT1H", "resolution", "PT24H", "pauseOnCustomer", "true"));
        assertThat(added.statusCode()).isLessThan(400);
        assertThat(session.get("/sla").body()).contains("&lt;b&gt;VIP&lt;/b&gt;", "PT1H");
    }

    @Test
    void agentsCannotOpenOrChangeThePolicies() {
        WebcareUser agent = anAgent(PASSWORD);
        WebSession session = WebSession.signIn(baseUrl(), agent.email(), PASSWORD);
        assertThat(session.get("/sla").statusCode()).isEqualTo(403);
        assertThat(session.post("/sla/policies", java.util.Map.of("name", "x")).statusCode()).isEqualTo(403);
    }
}
