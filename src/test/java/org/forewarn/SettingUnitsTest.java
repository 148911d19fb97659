package org.forewarn;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Settings refused or read as meant at startup. A bare number is read in the unit its setting is spoken of in
 * (retention "90" is 90 days, not 90 ms, which would strip personal data at once); an interval of zero or less, a
 * fallback to no channel or a public URL links could not open on is refused, naming the setting.
 */
class SettingUnitsTest {

	@Test
	void aBareNumberIsDaysForPeriodsOfDaysAndHoursForPeriodsOfHours() throws Exception {
		assertThat(bound("org.forewarn.privacy.RetentionSettings", "forewarn.retention",
				Map.of("event-payloads", "90", "messages", "180", "outreach-details", "30")))
			.hasToString("RetentionSettings[enabled=true, eventPayloads=PT2160H, messages=PT4320H, "
					+ "outreachDetails=PT720H, interval=PT1H, batchSize=500]");
		assertThat(bound("org.forewarn.bounce.BounceSettings", "forewarn.bounces",
				Map.of("soft-suppress-for", "7", "sms-unreachable-for", "2")).toString())
			.contains("softSuppressFor=PT168H, smsUnreachableFor=PT48H");
		assertThat(bound("org.forewarn.outcome.OutcomeSettings", "forewarn.outcomes", Map.of("window", "30"))
			.toString()).contains("window=PT720H");
		assertThat(bound("org.forewarn.outreach.OutreachSettings", "forewarn.outreach", Map.of("max-trigger-age", "48"))
			.toString()).contains("maxTriggerAge=PT48H");
		assertThat(bound("org.forewarn.outreach.GuardrailSettings$Review", "forewarn.guardrails.review",
				Map.of("expire-after", "24")).toString()).contains("expireAfter=PT24H");
		// a unit given is the unit meant
		assertThat(bound("org.forewarn.outreach.OutreachSettings", "forewarn.outreach", Map.of("max-trigger-age", "90m"))
			.toString()).contains("maxTriggerAge=PT1H30M");
	}

	@Test
	void anIntervalOfZeroOrLessIsRefusedNamingTheSetting() {
		assertRefused("org.forewarn.engine.SweepSettings", "forewarn.sweep", "interval", "0",
				"forewarn.sweep.interval must be positive, was PT0S");
		assertRefused("org.forewarn.health.HealthSettings", "forewarn.health", "interval", "-1s",
				"forewarn.health.interval must be positive, was PT-1S");
		assertRefused("org.forewarn.channel.ProviderHealthSettings", "forewarn.health.providers", "interval", "0s",
				"forewarn.health.providers.interval must be positive, was PT0S");
		assertRefused("org.forewarn.followup.EscalationSettings", "forewarn.followups", "escalation-check", "0",
				"forewarn.followups.escalation-check must be positive, was PT0S");
		assertRefused("org.forewarn.bounce.BounceSettings", "forewarn.bounces", "imap.interval", "0",
				"forewarn.bounces.imap.interval must be positive, was PT0S");
	}

	@Test
	void aFallbackToSomethingThatIsNoChannelIsRefusedNamingTheSetting() throws Exception {
		assertRefused("org.forewarn.outreach.DeliverySettings", "forewarn.delivery", "fallback.email", "taks",
				"forewarn.delivery.fallback.email: 'taks' is not a channel (did you mean \"task\"?); use email, sms or "
						+ "task, or leave it empty for none");
		assertThat(bound("org.forewarn.outreach.DeliverySettings", "forewarn.delivery",
				Map.of("fallback.sms", "", "fallback.email", " task ")).toString())
			.contains("Fallback[sms=, email= task , task=]");
	}

	@Test
	void aFallbackChainThatGoesRoundInALoopIsRefused() throws Exception {
		assertRefused("org.forewarn.outreach.DeliverySettings", "forewarn.delivery", "fallback.email", "sms",
				"forewarn.delivery.fallback: sms -> email -> sms goes round in a loop; end the chain with an empty entry,"
						+ " as fallback.task is by default");
		assertRefused("org.forewarn.outreach.DeliverySettings", "forewarn.delivery", "fallback.task", "email",
				"forewarn.delivery.fallback: email -> task -> email goes round in a loop; end the chain with an empty"
						+ " entry, as fallback.task is by default");
		assertThat(bound("org.forewarn.outreach.DeliverySettings", "forewarn.delivery", Map.of("fallback.task", "task")))
			.as("a channel naming itself ends the chain").isNotNull();
	}

	@Test
	void aPublicUrlLinksCouldNotOpenIsRefused() throws Exception {
		for (String url : new String[] { "forewarn.example.com", "ftp://forewarn.example.com", "https://",
				"https://forewarn.example.com/?x=1", "http://forewarn example.com" }) {
			assertThatThrownBy(() -> bound("org.forewarn.outreach.LinkSettings", "forewarn.links",
					Map.of("public-url", url)))
				.rootCause()
				.hasMessageStartingWith("forewarn.links.public-url: '" + url + "' is not");
		}
		assertThat(bound("org.forewarn.outreach.LinkSettings", "forewarn.links",
				Map.of("public-url", "https://shop.example.com/forewarn/")).toString())
			.contains("publicUrl=https://shop.example.com/forewarn/");
	}

	private static void assertRefused(String type, String prefix, String name, String value, String reason) {
		assertThatThrownBy(() -> bound(type, prefix, Map.of(name, value)))
			.isInstanceOf(BindException.class)
			.rootCause()
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage(reason);
	}

	private static Object bound(String type, String prefix, Map<String, String> values) throws Exception {
		MapConfigurationPropertySource source = new MapConfigurationPropertySource();
		values.forEach((name, value) -> source.put(prefix + "." + name, value));
		return new Binder(source).bindOrCreate(prefix, Bindable.of(Class.forName(type)));
	}
}
