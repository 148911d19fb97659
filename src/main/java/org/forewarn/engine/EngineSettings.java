package org.forewarn.engine;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Engine settings ({@code forewarn.*}).
 *
 * @param lanes number of customer lanes processing in parallel (one customer always in one lane)
 * @param senders threads shared by the lanes that send what is due for the customers of a lane's share at the same
 *        time (each also uses a database connection while it records a send)
 */
@ConfigurationProperties("forewarn")
public record EngineSettings(@DefaultValue("4") int lanes, @DefaultValue("8") int senders) {
}
