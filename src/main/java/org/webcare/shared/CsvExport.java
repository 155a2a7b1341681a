package org.webcare.shared;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Tables as CSV for spreadsheets (RFC 4180: quoted where needed, CRLF line ends). Cells that a spreadsheet would run as
 * a formula ({@code =HYPERLINK(...)} in a customer's name or a link) get a leading apostrophe, the OWASP advice
 * against CSV injection: the text then shows as typed.
 */
public final class CsvExport {

    private CsvExport() {
    }

    public static String table(List<String> header, List<? extends List<?>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(header.stream().map(CsvExport::cell).toList());
            for (List<?> row : rows) {
                printer.printRecord(row.stream().map(CsvExport::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A value as a safe cell: numbers as they are, text defused when it starts like a formula. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
