"""Guards against abuse: what keeps the dashboard and its API safe and answering under floods and hostile input.

One guard a module; `create_app` installs those with an `init_app`, `make serve` the front end:
- sessions.py: server-side sessions, ended at logout, at a password change, or when idle or old;
- throttle.py: login attempts per address and per (account, address), API calls and KiB per channel;
- state_db.py: the second SQLite file that stores the sessions and the throttle counters;
- body_limit.py: a chunked body over `MAX_CONTENT_LENGTH` is a 413, like one that states its length;
- json_body.py: API bodies as strict JSON, nested at most `JSON_MAX_DEPTH` deep;
- form_limits.py: every form held to `FORM_MAX_BYTES` and `FORM_MAX_FIELDS` before it is parsed;
- front_end.py: waitress's front end: connections per address capped, big forms refused unread;
- private_files.py: what the app keeps on disk made once, with modes 0600 (files) and 0700 (folders);
- headers.py: security headers on every answer (content policy, framing, caching, HSTS);
- trusted_hosts.py: a request for a host the app does not answer to gets a plain 400;
- trusted_proxies.py: forwarded addresses and schemes believed only from configured proxies.
"""
