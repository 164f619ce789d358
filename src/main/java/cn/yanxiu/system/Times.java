package cn.yanxiu.system;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.TimeZone;

/**
 * Time as Yanxiu keeps and shows it: instants are stored in UTC whatever zone the machine is set to (the JVM's
 * default zone is UTC, so JDBC writes and reads timestamps as UTC), and shown in one configured zone
 * ({@code YANXIU_ZONE}, default Asia/Shanghai) — the same on the command line, the pages, exports and certificates.
 */
public final class Times {

    public static final String DEFAULT_ZONE = "Asia/Shanghai";
    private static final ZoneId SHOWN = shownZone();
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(SHOWN);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(SHOWN);

    private Times() {
    }

    /** Makes UTC the zone every timestamp is written and read in; called first thing at start-up (and by the tests' JVM settings). */
    public static void storeInUtc() {
        TimeZone.setDefault(TimeZone.getTimeZone(ZoneOffset.UTC));
    }

    /** The zone times are shown in. */
    public static ZoneId zone() {
        return SHOWN;
    }

    /** "2026-11-30 03:16", in the shown zone. */
    public static String minute(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant);
    }

    /** "2026-11-30 03:16:05 +08:00": to the second, with the offset, for records an auditor compares. */
    public static String second(Instant instant) {
        return instant == null ? "" : SECOND.format(instant) + " " + SHOWN.getRules().getOffset(instant).getId().replace("Z", "+00:00");
    }

    private static ZoneId shownZone() {
        String configured = System.getProperty("yanxiu.zone", System.getenv().getOrDefault("YANXIU_ZONE", DEFAULT_ZONE));
        try {
            return ZoneId.of(configured.strip());
        } catch (DateTimeException e) {
            throw new IllegalStateException("YANXIU_ZONE“" + configured + "”不是时区名称（如 Asia/Shanghai）");
        }
    }
}
