package cn.yanxiu.certificates;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Serials and signatures for certificates. A serial is {@code YX-<term>-<random>-<check>}: the random part
 * makes serials unguessable, the check (a keyed hash of the rest) makes a mistyped or altered serial fail
 * before any lookup. The signature is a keyed hash of everything the certificate states. The key is made
 * once, at random, and kept in the database.
 */
@Component
class CertificateSerials {

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray(); // no 0/O, 1/I
    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();
    private volatile byte[] key;

    CertificateSerials(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    String newSerial(String termId) {
        StringBuilder body = new StringBuilder("YX-").append(termId).append('-');
        for (int i = 0; i < 10; i++) {
            body.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return body + "-" + check(body.toString());
    }

    /** True when the serial's check code matches the rest: false for any altered or invented serial. */
    boolean wellFormed(String serial) {
        int dash = serial.lastIndexOf('-');
        return serial.startsWith("YX-") && dash > 3 && serial.length() <= 48 && serial.substring(dash + 1).equals(check(serial.substring(0, dash)));
    }

    String sign(List<Object> statedFacts) {
        StringBuilder text = new StringBuilder();
        statedFacts.forEach(f -> text.append(f instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(f)).append('|'));
        return HexFormat.of().formatHex(mac(text.toString()));
    }

    private String check(String body) {
        byte[] mac = mac(body);
        StringBuilder check = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            check.append(ALPHABET[(mac[i] & 0xff) % ALPHABET.length]);
        }
        return check.toString();
    }

    private byte[] mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        if (key == null) {
            synchronized (this) {
                if (key == null) {
                    List<String> stored = jdbc.queryForList("SELECT secret FROM certificate_key WHERE id = 1", String.class);
                    if (stored.isEmpty()) {
                        byte[] fresh = new byte[32];
                        random.nextBytes(fresh);
                        try {
                            jdbc.update("INSERT INTO certificate_key (id, secret, created_at) VALUES (1, ?, ?)", HexFormat.of().formatHex(fresh),
                                    Timestamp.from(Instant.now()));
                        } catch (DuplicateKeyException raced) {
                            // another process made it first: use theirs
                        }
                        stored = jdbc.queryForList("SELECT secret FROM certificate_key WHERE id = 1", String.class);
                    }
                    key = HexFormat.of().parseHex(stored.get(0));
                }
            }
        }
        return key;
    }
}
