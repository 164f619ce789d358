package cn.yanxiu.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The heading of the OpenAPI description at {@code /api/openapi}: what the API is and how to sign in. */
@Configuration
@ConditionalOnWebApplication
class ApiDescription {

    @Bean
    OpenAPI yanxiuApi() {
        return new OpenAPI()
                .info(new Info().title("研修 Yanxiu API").version("1")
                        .description("校本研修评价的接口：与网页相同的权限。每个请求用 HTTP Basic 登录（不建立会话）。"))
                .components(new Components().addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
