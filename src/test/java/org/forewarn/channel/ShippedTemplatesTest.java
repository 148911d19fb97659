package org.forewarn.channel;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped templates read well for what the rules that use them allow: an order without a promised date. */
class ShippedTemplatesTest {

	private final TemplateRenderer templates = new TemplateRenderer(Path.of("config/templates"), Locale.ENGLISH);

	@ParameterizedTest
	@ValueSource(strings = { "en", "pt-BR" })
	void anOrderNotShippedWithoutAPromisedDateSaysNothingOfOne(String language) {
		Map<String, Object> promised = variables("10 March");
		Map<String, Object> none = variables(null);

		String withDate = render(language, promised);
		String without = render(language, none);

		assertThat(withDate).contains("10 March");
		assertThat(without).doesNotContain(" ;", "para ;", "for ;").contains("o1", "3 March");
		assertThat(without.length()).isLessThan(withDate.length());
	}

	/** As sending gives them: every value the template may name, a missing one as null. */
	private static Map<String, Object> variables(String promisedBy) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("orderId", "o1");
		variables.put("shipBy", "3 March");
		variables.put("promisedBy", promisedBy);
		variables.put("name", "Ana");
		variables.put("firstName", "Ana");
		variables.put("unsubscribeUrl", "https://example.com/unsubscribe");
		return variables;
	}

	private String render(String language, Map<String, Object> variables) {
		return templates.render(new OutgoingMessage("x", "email", "order_not_shipped", "ana@example.com",
				Locale.forLanguageTag(language), variables, "https://example.com/unsubscribe")).text();
	}
}
