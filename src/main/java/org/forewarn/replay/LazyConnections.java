package org.forewarn.replay;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * Gives a replay's transactions a database connection only once a statement needs one. A replay keeps its states and
 * events in memory, so most events write nothing to the database; without this each would still take a connection
 * from the pool, begin and commit an empty transaction, and give the connection back.
 */
final class LazyConnections implements BeanPostProcessor {

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		return bean instanceof DataSource dataSource && !(bean instanceof LazyConnectionDataSourceProxy)
				? new ClosingProxy(dataSource) : bean;
	}

	/** Closes the pool it wraps with the context, as the pool itself would have been. */
	static final class ClosingProxy extends LazyConnectionDataSourceProxy implements AutoCloseable {

		ClosingProxy(DataSource target) {
			super(target);
		}

		@Override
		public void close() throws Exception {
			if (getTargetDataSource() instanceof AutoCloseable pool) {
				pool.close();
			}
		}
	}
}
