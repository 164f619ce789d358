package cn.yanxiu.importing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Bounds on imported files: sanity limits on input, not policy. */
@ConfigurationProperties("yanxiu.import")
public record ImportLimits(long maxFileBytes, int maxRows, double maxHoursPerRow, int maxQuantityPerRow) {
}
