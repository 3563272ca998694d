package io.lingowire.translation.quality;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class QualityChecksTest {

    @Inject
    QualityChecks checks;

    private static final List<String> SOURCE = List.of(
            "The ministry said on Wednesday that primary schools in Kabul will reopen next week.",
            "Officials said thousands of new books had been delivered to district offices.");

    @Test
    void aGoodTranslationPasses() {
        assertEquals(List.of(), checks.check(SOURCE, List.of(
                "El ministerio dijo el miércoles que las escuelas primarias de Kabul volverán a abrir la próxima semana.",
                "Los funcionarios dijeron que miles de libros nuevos habían sido entregados a las oficinas de distrito."),
                "es"));
    }

    @Test
    void outputInTheWrongLanguageIsFlagged() {
        List<String> flags = checks.check(SOURCE, List.of(
                "Le ministère a déclaré mercredi que les écoles primaires de Kaboul rouvriront la semaine prochaine.",
                "Les responsables ont déclaré que des milliers de livres avaient été livrés aux bureaux de district."),
                "es");
        assertTrue(flags.contains("output language detected as fr, expected es"), flags.toString());
    }

    @Test
    void untranslatedAndTruncatedOutputIsFlagged() {
        assertTrue(checks.check(SOURCE, SOURCE, "es").stream().anyMatch(f -> f.contains("came back untranslated")));
        assertTrue(checks.check(SOURCE, List.of("El ministerio.", "Libros."), "es").stream()
                .anyMatch(f -> f.startsWith("length ratio")));
    }

    @Test
    void codesAndIdsDoNotDecideTheOutputLanguage() {
        // Apertium's Spanish for a short story ending in a reference id; the id's hex letters once tipped Lingua to fr
        List<String> source = List.of("Roads in Herat", "The governor promised to open 40 new classrooms before winter arrives.",
                "Work starts in spring.", "Reference bd80d1f8-6191-487a-bf3a-9036d3330a1b.");
        List<String> output = List.of("Carreteras en Herat",
                "El gobernador se comprometió a abrir 40 aulas nuevas antes de que llegue el invierno.",
                "Inicios de obra en muelle.", "Remisión bd80d1f8-6191-487a-bf3a-9036d3330a1b.");
        assertEquals(List.of(), checks.check(source, output, "es"));
    }
}
