package cn.yanxiu;

import cn.yanxiu.system.DatabaseChoice;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Yanxiu (研修): evaluates school-based teacher development. One jar, sub-commands listed by {@code --help}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class YanxiuApplication {

    public static void main(String[] args) {
        DatabaseChoice.applyTo(args);
        System.exit(SpringApplication.exit(SpringApplication.run(YanxiuApplication.class, args)));
    }
}
