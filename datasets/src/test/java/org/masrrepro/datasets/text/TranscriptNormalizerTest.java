package org.masrrepro.datasets.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TranscriptNormalizerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "Hello, World!|hello world",
            "\"  many   spaces\there\n\"|many spaces here",
            "l'homme d’affaires|l'homme d'affaires",
            "'quoted' words'|quoted words",
            "rock-'n'-roll|rock n roll",
            "well-known «guillemets» ¿qué?|well known guillemets qué",
            "ÉCOLE|école",
            "e\u0301cole|\u00e9cole",
            "100% sure: 3.5 ±2|100 sure 3 5 ±2",
            "...|\"\""})
    void normalizes(String in, String want) {
        assertEquals(want, TranscriptNormalizer.normalize(in));
    }
}
