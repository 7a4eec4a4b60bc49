package dev.dragoman.document;

import java.io.IOException;

/** Whether gettext's msgfmt can be run here (the tests that need it are skipped without it). */
final class Msgfmt {

    private Msgfmt() {
    }

    static boolean available() {
        try {
            Process process = new ProcessBuilder("msgfmt", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
