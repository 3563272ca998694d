package io.lingowire.translation.segment;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProtectorTest {

    private final Protector protector = new Protector();

    @Test
    void aPlaceholderAnHtmlEngineClosedComesBackWhole() {
        Protector.Protected p = protector.protect("Prices rose 12 percent.", Map.of());
        assertEquals("Prices rose <ph id=\"1\"/> percent.", p.text());
        Protector.Restored r = protector.restore("Los precios subieron <ph id=\"1\"></ph> por ciento.", p.spans());
        assertEquals("Los precios subieron 12 por ciento.", r.text());
        assertEquals(List.of(), r.problems());
    }
}
