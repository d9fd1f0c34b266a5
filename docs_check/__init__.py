"""The documentation check: reads a how-to and walks what its text says in the browser, reporting line by line
where the document and the app differ. Its stages, each a package that takes what the one before gives:

- `reading`: a file in any of four forms into blocks with their lines (no browser);
- `steps`: blocks into methods and steps, each sentence's instruction understood (no browser);
- `walking`: a method's steps walked on a logged-in page, into results; `walking.product` knows the product;
- `figures`: a step's screenshots, their drift from the committed ones, the document's own figures judged;
- `report`: the results summarised once, written as JSON, JUnit and an HTML page per document.

`plugin` puts them in pytest, `test_how_tos` is the one test, and `python -m docs_check` is the command.
"""
