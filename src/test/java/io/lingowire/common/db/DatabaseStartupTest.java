package io.lingowire.common.db;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class DatabaseStartupTest {

    @Test
    void serversThatLackSkipLockedAreRefusedWhateverTheyCallThemselves() {
        assertNull(DatabaseStartup.refusal("8.0.36"));
        assertNull(DatabaseStartup.refusal("8.4.3-commercial"));
        assertNull(DatabaseStartup.refusal("10.11.19-MariaDB-0+deb12u1"));
        assertNull(DatabaseStartup.refusal("5.5.5-10.6.21-MariaDB"), "MariaDB as Connector/J first sees it");
        assertNull(DatabaseStartup.refusal("11.4.2-MariaDB"));
        assertNotNull(DatabaseStartup.refusal("5.7.44-log"));
        assertNotNull(DatabaseStartup.refusal("10.5.27-MariaDB"));
        assertNotNull(DatabaseStartup.refusal("5.5.5-10.3.39-MariaDB"));
    }
}
