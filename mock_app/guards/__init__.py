"""Guards against abuse: what keeps the dashboard and its API answering under floods and hostile input."""
