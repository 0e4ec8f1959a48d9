package io.kaskad.account;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeySecretsTests {

    @Test
    void generatedKeysArePrefixedRandomAndLongEnough() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            keys.add(ApiKeySecrets.generate());
        }
        assertThat(keys).hasSize(1000).allSatisfy(key -> assertThat(key).matches("ksk_[0-9A-Za-z]{40}"));
    }

    @Test
    void hashIsStableHexSha256AndNeverTheKeyItself() {
        String key = ApiKeySecrets.generate();
        assertThat(ApiKeySecrets.hash(key)).isEqualTo(ApiKeySecrets.hash(key)).matches("[0-9a-f]{64}").doesNotContain(key);
        assertThat(ApiKeySecrets.hash("abc"))
            .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void shownPrefixIsTheStartOfTheKeyOnly() {
        assertThat(ApiKeySecrets.shownPrefix("ksk_ABCDEFGHIJKLMNOP")).isEqualTo("ksk_ABCDEF");
    }
}
