package org.webcare;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.webcare.cli.CommandLine;

/** Webcare: one deployable, started by the {@code webcare} launcher with a command ({@code start}, ...). */
@SpringBootApplication
@EnableScheduling
public class WebcareApplication {

    public static void main(String[] args) {
        int status = CommandLine.run(WebcareApplication.class, args);
        if (status != CommandLine.KEEP_RUNNING) {
            System.exit(status);
        }
    }
}
