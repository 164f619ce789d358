package cn.yanxiu.web;

import cn.yanxiu.accounts.AccountRole;
import cn.yanxiu.accounts.Accounts;
import cn.yanxiu.accounts.SignedIn;
import cn.yanxiu.certificates.Certificates;
import cn.yanxiu.credits.CreditLedger;
import cn.yanxiu.evaluation.EvaluationRuns;
import cn.yanxiu.rules.RuleSetWorkspace;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** How the REST API says no: a JSON body with the reason, and a status that says which kind of no. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<Map<String, String>> denied(RuntimeException e) {
        return error(HttpStatus.FORBIDDEN, e.getMessage() == null || e.getMessage().equals("Access Denied") ? "没有权限" : e.getMessage());
    }

    @ExceptionHandler({IllegalArgumentException.class, java.util.NoSuchElementException.class})
    ResponseEntity<Map<String, String>> notFound(RuntimeException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler({EvaluationRuns.RunRefused.class, CreditLedger.CreditRefused.class, RuleSetWorkspace.RuleEditRefused.class,
        Accounts.AccountRefused.class, Certificates.CertificateRefused.class})
    ResponseEntity<Map<String, String>> refused(RuntimeException e) {
        return error(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
        org.springframework.http.converter.HttpMessageNotReadableException.class})
    ResponseEntity<Map<String, String>> malformed(Exception e) {
        return error(HttpStatus.BAD_REQUEST, "请求格式不对：" + e.getMessage());
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message == null ? status.getReasonPhrase() : message));
    }
}
