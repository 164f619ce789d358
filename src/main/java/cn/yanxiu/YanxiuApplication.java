package cn.yanxiu;

import cn.yanxiu.system.DatabaseChoice;
import cn.yanxiu.system.ServeLogs;
import cn.yanxiu.system.StartupFailure;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/** Yanxiu (研修): evaluates school-based teacher development. One jar, sub-commands listed by {@code --help}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class YanxiuApplication {

    public static void main(String[] args) {
        // every timestamp is stored in UTC, whatever zone this machine is set to; Times shows them in the configured zone
        cn.yanxiu.system.Times.storeInUtc();
        cn.yanxiu.system.PlainNumbers.sameOnEveryMachine();
        DatabaseChoice.applyTo(args);
        if (args.length > 0 && args[0].equals("serve")) {
            // every other command is a one-shot command line: only serve starts the web server
            System.setProperty("spring.main.web-application-type", "servlet");
            ServeLogs.applyTo(args);
        }
        if (args.length > 0 && args[0].equals("worker")) {
            // only a worker listens on the partition queue
            System.setProperty("yanxiu.batch.role", "worker");
        }
        cn.yanxiu.system.OneShotCommandAutoConfiguration.applyTo(args);
        StartupFailure.quietUnlessVerbose(args);
        ConfigurableApplicationContext context;
        try {
            context = SpringApplication.run(YanxiuApplication.class, args);
        } catch (RuntimeException e) {
            System.err.println(StartupFailure.explain(e));
            if (StartupFailure.verbose(args)) {
                e.printStackTrace();
            }
            System.exit(1);
            return;
        }
        System.exit(SpringApplication.exit(context));
    }
}
