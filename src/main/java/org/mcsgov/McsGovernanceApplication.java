package org.mcsgov;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class McsGovernanceApplication {
    public static void main(String[] args) {
        SpringApplication.run(McsGovernanceApplication.class, args);
    }
}
