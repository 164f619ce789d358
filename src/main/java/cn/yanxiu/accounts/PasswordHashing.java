package cn.yanxiu.accounts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** BCrypt; tests lower the cost to keep thousands of generated accounts quick. */
@Configuration
class PasswordHashing {

    @Bean
    PasswordEncoder passwordEncoder(@Value("${yanxiu.accounts.bcrypt-strength:10}") int strength) {
        return new BCryptPasswordEncoder(strength);
    }
}
