// The only script on the site: the prompts, Copy, the channel rows that open in place, and arrow
// keys in menus. Menus open and close through the HTML popover attribute and need none.
"use strict";

function toggleRow(button) {
  const opening = button.getAttribute("aria-expanded") !== "true";
  // One channel open at a time, as in the product.
  for (const other of document.querySelectorAll(".row-toggle[aria-expanded='true']")) {
    other.setAttribute("aria-expanded", "false");
    document.getElementById(other.getAttribute("aria-controls")).hidden = true;
  }
  button.setAttribute("aria-expanded", String(opening));
  document.getElementById(button.getAttribute("aria-controls")).hidden = !opening;
  // The address names the open channel, so a reload or a shared link opens it again.
  history.replaceState(null, "", opening ? button.dataset.openUrl : button.dataset.closedUrl);
}

function copyKey(button) {
  const value = document.getElementById(button.dataset.copy).value;
  const status = document.getElementById(button.dataset.status);
  navigator.clipboard.writeText(value).then(
    () => { status.textContent = "API key copied to the clipboard."; },
    () => { status.textContent = "Could not copy; select the key and copy it by hand."; },
  );
}

document.addEventListener("click", (event) => {
  const target = event.target.closest("[data-dialog], [data-copy], .row-toggle, [aria-disabled='true']");
  if (!target) return;
  if (target.getAttribute("aria-disabled") === "true") {
    event.preventDefault();
  } else if (target.dataset.dialog) {
    target.closest("[popover]")?.hidePopover();
    document.getElementById(target.dataset.dialog).showModal();
  } else if (target.dataset.copy) {
    copyKey(target);
  } else {
    toggleRow(target);
  }
});

document.addEventListener("keydown", (event) => {
  const menu = event.target.closest("[role='menu']");
  if (!menu || !["ArrowDown", "ArrowUp", "Home", "End"].includes(event.key)) return;
  const items = [...menu.querySelectorAll("[role='menuitem']")];
  const at = items.indexOf(event.target);
  const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[event.key];
  items[(next + items.length) % items.length].focus();
  event.preventDefault();
});
