package org.forewarn.replay;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * The replay profile: a transaction takes a connection only when it runs a statement. With states and events kept in
 * memory most replayed events run none, and then their transaction costs no begin and no commit in the database.
 */
@Configuration(proxyBeanMethods = false)
@Profile("replay")
class LazyConnectionConfiguration {

	@Bean
	static BeanPostProcessor lazyConnections() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return bean instanceof DataSource dataSource && !(bean instanceof LazyConnectionDataSourceProxy)
						? new LazyConnectionDataSourceProxy(dataSource) : bean;
			}
		};
	}
}
