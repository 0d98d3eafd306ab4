"""Text normalisation so Arabic and Persian readers find what they type.

The same word reaches the index and the search box in different spellings: Arabic and
Persian forms of yeh and kaf (ي/ی, ك/ک), alef with or without hamza, optional vowel marks
and tatweel, the zero-width non-joiner in Persian compounds (می‌شود/میشود), and Persian
or Arabic-Indic digits. Both sides are folded to one form before they meet.
"""

import re

FOLD = str.maketrans(
    {
        "\u064a": "\u06cc",  # Arabic yeh -> Persian yeh
        "\u0649": "\u06cc",  # alef maksura -> Persian yeh
        "\u0643": "\u06a9",  # Arabic kaf -> Persian keheh
        "\u0623": "\u0627",  # alef with hamza above
        "\u0625": "\u0627",  # alef with hamza below
        "\u0622": "\u0627",  # alef with madda
        "\u0671": "\u0627",  # alef wasla
        "\u0629": "\u0647",  # teh marbuta -> heh
        "\u06c0": "\u0647",  # heh with yeh above (Persian ezafe)
        "\u200c": None,  # zero-width non-joiner
        "\u200d": None,  # zero-width joiner
        "\u0640": None,  # tatweel
        **{chr(code): None for code in range(0x064B, 0x0653)},  # harakat
        "\u0670": None,  # superscript alef
        **{chr(0x0660 + n): str(n) for n in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + n): str(n) for n in range(10)},  # Persian digits
    }
)

ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")


def fold(text):
    """The searchable form of a text (lower case, letter variants folded)."""
    return text.translate(FOLD).lower()


def has_arabic_script(text):
    return bool(ARABIC_SCRIPT.search(text))


def fold_with_positions(text):
    """(folded text, positions): positions[i] is the index in `text` of folded char i."""
    lowered = text.lower()
    if len(lowered) == len(text) and lowered.translate(FOLD) == lowered:
        # Nothing to fold but case, char for char (most Latin-script text): positions are
        # the identity, found without a Python loop over every character.
        return lowered, range(len(text))
    folded, positions = [], []
    for index, char in enumerate(text):
        for folded_char in char.translate(FOLD).lower():
            folded.append(folded_char)
            positions.append(index)
    return "".join(folded), positions
