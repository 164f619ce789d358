package cn.yanxiu.certificates;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * What one certificate states. {@code hoursByKind} keeps the order in which kinds are listed; {@code issuer} is the
 * issuing authority; {@code seal} an optional PNG drawn over the issuer's signature line.
 */
record CertificateContent(String serial, String teacherId, String teacherName, String schoolName, String termName, String grade,
                          BigDecimal hours, BigDecimal credits, Map<String, BigDecimal> hoursByKind, String ruleSetHash, Instant issuedAt,
                          String issuer, byte[] seal) {
}
