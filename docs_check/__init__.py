"""The documentation check: the how-to's routes from `pages.how_to`, annotated with its claims and figures,
walked in a browser and reported; `python -m docs_check.update` (`make docs`) retakes the figures."""
