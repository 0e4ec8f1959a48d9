package io.kaskad;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class KaskadApplication {

    public static void main(String[] args) {
        SpringApplication.run(KaskadApplication.class, args);
    }
}
