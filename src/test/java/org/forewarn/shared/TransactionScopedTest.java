package org.forewarn.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Values of a transaction on a real transaction manager: made on first use, told of the commit in order, or gone. */
class TransactionScopedTest {

	private final DataSourceTransactionManager manager = new DataSourceTransactionManager(
			new DriverManagerDataSource("jdbc:h2:mem:transaction-scoped;DB_CLOSE_DELAY=-1"));
	private final TransactionTemplate transaction = new TransactionTemplate(manager);
	private final List<String> told = new ArrayList<>();
	private final TransactionScoped<List<String>> written = TransactionScoped.writtenBeforeCommit(ArrayList::new,
			rows -> told.add("written " + rows));
	private final TransactionScoped<List<String>> applied = TransactionScoped.appliedAfterCommit(ArrayList::new,
			rows -> told.add("applied " + rows));

	@Test
	void valuesAreToldOfTheCommitInTheOrderTheyWereMadeThenGone() {
		transaction.executeWithoutResult(status -> {
			applied.current().add("a");
			written.current().add("w");
			applied.current().add("b");
			assertThat(applied.existing()).containsExactly("a", "b");
			told.add("committing");
		});

		assertThat(told).containsExactly("committing", "written [w]", "applied [a, b]");
		assertThat(written.existing()).isNull();
		assertThat(applied.existing()).isNull();
	}

	@Test
	void aRolledBackTransactionTellsNothingAndItsValuesAreGone() {
		assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
			written.current().add("w");
			applied.current().add("a");
			throw new IllegalStateException("fails");
		})).hasMessage("fails");

		assertThat(told).isEmpty();
		transaction.executeWithoutResult(status -> assertThat(applied.existing()).isNull());
	}

	@Test
	void outsideATransactionThereIsNoValue() {
		assertThat(applied.current()).isNull();
		assertThat(applied.existing()).isNull();
	}

	@Test
	void aTransactionOfItsOwnHasItsOwnValuesAndLeavesTheOuterOnes() {
		TransactionTemplate own = new TransactionTemplate(manager);
		own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

		transaction.executeWithoutResult(status -> {
			applied.current().add("outer");
			own.executeWithoutResult(inner -> {
				assertThat(applied.existing()).isNull();
				applied.current().add("inner");
			});
			assertThat(applied.existing()).containsExactly("outer");
			applied.current().add("outer again");
		});

		assertThat(told).containsExactly("applied [inner]", "applied [outer, outer again]");
	}

	@Test
	void aValueMadeWhileAnotherIsWrittenIsWrittenToo() {
		TransactionScoped<List<String>> late = TransactionScoped.writtenBeforeCommit(ArrayList::new,
				rows -> told.add("late " + rows));
		TransactionScoped<List<String>> first = TransactionScoped.writtenBeforeCommit(ArrayList::new,
				rows -> late.current().add("made while writing " + rows));

		transaction.executeWithoutResult(status -> first.current().add("f"));

		assertThat(told).containsExactly("late [made while writing [f]]");
	}
}
