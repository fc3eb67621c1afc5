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

// --- Unsaved forms: leaving a page with typed, unsent text asks first. -------------------
// A form marked data-warn-unsaved becomes dirty on input and clean when it is sent; a
// form htmx swaps in is a new element, so a saved draft starts clean again.
const dirtyForms = new WeakSet();
document.addEventListener("input", (event) => {
  const form = event.target.closest && event.target.closest("form[data-warn-unsaved]");
  if (form) {
    dirtyForms.add(form);
  }
});
document.addEventListener("submit", (event) => dirtyForms.delete(event.target), true);
window.addEventListener("beforeunload", (event) => {
  const forms = document.querySelectorAll("form[data-warn-unsaved]");
  if ([...forms].some((form) => dirtyForms.has(form))) {
    event.preventDefault();
    event.returnValue = "";  // older browsers show their prompt only with a value
  }
});

// --- Keyboard shortcuts (listed in the #shortcuts-help dialog). ---------------------------
// j / k move through the queue's rows (or a claim page's sections), Enter opens the row,
// t takes (the take button of the page), Ctrl+Enter submits and takes next, ? shows help.
function typingInField(event) {
  const el = event.target;
  return el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName);
}

function moveSelection(step) {
  const rows = [...document.querySelectorAll("[data-queue-row]")];
  const items = rows.length ? rows : [...document.querySelectorAll("main section.card")];
  if (!items.length) {
    return;
  }
  const current = items.findIndex((el) => el.classList.contains("kbd-current"));
  const next = Math.min(Math.max(current + step, 0), items.length - 1);
  items.forEach((el) => el.classList.remove("kbd-current"));
  const target = items[next];
  target.classList.add("kbd-current");
  if (!target.hasAttribute("href") && !target.hasAttribute("tabindex")) {
    target.setAttribute("tabindex", "-1");
  }
  target.focus();
  target.scrollIntoView({ block: "nearest" });
}

function clickFirst(selector) {
  const el = document.querySelector(selector);
  if (el) {
    el.click();
    return true;
  }
  return false;
}

document.addEventListener("keydown", (event) => {
  const help = document.getElementById("shortcuts-help");
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    // Works inside the explanation field too: that is where the reviewer types last.
    if (clickFirst("[data-shortcut-submit]")) {
      event.preventDefault();
    }
    return;
  }
  if (typingInField(event) || event.altKey || event.ctrlKey || event.metaKey) {
    return;
  }
  if (help && help.open) {
    return;  // the dialog handles Escape itself
  }
  if (event.key === "j" || event.key === "k") {
    event.preventDefault();
    moveSelection(event.key === "j" ? 1 : -1);
  } else if (event.key === "t") {
    if (clickFirst("[data-shortcut-take]")) {
      event.preventDefault();
    }
  } else if (event.key === "?" && help) {
    event.preventDefault();
    help.showModal();
  }
});

document.addEventListener("click", (event) => {
  if (event.target.closest("[data-shortcuts-open]")) {
    const help = document.getElementById("shortcuts-help");
    if (help) {
      help.showModal();
    }
  }
});
