package io.kaskad.message;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code kaskad.callbacks.*}. {@code allowPrivateNetworks}: callbacks may go to loopback and private
 * addresses — for an installation whose clients live on its own network; off by default, so that a
 * client cannot make Kaskad call its own actuator or a cloud's metadata service.
 */
@ConfigurationProperties("kaskad.callbacks")
record CallbackProperties(boolean allowPrivateNetworks) {
}
