package org.webcare.imports;

/** Hears how an import goes: a skipped line at once, the figures every few seconds. */
public interface ImportProgress {

    ImportProgress NONE = new ImportProgress() {
    };

    /** A line was skipped (or a post refused); the message names the line. */
    default void problem(String message) {
    }

    /** The figures so far, in the phase named ("reading", "importing", "resolving"). */
    default void progress(String phase, ImportFigures figures) {
    }
}
