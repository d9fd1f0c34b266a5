// The only script on the site: open the confirmation dialog and copy a key.
// Menus use the HTML popover attribute and need none.
"use strict";

document.addEventListener("click", (event) => {
  const opener = event.target.closest("[data-dialog]");
  if (opener) {
    document.getElementById(opener.dataset.dialog).showModal();
    return;
  }
  const copier = event.target.closest("[data-copy]");
  if (copier) {
    const value = document.getElementById(copier.dataset.copy).value;
    const status = document.getElementById(copier.dataset.status);
    navigator.clipboard.writeText(value).then(
      () => { status.textContent = "API key copied to the clipboard."; },
      () => { status.textContent = "Could not copy; select the key and copy it by hand."; },
    );
  }
});
