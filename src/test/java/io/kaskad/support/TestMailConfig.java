package io.kaskad.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/** A real SMTP server (GreenMail) on a free port, and Spring's mail sender pointed at it. */
@TestConfiguration(proxyBeanMethods = false)
public class TestMailConfig {

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail greenMail() {
        return new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    }

    @Bean
    @Primary
    JavaMailSender testMailSender(GreenMail greenMail) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(greenMail.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        return sender;
    }
}
