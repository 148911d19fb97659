package org.forewarn.console;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.forewarn.customer.CustomerState;
import org.forewarn.customer.CustomerStateStore;
import org.forewarn.customer.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One customer: contact and consent per channel, open orders with their deadlines, the timeline, and for every
 * outreach why it exists: the rule, the rule set version, and the trigger and facts it matched.
 */
@Controller
class CustomerPage {

	private final Contacts contacts;
	private final CustomerTimeline timelines;

	CustomerPage(Contacts contacts, CustomerTimeline timelines) {
		this.contacts = contacts;
		this.timelines = timelines;
	}

	/**
	 * The search box ({@code id}, as typed) and the console's links ({@code exact}, the id as held): goes to the
	 * customer's page, or is it for an id that a path cannot carry (a slash, a backslash, a semicolon, a percent sign,
	 * a dot segment: the server refuses such a path).
	 */
	@GetMapping("/customers")
	String find(@RequestParam(required = false) String id, @RequestParam(required = false) String exact,
			Model model) {
		String customer = exact != null && !exact.isEmpty() ? exact : Params.text(id);
		if (customer == null) {
			return "redirect:/outreach";
		}
		if (!fitsAPath(customer)) {
			return customer(customer, model);
		}
		return "redirect:" + UriComponentsBuilder.fromPath("/customers/{id}").buildAndExpand(customer).encode()
			.toUriString();
	}

	private static boolean fitsAPath(String id) {
		return !id.equals(".") && !id.equals("..") && id.chars().noneMatch(c -> c == '/' || c == '\\' || c == ';'
				|| c == '%');
	}

	@GetMapping("/customers/{id}")
	String customer(@PathVariable String id, Model model) {
		model.addAttribute("customerId", id);
		CustomerTimeline.Timeline timeline = timelines.of(id);
		model.addAttribute("timeline", timeline);
		try {
			Optional<CustomerState> stored = contacts.state(id);
			if (stored.isEmpty()) {
				// an empty profile would read as a customer who refused consent
				model.addAttribute("unknown", timeline.entries().isEmpty() && timeline.outreach().isEmpty());
				return "console/customer";
			}
			CustomerState state = stored.get();
			model.addAttribute("customer", state.customer());
			List<Order> open = state.orders().values().stream().filter(Order::isOpen)
				.sorted(Comparator.comparing(Order::getPlacedAt, Comparator.nullsLast(Comparator.naturalOrder())))
				.toList();
			model.addAttribute("openOrders", open);
		}
		catch (CustomerStateStore.UnreadableStateException e) {
			model.addAttribute("error", e.getMessage());
		}
		return "console/customer";
	}
}
