// Newsroom Factcheck: the little JavaScript the pages need. No inline scripts (CSP).

// The compact top-bar menu on a phone: the button folds and unfolds the links.
// Without JavaScript, static/css/nojs.css (in <noscript>) keeps the links shown.
document.addEventListener("click", (event) => {
  const toggle = event.target instanceof Element && event.target.closest(".menu-toggle");
  if (!toggle) {
    return;
  }
  const open = toggle.getAttribute("aria-expanded") !== "true";
  toggle.setAttribute("aria-expanded", String(open));
  toggle.closest(".topbar").classList.toggle("menu-open", open);
});

// Move focus to the content that htmx just swapped in, so keyboard and
// screen-reader users land where the change happened. A history restore (Back)
// swaps without a target element: nothing to focus then.
document.addEventListener("htmx:afterSwap", (event) => {
  const target = event.detail && event.detail.target;
  if (!(target instanceof Element)) {
    return;
  }
  const focusable = target.querySelector("[autofocus], [data-focus-after-swap]");
  if (focusable) {
    focusable.focus();
  }
});

// The claim page's verdict hint: as the reviewer types what the record says, compare it
// with the article's value (same field names after the "value-" / "verified-" prefixes)
// and show which end of the scale would fit. A hint only: the verdict is never chosen.
function fieldsOf(form, prefix) {
  return [...form.elements]
    .filter((el) => el.name && el.name.startsWith(`${prefix}-`))
    .map((el) => [el.name.slice(prefix.length + 1), el.type === "checkbox" ? el.checked : el.value.trim()]);
}

document.addEventListener("input", (event) => {
  const form = event.target.form;
  const hint = form && form.querySelector("[data-verdict-hint]");
  if (!hint) {
    return;
  }
  const verified = fieldsOf(form, "verified");
  if (!verified.some(([, value]) => value !== "" && value !== false)) {
    hint.hidden = true;
    return;
  }
  const said = Object.fromEntries(fieldsOf(form, "value"));
  const same = verified.every(([name, value]) => String(said[name] ?? "") === String(value));
  hint.textContent = same ? hint.dataset.same : hint.dataset.differs;
  hint.hidden = false;
});
