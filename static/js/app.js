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
