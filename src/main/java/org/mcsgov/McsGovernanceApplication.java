package org.mcsgov;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class McsGovernanceApplication {
    public static void main(String[] args) {
        SpringApplication.run(McsGovernanceApplication.class, args);
    }
}
