"""The channel types Botanalytics knows, keyed by the id its SDKs put in a key's `channel` claim."""

from typing import NamedTuple


class ChannelType(NamedTuple):
    label: str
    integration: bool  # Integration channels send through an SDK; the others through a platform's webhook
    docs_url: str  # the integration instructions the expanded channel links to


DOCS = "https://docs.botanalytics.co/docs/integration"
CHANNEL_TYPES: dict[str, ChannelType] = {
    "rasa": ChannelType("Rasa", True, f"{DOCS}/rasa"),
    "microsoft-bot-framework": ChannelType("Microsoft Bot Framework", True, f"{DOCS}/microsoft-bot-framework"),
    "facebook-messenger": ChannelType("Facebook Messenger", False, f"{DOCS}/facebook-messenger"),
    "amazon-alexa": ChannelType("Amazon Alexa", False, f"{DOCS}/amazon-alexa"),
    "samsung-bixby": ChannelType("Samsung Bixby", False, f"{DOCS}/samsung-bixby"),
    "universal": ChannelType("Universal", False, f"{DOCS}/universal"),
}
