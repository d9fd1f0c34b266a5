"""Who the browser suite logs in as and which project and channel it works on.

The app's own demo data (`mock_app.seed`), with each name overridable from the environment: against
another deployment, set the variables to its test accounts and names. PROJECT must be the demo
account's active project (Method 1 starts there) and CHANNEL an Integration channel of it.
OTHER_PROJECT is the one a test chooses when the choice is the point: neither the first nor the last of
DEMO's other projects (so that picking the first, the last or the active one instead is told apart), with
a channel of CHANNEL's name and type.
"""

import os
from dataclasses import replace

from mock_app.seed import DEMO_ACCOUNT, OTHER_ACCOUNT, DemoAccount

Account = DemoAccount

DEMO = replace(
    DEMO_ACCOUNT,
    email=os.environ.get("E2E_DEMO_EMAIL", DEMO_ACCOUNT.email),
    password=os.environ.get("E2E_DEMO_PASSWORD", DEMO_ACCOUNT.password),
)
OTHER = replace(
    OTHER_ACCOUNT,
    email=os.environ.get("E2E_OTHER_EMAIL", OTHER_ACCOUNT.email),
    password=os.environ.get("E2E_OTHER_PASSWORD", OTHER_ACCOUNT.password),
)
PROJECT = os.environ.get("E2E_PROJECT", DEMO_ACCOUNT.active_project)
CHANNEL = os.environ.get("E2E_CHANNEL", DEMO_ACCOUNT.integration_channel)
_OTHERS = [project.name for project in DEMO_ACCOUNT.projects if project.name != DEMO_ACCOUNT.active_project]
OTHER_PROJECT = os.environ.get("E2E_SECOND_PROJECT", _OTHERS[len(_OTHERS) // 2])  # another of DEMO's projects
FOREIGN_PROJECT = os.environ.get("E2E_FOREIGN_PROJECT", OTHER_ACCOUNT.active_project)  # OTHER's active project
