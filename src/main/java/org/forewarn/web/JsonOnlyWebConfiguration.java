package org.forewarn.web;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API speaks JSON. The Twilio SDK brings Jackson's XML module, which would make Spring MVC answer browsers (whose
 * Accept header prefers XML over anything else) with XML; its converters are removed here.
 */
@Configuration(proxyBeanMethods = false)
class JsonOnlyWebConfiguration implements WebMvcConfigurer {

	@Override
	public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
		converters.removeIf(converter -> converter.getSupportedMediaTypes().stream()
			.anyMatch(type -> type.getSubtype().endsWith("xml")));
	}
}
