package org.forewarn.engine;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Engine settings ({@code forewarn.*}).
 *
 * @param lanes number of customer lanes processing in parallel (one customer always in one lane)
 */
@ConfigurationProperties("forewarn")
public record EngineSettings(@DefaultValue("4") int lanes) {
}
