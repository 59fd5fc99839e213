"""Name folding, tokenising and the word lists shared by the gazetteer and place extraction.

Gazetteer names and article text are compared as *keys*: the name is accent-folded,
lower-cased and cut into word tokens (``[^\\W_]+``), which are joined by single spaces.
``"Al-Asad Air Base"``, ``"al Asad air-base"`` and ``"AL ASAD AIR BASE"`` all give the
key ``"al asad air base"``; ``"U.S."`` gives ``"u s"`` and ``"Kirkuk's"`` gives
``"kirkuk s"`` (whose first token is ``"kirkuk"``). Because text and names are cut the
same way, a toponym is a run of consecutive text tokens whose joined key is in the
gazetteer's name table.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "DIRECTION_WORDS",
    "PARTICLES",
    "STOP_NAMES",
    "TOKEN_RE",
    "fold",
    "name_key",
    "spelling_variants",
    "tokens",
    "word_set",
]

TOKEN_RE = re.compile(r"[^\W_]+")

_SPECIAL = str.maketrans(
    {
        "ı": "i",
        "ø": "o",
        "Ø": "O",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "đ": "d",
        "Đ": "D",
        "ł": "l",
        "Ł": "L",
        "ð": "d",
        "þ": "th",
        "ʼ": "'",
        "ʻ": "'",
        "ə": "e",
        "Ə": "E",
        "ħ": "h",
        "Ħ": "H",
        "ŋ": "n",
        "ɛ": "e",
        "ɔ": "o",
    }
)


def word_set(words: str) -> frozenset[str]:
    """The set of whitespace-separated words in ``words``."""
    return frozenset(words.split())


def fold(text: str) -> str:
    """Lower-case ``text`` and strip accents (``"Kərkük"`` → ``"kerkuk"``)."""
    if text.isascii():  # nothing to translate or decompose: the common case, much faster
        return text.lower()
    text = text.translate(_SPECIAL)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def tokens(text: str) -> list[str]:
    """The folded word tokens of ``text``."""
    return TOKEN_RE.findall(fold(text))


def name_key(name: str) -> str:
    """The lookup key of a place name: its folded tokens joined by spaces."""
    return " ".join(tokens(name))


# First words that keep their own word in a place name ("New Haven" is never written "Newhaven"
# for the town in Connecticut, "Al Ain" never "Alain", a given name)
_KEEP_APART = word_set(
    """new old north south east west upper lower great little big grand mount mt fort port lake saint
    st san santa sao al el ad an ar as ash at az la le les los las de del da di do du der den van von"""
)


# Countries whose place names are English words: "Green Haven" and "Greenhaven" (a Sacramento
# neighbourhood) are different places there, not two spellings of one transliterated name
_ENGLISH_NAMED = frozenset({"US", "GB", "CA", "AU", "NZ", "IE"})


def spelling_variants(name: str, country: str = "") -> list[str]:
    """Other keys the same town's name is written as in news from where it lies.

    Transliterated names are written with or without an apostrophe and a space:
    "N'Guigmi" / "Nguigmi", "Murang'a" / "Muranga", "Bani Bangou" / "Banibangou" (not for
    towns of ``country`` codes in :data:`_ENGLISH_NAMED`). Each variant is a key (see
    :func:`name_key`) other than the name's own.
    """
    if country in _ENGLISH_NAMED:
        return []
    key = name_key(name)
    parts = key.split(" ")
    out: set[str] = set()
    if len(parts) > 1 and any(ch in name for ch in "'’"):
        out.add(" ".join(tokens(name.replace("'", "").replace("’", ""))))  # Murang'a -> muranga
    if len(parts) == 1 and len(key) >= 5 and key[0] == "n" and key[1] in "bdgjkz":
        out.add("n " + key[1:])  # Nguigmi -> N'Guigmi
    if (
        len(parts) == 2
        and parts[0] not in _KEEP_APART
        and min(len(p) for p in parts) >= 3
        and key.replace(" ", "").isalpha()
    ):
        out.add(key.replace(" ", ""))  # Bani Bangou -> Banibangou
    out.discard(key)
    return sorted(out)


# Lower-case connecting words allowed inside a proper place name ("Rio de Janeiro",
# "Bab al-Hawa", "Stratford upon Avon"). Other lower-case tokens end a name.
PARTICLES = word_set(
    """al el ad an ar as ash at az ath adh bin ibn bani beni abu umm um de del della dei des di da do
    dos das du la le les lo los las of the and on upon en y e sur sous am im an der den van von
    bei zu op ter aan"""
)

# Direction adjectives and their normalised direction ("south-eastern" → "southeast").
DIRECTION_WORDS: dict[str, str] = {
    "north": "north",
    "northern": "north",
    "south": "south",
    "southern": "south",
    "east": "east",
    "eastern": "east",
    "west": "west",
    "western": "west",
    "central": "central",
    "centre": "central",
    "center": "central",
    "northeast": "northeast",
    "northeastern": "northeast",
    "northwest": "northwest",
    "northwestern": "northwest",
    "southeast": "southeast",
    "southeastern": "southeast",
    "southwest": "southwest",
    "southwestern": "southwest",
}

# Capitalised words that are also names of some populated place (or alternate names of
# one) but in news text almost never denote a place: weekdays, months, titles, news and
# institution words, sentence starters, common first names and virtue words. Keys are
# folded. Real cities that are also English words but usually mean the city in news
# (Reading, Nice, Mobile, Bath, Aden, Split...) are deliberately NOT listed.
STOP_NAMES = word_set(
    """
    monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    president minister prime general colonel major captain sergeant lieutenant commander admiral
    mayor governor king queen prince princess sheikh imam pope bishop emir sultan senator
    secretary chairman chief director spokesman spokeswoman spokesperson officer official
    officials police army navy marine marines military ministry council party forces force
    government court university college school hospital church mosque temple bank company
    news times post press herald tribune journal daily weekly radio television agency reuters
    associated union federation league alliance coalition front movement brigade brigades
    battalion division regiment corps guard guards command office department bureau service
    services committee commission congress parliament senate assembly house state states city
    county district province region street road avenue square bridge park station port airport
    base camp village town center centre hotel market tower palace hall house club centre
    the a an it its but and or nor however after before when while during according
    many some most several both each other another this that these those they he she we you
    his her their our my your if as at in on for with from by since until although though
    meanwhile also earlier later last next first second third fourth fifth one two three four
    five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand
    here there now then today yesterday tomorrow tonight no yes not all any such only even
    still just what who why how where which whose because despite without within between
    among against under over above below into onto upon off out up down again once never
    always often sometimes soon about around across along amid near outside inside beyond
    hope liberty independence unity victory freedom progress union enterprise commerce
    industry justice harmony paradise friendship concord peace faith charity grace mercy
    patience prosperity plenty fortune welcome success triumph glory honor honour truth
    man woman men women boy girl child children people family friend friends member members
    bar sale street of police mobile sun moon star stars sky rain snow fire water stone rock
    security attack attacks bomb strike strikes war battle fight killed dead death
    american americans british european african asian arab arabs western eastern northern
    southern central north south east west national international global world
    john james david michael robert william richard joseph thomas charles daniel matthew
    mark paul george kevin jason brian steven edward donald ronald anthony kenneth
    mary maria sarah linda barbara susan jessica karen nancy lisa betty helen sandra
    ali ahmed ahmad mohammed muhammad mohamed hassan hussein omar abdul abdullah khalid
    ibrahim mustafa yusuf youssef ismail salman faisal hamid karim rashid
    christmas easter ramadan eid
    breaking update updated read more share email print comments photo video image
    mr mrs ms dr gen col lt sgt capt st mt
    federal capital autonomous special metropolitan coast island islands municipal provincial
    federal district capital district
    islamic islam muslim christian jewish sunni shia shiite kurdish
    hamas hezbollah hizbollah taliban isis isil daesh qaeda god lord metro area grand olympic much
    wal mart honda toyota marshal dick northeast northwest southeast southwest midwest
    grad katyusha far midtown downtown uptown google facebook twitter

    """
)
