"""Walking a how-to, stage three of the check: a `steps.Document`'s method and a page logged in to the app in;
a `report.results.MethodResult` out, each step with its status and findings. `product` is the one module that
knows the product's screens; `screen_names` reads what the screen shows, `detour` finds steps left out, `checks`
judges places and prompts."""

from .walk import walk_method

__all__ = ["walk_method"]
