"""How the dashboard writes times: relative ("Connected 4 months ago") and the charts' date ranges."""

from datetime import date, datetime, timezone


def time_ago(iso: str, now: datetime | None = None) -> str:
    """The product's relative wording (moment.js's thresholds) for a past ISO-8601 time."""
    then = datetime.fromisoformat(iso)
    seconds = max(0.0, ((now or datetime.now(timezone.utc)) - then).total_seconds())
    minutes, hours, days = seconds / 60, seconds / 3600, seconds / 86400
    if seconds < 45:
        return "a few seconds ago"
    if seconds < 90:
        return "a minute ago"
    if minutes < 45:
        return f"{round(minutes)} minutes ago"
    if minutes < 90:
        return "an hour ago"
    if hours < 22:
        return f"{round(hours)} hours ago"
    if hours < 36:
        return "a day ago"
    if days < 26:
        return f"{round(days)} days ago"
    if days < 45:
        return "a month ago"
    if days < 320:
        return f"{round(days / 30.4)} months ago"
    if days < 548:
        return "a year ago"
    return f"{round(days / 365)} years ago"


def long_date(day: date) -> str:
    """`2 January 2024`, as the Overview's cards write their range."""
    return f"{day.day} {day:%B %Y}"
