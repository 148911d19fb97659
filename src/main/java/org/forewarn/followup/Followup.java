package org.forewarn.followup;

import java.util.List;

import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.StatusChange;

/**
 * A follow-up task as support leads see it: the record (with its {@code dueAt}), its title and text, its history,
 * who claimed it ({@code assignee}, null while unclaimed) and whether it is {@code escalated}: open, unclaimed and
 * past its due time.
 */
record Followup(Outreach task, String title, String text, List<StatusChange> history, String assignee,
		boolean escalated) {
}
