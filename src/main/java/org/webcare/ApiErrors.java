package org.webcare;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every REST API answers invalid input the same way: 400 with an RFC 9457 problem naming the field. The modules
 * report invalid input as {@code IllegalArgumentException("field: reason")}.
 */
@RestControllerAdvice(basePackages = "org.webcare", annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiErrors {

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalid(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(org.webcare.shared.NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(org.webcare.shared.NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(org.webcare.shared.ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(org.webcare.shared.ConflictException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        String message = detail == null ? "invalid request" : detail;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
        int colon = message.indexOf(':');
        if (colon > 0 && message.substring(0, colon).matches("[A-Za-z]+(\\.[A-Za-z]+)*")) {
            problem.setProperty("field", message.substring(0, colon));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
