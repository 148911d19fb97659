package org.forewarn.console;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.forewarn.customer.Customer;
import org.forewarn.customer.CustomerState;
import org.forewarn.customer.CustomerStateStore;
import org.springframework.stereotype.Component;

/** The customers on a page, with their contact details, loaded once per customer, for the roles that see them. */
@Component
class Contacts {

	/** What the console shows of a customer next to their records; empty for roles without contact data. */
	record Contact(String name, String email, String phone, boolean emailConsent, boolean smsConsent,
			String problem) {

		static final Contact HIDDEN = new Contact(null, null, null, false, false, null);
	}

	private final CustomerStateStore states;

	Contacts(CustomerStateStore states) {
		this.states = states;
	}

	Map<String, Contact> of(Collection<String> customerIds, Viewer me) {
		Map<String, Contact> contacts = new LinkedHashMap<>();
		for (String id : customerIds) {
			contacts.computeIfAbsent(id, c -> me.seesContact() ? load(c) : Contact.HIDDEN);
		}
		return contacts;
	}

	private Contact load(String customerId) {
		try {
			Customer c = states.load(customerId).customer();
			return new Contact(c.getName(), c.getEmail(), c.getPhone(), c.isEmailConsent(), c.isSmsConsent(), null);
		}
		catch (CustomerStateStore.UnreadableStateException e) {
			return new Contact(null, null, null, false, false, e.getMessage());
		}
	}

	/** Empty when no state is stored for the customer: none of their events arrived, or they were erased. */
	Optional<CustomerState> state(String customerId) {
		return states.stored(customerId);
	}
}
