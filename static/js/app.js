// Move focus to the content that htmx just swapped in, so keyboard and
// screen-reader users land where the change happened.
document.addEventListener("htmx:afterSwap", (event) => {
  const target = event.detail.target;
  const focusable = target.querySelector("[autofocus], [data-focus-after-swap]");
  if (focusable) {
    focusable.focus();
  }
});
