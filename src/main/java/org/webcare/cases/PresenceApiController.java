package org.webcare.cases;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.webcare.identity.WebcareUser;
import org.webcare.shared.NotFoundException;

/** REST API of presence: who else has a case open, and who is typing in it. */
@RestController
@Tag(name = "Cases")
class PresenceApiController {

    private final Cases cases;
    private final CasePresence presence;

    PresenceApiController(Cases cases, CasePresence presence) {
        this.cases = cases;
        this.presence = presence;
    }

    @GetMapping("/api/v1/cases/{id}/presence")
    @Operation(summary = "Who else has the case open (reported in the last 30 s), typing ones first; never yourself")
    List<CasePresence.Presence> others(@PathVariable long id, @AuthenticationPrincipal WebcareUser me) {
        cases.find(id).orElseThrow(() -> new NotFoundException("case: no case with id " + id));
        return presence.others(id, me.id());
    }
}
