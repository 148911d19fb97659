package org.forewarn.replay;

/** Escaping for text placed into the report's HTML and SVG. */
final class HtmlText {

	private HtmlText() {
	}

	static String escape(Object value) {
		String text = String.valueOf(value);
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}
}
