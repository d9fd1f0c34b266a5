"""The dark header of every logged-in page: logo, Project and Channel blocks, and My Profile."""

import re

from playwright.sync_api import Locator, Page

from . import labels


def _block(page: Page, label: str) -> Locator:
    """A header block: a button named by its small grey label and the value under it."""
    return page.get_by_role("button", name=re.compile(rf"^{re.escape(label)} "))


class Header:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.logo = page.get_by_role("link", name=labels.LOGO, exact=True)
        self.project_button = _block(page, labels.PROJECT)
        self.project_menu = page.get_by_role("menu", name=re.compile(rf"^{labels.PROJECT} "))
        self.project_settings = self.project_menu.get_by_role("menuitem", name=labels.PROJECT_SETTINGS)
        self.switch_projects = self.project_menu.get_by_role("menuitem", name=labels.SWITCH_PROJECTS)
        self.create_project = self.project_menu.get_by_role("menuitem", name=labels.CREATE_PROJECT)
        self.channel_button = _block(page, labels.CHANNEL)
        self.channel_menu = page.get_by_role("menu", name=re.compile(rf"^{labels.CHANNEL} "))
        self.profile_button = _block(page, labels.MY_PROFILE)
        self.profile_menu = page.get_by_role("menu", name=re.compile(rf"^{labels.MY_PROFILE} "))
        self.log_out_item = self.profile_menu.get_by_role("menuitem", name=labels.LOG_OUT)
        # A hidden input has no role or label; the token is what the server checks, not what a person sees.
        self.form_token = page.locator("input[name=csrf_token]").first

    def project_named(self, project: str) -> Locator:
        """The Project block, only while it names `project` as the active one."""
        return self.page.get_by_role("button", name=f"{labels.PROJECT} {project}", exact=True)

    def other_project(self, project: str) -> Locator:
        return self.project_menu.get_by_role("menuitem", name=project, exact=True)

    def channel_item(self, channel: str) -> Locator:
        return self.channel_menu.get_by_role("menuitem", name=channel, exact=True)

    def open_project_menu(self, project: str) -> None:
        self.project_named(project).click()

    def switch_to(self, current: str, project: str) -> None:
        """Make `project` the active one through the menu's list of the other projects."""
        self.open_project_menu(current)
        self.other_project(project).click()

    def show_channel(self, channel: str) -> None:
        self.channel_button.click()
        self.channel_item(channel).click()

    def log_out(self) -> None:
        self.profile_button.click()
        self.log_out_item.click()
