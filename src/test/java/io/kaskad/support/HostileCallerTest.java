package io.kaskad.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * The application as it is exposed to the internet: callbacks to private networks refused (the
 * default; the other tests allow them to reach their local endpoints), failed logins counted per
 * address as in production (the other tests all log in from 127.0.0.1), and the public chat API's
 * rates low enough to reach in a test. Every class with this annotation shares this one second
 * context. Its Quartz scheduler never starts, so it never takes work from the main test context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@TestPropertySource(properties = { "kaskad.callbacks.allow-private-networks=false", "spring.quartz.auto-startup=false",
        "spring.quartz.scheduler-name=kaskad-hostile-caller-node", "kaskad.security.login.max-failures-per-address=20",
        "kaskad.public-chat.session-starts-per-address=5", "kaskad.public-chat.session-starts-per-chat=8",
        "kaskad.public-chat.messages-per-address=10", "kaskad.public-chat.messages-per-chat=1000", "kaskad.public-chat.streams-per-address=3" })
public @interface HostileCallerTest {
}
