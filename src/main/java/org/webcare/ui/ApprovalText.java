package org.webcare.ui;

/** Text from a form's text area as the reply services take it. */
final class ApprovalText {

    private ApprovalText() {
    }

    /** Browsers send a text area's line breaks as CRLF; replies are stored with LF, so an unchanged text stays equal. */
    static String fromForm(String text) {
        return text == null ? null : text.replace("\r\n", "\n");
    }
}
