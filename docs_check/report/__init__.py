"""Reporting, the last stage of the check: the walks' `MethodResult`s (`results`) in; out, one `Summary` built
once (`summary`), JSON and JUnit files (`files`), an HTML page per document (`html`), and the results as plain
data to cross from an xdist worker (`wire`). No browser."""
