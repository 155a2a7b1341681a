package org.webcare.crisis;

import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the crises: the open ones, or the latest ones including those that ended. */
@RestController
@Tag(name = "Crises")
class CrisesApiController {

    private final Crises crises;

    CrisesApiController(Crises crises) {
        this.crises = crises;
    }

    @GetMapping("/api/v1/crises")
    List<Crisis> crises(@RequestParam(defaultValue = "false") boolean active, @RequestParam(defaultValue = "50") int limit) {
        return active ? crises.active() : crises.recent(limit);
    }
}
