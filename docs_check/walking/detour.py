"""A step the document leaves out: one or two clicks on what is on screen that lead to what it names next.

Only controls that open something or go somewhere are tried: a menu button (`aria-haspopup`), a closed
disclosure (`aria-expanded="false"`), a tab not selected, a menu item or a link; a menu button's items
are the second clicks. Nothing that submits a form or sits in a prompt is ever clicked, so the search
cannot change the data. After a try that leads nowhere the page is opened again as it was. Controls
inside the part of the screen the document last spoke of (the tile it had the reader locate) go first.
"""

from collections.abc import Callable

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, Page

# ARIA states and roles, not looks, say which controls only open something or lead somewhere.
OPENERS = "[aria-haspopup], [aria-expanded='false']"
LEADS = "[role='tab'][aria-selected='false'], [role='menuitem'], a[href]:not([role]):not([target])"
NEVER = "dialog *, [type='submit'], form button:not([type='button']), [aria-disabled='true'], [disabled]"
SAFE = f"{OPENERS}, {LEADS}"
MOST_FIRST_CLICKS = 12  # the controls nearest what the text last spoke of come first

# Indexes into document.querySelectorAll(SAFE) of the controls to try, in the order to try them.
ORDER = """([safe, openers, never, near]) => {
  const all = [...document.querySelectorAll(safe)];
  const tried = all.map((element, index) => ({ element, index }))
    .filter(({ element }) => element.checkVisibility() && !element.matches(never));
  const rank = ({ element }) => (near && near.contains(element) ? 0 : 2) + (element.matches(openers) ? 0 : 1);
  return tried.sort((a, b) => rank(a) - rank(b) || a.index - b.index).map(({ index }) => index);
}"""
# The items of the menus open now, as indexes into document.querySelectorAll(SAFE).
MENU_ITEMS = """([safe, never]) => [...document.querySelectorAll(safe)]
  .map((element, index) => ({ element, index }))
  .filter(({ element }) => element.matches("[role='menu'] *") && element.checkVisibility() && !element.matches(never))
  .map(({ index }) => index)"""

Found = Callable[[], bool]
Describe = Callable[[Locator], str]


def find_detour(page: Page, found: Found, near: Locator | None, describe: Describe) -> list[str] | None:
    """The clicks, named by `describe`, after which `found()` holds; the page is left there. None if no path."""
    start = page.url
    controls = page.locator(SAFE)
    for position in range(min(len(_order(page, near)), MOST_FIRST_CLICKS)):
        order = _order(page, near)  # the page was opened again: the same controls, found afresh
        if position >= len(order):
            break
        first = controls.nth(order[position])
        name, opens_menu = describe(first), first.get_attribute("aria-haspopup") is not None
        if _click(first) and found():
            return [name]
        items = _menu_items(page) if opens_menu else []
        for number, index in enumerate(items):
            if number:  # the previous item led elsewhere: open the menu again
                _restore(page, start)
                _click(controls.nth(_order(page, near)[position]))
            item = controls.nth(index)
            item_name = describe(item)
            if _click(item) and found():
                return [name, item_name]
        _restore(page, start)
    return None


def _order(page: Page, near: Locator | None) -> list[int]:
    handle = near.element_handle() if near is not None and near.count() else None
    return list(page.evaluate(ORDER, [SAFE, OPENERS, NEVER, handle]))


def _menu_items(page: Page) -> list[int]:
    return list(page.evaluate(MENU_ITEMS, [SAFE, NEVER]))


def _click(control: Locator) -> bool:
    try:
        control.click()
        control.page.wait_for_load_state()
    except PlaywrightError:
        return False
    return True


def _restore(page: Page, url: str) -> None:
    page.goto(url)
