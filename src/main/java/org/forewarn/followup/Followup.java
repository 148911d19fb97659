package org.forewarn.followup;

import java.util.List;

import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.StatusChange;

/** A follow-up task as support leads see it: the record, its title and text, and its history. */
record Followup(Outreach task, String title, String text, List<StatusChange> history) {
}
