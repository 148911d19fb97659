// Kept out of the pages themselves: the console's Content-Security-Policy runs no inline script.

// A checkbox with data-ticks="<field>" ticks or clears every checkbox of that field.
document.querySelectorAll('input[data-ticks]').forEach(all => all.addEventListener('change', () =>
	document.querySelectorAll('input[type=checkbox][name="' + all.dataset.ticks + '"]')
		.forEach(box => box.checked = all.checked)));
