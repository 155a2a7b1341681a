package org.webcare.ui;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.webcare.shared.CsvExport;

/**
 * A table as a CSV download ({@link CsvExport}: quoted as RFC 4180 asks, formulas defused, since customer names and
 * post text are hostile input), as an attachment the browser saves rather than shows.
 */
final class CsvDownload {

    private CsvDownload() {
    }

    static ResponseEntity<byte[]> download(String filename, List<String> header, List<? extends List<?>> rows) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(CsvExport.table(header, rows).getBytes(StandardCharsets.UTF_8));
    }
}
