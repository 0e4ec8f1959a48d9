package io.kaskad.provider;

import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A connection as a client writes it (API and portal). {@code settings} are checked against the
 * type's fields ({@link ProviderType#settings()}); {@code secrets} given replace the stored ones, an
 * empty value clears one, and a secret left out keeps its stored value.
 */
public record ConnectionRequest(@NotBlank @Size(max = 100) String name, @Size(max = 16) String channel,
        @NotBlank @Size(max = 16) String type, @Min(0) @Max(1000) Integer priority, Boolean enabled,
        @Min(1) @Max(100000) Integer sendRate, @Size(max = 30) Map<String, Object> settings, @Size(max = 10) Map<String, String> secrets) {
}
