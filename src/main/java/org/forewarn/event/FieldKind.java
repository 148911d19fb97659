package org.forewarn.event;

/** Kinds of event data fields the parser checks. */
enum FieldKind {
	TEXT, NUMBER, BOOLEAN, TIME, OBJECT
}
