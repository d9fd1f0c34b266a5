"""Who the browser suite logs in as and which project and channel it works on.

The defaults are the mock's demo data; against another deployment, set the environment variables to
its test accounts and names. PROJECT must be the demo account's active project (Method 1 starts there).
"""

import os
from typing import NamedTuple

from mock_app.seed import DEMO_ACCOUNT, OTHER_ACCOUNT


class Account(NamedTuple):
    email: str
    password: str


DEMO = Account(
    os.environ.get("E2E_DEMO_EMAIL", DEMO_ACCOUNT.email),
    os.environ.get("E2E_DEMO_PASSWORD", DEMO_ACCOUNT.password),
)
OTHER = Account(
    os.environ.get("E2E_OTHER_EMAIL", OTHER_ACCOUNT.email),
    os.environ.get("E2E_OTHER_PASSWORD", OTHER_ACCOUNT.password),
)
PROJECT = os.environ.get("E2E_PROJECT", DEMO_ACCOUNT.active_project)
CHANNEL = os.environ.get("E2E_CHANNEL", "Rasa")  # an Integration channel of PROJECT
OTHER_PROJECT = os.environ.get("E2E_SECOND_PROJECT", DEMO_ACCOUNT.projects[-1].name)  # another of DEMO's projects
FOREIGN_PROJECT = os.environ.get("E2E_FOREIGN_PROJECT", OTHER_ACCOUNT.active_project)  # OTHER's active project
