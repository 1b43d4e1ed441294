package org.roomgate.database;

import java.nio.file.Path;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where roomgate keeps local state: the embedded database and generated signing keys. */
@ConfigMapping(prefix = "roomgate")
public interface DataDirConfig {

    /** The data directory; relative paths are resolved against the working directory. */
    @WithDefault(EmbeddedDatabase.DEFAULT_DATA_DIR)
    Path dataDir();
}
