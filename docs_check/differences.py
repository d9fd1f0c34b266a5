"""What still differs between each of our figures and the product's own, seen side by side.

Keyed by the product's figure in shared/reference-ui/. Written by a person comparing the two images after
`make docs`; the guide lists them. Greyed-out values and the outline's colour are the same everywhere and
said once in the guide, not here. Update an entry when the mock's look changes.
"""

DIFFERENCES: dict[str, tuple[str, ...]] = {
    "dashboardactiveproject.png": (
        "The header, side-bar and four cards sit where the product has them, within a few pixels.",
        'The user is Dana Avery with the initials "DA" in the avatar; the product shows Dawud Aliyu\'s photo.',
        "The cards reach about 14 px further right: the product's window shows a scrollbar there.",
        '"No data available yet" sits about 13 px higher in the top cards; the side-bar icons are thinner.',
    ),
    "dashboard-clickprojectsettings.png": (
        (
            "Same items in the same order; the product shows Project Settings highlighted in blue (the pointer "
            "is on it), ours stays dark with the outline drawn inside it."
        ),
        "The product's menu has a scrollbar beside the other projects; ours has none.",
    ),
    "channels-channelstab.png": (
        "The product's figure is 833 px tall (a smaller window); ours is 1016 px, with more empty page below.",
        (
            'The Name field reads "Botanalytics Chatbot"; the product\'s reads "Botanalytics Customer Bot", '
            "which does not match its own header."
        ),
        "The Danger Zone sentence is in the mock's own words.",
    ),
    "regen-clickintchannel.png": (
        "The outline is around the row's button (icon, name, caret); the product frames the whole Rasa row.",
        "The Rasa icon is a filled purple badge; the product's is a purple outline.",
        "833 px tall in the product, 1016 px in ours.",
    ),
    "regen-intclickregen.png": (
        "Copy and Regenerate sit at the right end of the key field, as in the product.",
        "The grey message box is one line in the mock's own words; the product's wraps onto two lines.",
        "Verify's check mark is thin and on white; the product's is bold on a grey part of the button.",
        'The "Danger Zone" heading is larger than the product\'s.',
    ),
    "regen-intconfirm.png": (
        (
            "The product's page is scrolled (the tabs at the top) in an 833 px window; ours is not, at 1016 px, "
            "so the question sits about 80 px lower."
        ),
        (
            "Cancel and Regenerate are centred under the question; the product's pair sits about 150 px to the "
            "right of it."
        ),
        ("Ours is dimmed to the bottom; the product's figure has an undimmed strip at the bottom, a capture artefact."),
    ),
    "regen-intview.png": (
        "Ours outlines the key field; the product's figure has no annotation.",
        "Otherwise as for regen-intclickregen.png.",
    ),
    "project-clicklogo.png": (
        "The frame around the logo matches the product's; the page is the same as in dashboardactiveproject.png.",
    ),
    "project-viewtile.png": (
        (
            "Whole page, as the product's: 1425 px tall against 1378 px, because ours keeps about 60 px of page "
            "under the last tile; the tiles themselves line up within 3 px."
        ),
        (
            "The Chatbot tile shows four channel icons and the Support Bot tile two (Rasa, Microsoft Bot "
            "Framework); the product's figure shows two and one."
        ),
        (
            "The orange, yellow and green ribbons are darker, and the yellow one has dark text, so that the "
            "names keep a 4.5:1 contrast; the product's text is white."
        ),
        "Our outline is 3 px outside the tile; the product's box is about 15 px outside it, with an arrow.",
        "The channel icons are smaller and lighter grey.",
    ),
    "project-clickellipsis.png": (
        "The outline frames the ⋮ as the product's does; the rest is as for project-viewtile.png.",
    ),
    "project-clicksettings.png": (
        "The menu opens in the same place, with the same two items; its items are a little taller.",
        (
            "The Chatbot tile's icons are in connection order (Universal, Bixby, Alexa, Rasa); the product's "
            "figure has Bixby, Alexa, Universal, Rasa."
        ),
    ),
}
