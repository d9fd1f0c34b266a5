"""The channel types Botanalytics knows, keyed by the id its SDKs put in a key's `channel` claim."""
from typing import NamedTuple


class ChannelType(NamedTuple):
    label: str
    integration: bool


CHANNEL_TYPES: dict[str, ChannelType] = {
    "rasa": ChannelType("Rasa", integration=True),
    "microsoft-bot-framework": ChannelType("Microsoft Bot Framework", integration=True),
    "facebook-messenger": ChannelType("Facebook Messenger", integration=False),
    "amazon-alexa": ChannelType("Amazon Alexa", integration=False),
    "universal": ChannelType("Universal", integration=False),
}
