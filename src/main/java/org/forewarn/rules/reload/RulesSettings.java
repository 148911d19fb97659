package org.forewarn.rules.reload;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rules settings ({@code forewarn.*}).
 *
 * @param rules folder holding the rule files (relative to the working directory)
 * @param rulesWatch reloading the rules when a file in that folder changes
 */
@ConfigurationProperties("forewarn")
public record RulesSettings(@DefaultValue("rules") String rules, @DefaultValue Watch rulesWatch) {

	/**
	 * @param enabled watch the rules folder and reload on change (never in replay)
	 * @param debounce quiet time after the last change before reloading, so a save in several writes loads once
	 * @param poll how often the folder is also compared with what was last loaded, for what the file watch misses (a
	 *     linked file's target edited, the folder replaced)
	 */
	public record Watch(@DefaultValue("true") boolean enabled, @DefaultValue("500ms") Duration debounce,
			@DefaultValue("2s") Duration poll) {
	}
}
