package io.kaskad;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Modules talk only through each other's public API (their base package); no cycles. */
class ModularityTests {

    @Test
    void moduleBoundariesHold() {
        ApplicationModules.of(KaskadApplication.class).verify();
    }
}
