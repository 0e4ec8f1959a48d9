package io.kaskad.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.core.JacksonException.Reference;

import static org.assertj.core.api.Assertions.assertThat;

class JsonPathsTests {

    @Test
    void writesPathsLikeValidationFieldNames() {
        List<Reference> path = List.of(new Reference(null, "messages"), new Reference(null, 0),
                new Reference(null, "destinations"), new Reference(null, 3), new Reference(null, "phone"));
        assertThat(JsonPaths.of(path)).isEqualTo("messages[0].destinations[3].phone");
    }

    @Test
    void emptyPathIsEmpty() {
        assertThat(JsonPaths.of(List.of())).isEmpty();
    }
}
