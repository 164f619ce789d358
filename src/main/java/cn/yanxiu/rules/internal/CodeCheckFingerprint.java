package cn.yanxiu.rules.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The fingerprint of the rule-code check itself: the SHA-256 of the checker's own classes. A rule-set version
 * that passed the full check under one fingerprint passes it again under the same one (same bytes, same
 * checker); any change to the checker or its allow-list changes the fingerprint and the check runs again.
 */
public final class CodeCheckFingerprint {

    private static final String VALUE = compute();

    private CodeCheckFingerprint() {
    }

    public static String value() {
        return VALUE;
    }

    private static String compute() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Class<?> checker : new Class<?>[] {RuleCodeCheck.class, RuleCodeAllowList.class, RuleFileGuard.class, CompiledRules.class}) {
                String resource = checker.getName().replace('.', '/') + ".class";
                try (InputStream in = checker.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("找不到 " + resource);
                    }
                    digest.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
