package io.interchange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;

/**
 * Refuses to start, in one line naming the property and the path it looked at, when the routes or
 * mappings folder is not there (the jar started from another folder than the installation); Camel
 * would otherwise stop with a bare {@code NoSuchFileException: routes} while it scans the routes
 * (before any configuration class runs, hence a main listener).
 */
public class RuntimeFolders extends MainListenerSupport {

    static final String[] FOLDERS = {"interchange.routes.dir", "interchange.mappings.dir"};

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        for (String property : FOLDERS) {
            require(property, main.getCamelContext().getPropertiesComponent().resolveProperty(property).orElse("."));
        }
    }

    static void require(String property, String folder) {
        Path path = Path.of(folder).toAbsolutePath().normalize();
        if (!Files.isDirectory(path)) {
            throw new MissingFolderException(property + "=" + folder + ": no folder at " + path
                    + " (start Interchange in its installation folder, or set " + property + ", environment "
                    + property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_') + ", to the folder)");
        }
    }

    /** The start-up error for a missing folder: its message is the whole story, no stack trace needed. */
    public static class MissingFolderException extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        MissingFolderException(String message) {
            super(message);
        }
    }
}
