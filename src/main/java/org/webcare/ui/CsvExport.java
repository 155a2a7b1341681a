package org.webcare.ui;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A table as a CSV download: RFC 4180 quoting (commas, quotes and line breaks inside a cell stay in the cell) and safe
 * to open in a spreadsheet: a cell that starts with = + - @ (or a tab or carriage return) would be run as a formula,
 * so it gets a leading apostrophe, which spreadsheets show as text. Customer names and post text are hostile input.
 */
final class CsvExport {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvExport() {
    }

    static ResponseEntity<byte[]> download(String filename, List<String> header, List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(header.stream().map(CsvExport::safe).toList());
            for (List<String> row : rows) {
                printer.printRecord(row.stream().map(CsvExport::safe).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        return FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
