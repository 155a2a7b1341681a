package org.webcare.listening;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the saved listening queries. A query that does not parse is answered with its position. */
@RestController
@Tag(name = "Listening queries")
class ListeningApiController {

    private final SavedQueries queries;

    ListeningApiController(SavedQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/queries")
    List<SavedQuery> all() {
        return queries.all();
    }

    @PostMapping("/api/v1/queries")
    ResponseEntity<SavedQuery> save(@RequestBody QueryRequest request) {
        SavedQuery saved = queries.save(request.name(), request.query(), null);
        return ResponseEntity.created(URI.create("/api/v1/queries/" + saved.id())).body(saved);
    }

    @DeleteMapping("/api/v1/queries/{id}")
    ResponseEntity<Void> remove(@PathVariable long id) {
        return queries.remove(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    @ExceptionHandler(QueryException.class)
    ResponseEntity<ProblemDetail> badQuery(QueryException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("field", "query");
        if (e.position() >= 0) {
            problem.setProperty("position", e.position() + 1);
        }
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    record QueryRequest(String name, String query) {
    }
}
