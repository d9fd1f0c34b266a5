"""The documentation check: the how-to's steps as data, walked through the page objects, with figures and a report."""
