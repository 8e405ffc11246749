"""House-style profiles: conventions that are right only where a house writes so.

A profile is a set of rules (``Rule.profile``) that are off in a default run and on where the
config names the profile::

    [tool.mtcheck]
    profiles = ["de-typography"]

or ``mtcheck check --profile de-typography``. Selecting a rule by its code or name turns it on
too (``--select MT801``); ``ALL``, a code prefix or a category does not, so a default run stays as
quiet as it was. Why opt-in: on WMT23 MQM data the raters of German MT marked straight quotes and
spaced hyphens, on WMT21 TED they did not (docs/profiles.md): a convention of one house is
noise for another.

    >>> sorted(PROFILES)
    ['de-typography', 'fr-typography', 'us-news']
    >>> PROFILES["de-typography"].languages
    frozenset({'de'})
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Profile:
    name: str
    languages: frozenset[str]  # the target languages whose texts it judges
    summary: str


PROFILES = {p.name: p for p in (
    Profile("de-typography", frozenset({"de"}),
            "German typography (Duden): „…“ quotation marks, a spaced en dash, not a hyphen, "
            "between words, and a no-break space before `%`."),
    Profile("fr-typography", frozenset({"fr"}),
            "French typography (Imprimerie nationale): « … » guillemets with no-break spaces "
            "inside, a spaced en dash between words, a no-break space before `%`."),
    Profile("us-news", frozenset({"en"}),
            "US news style (AP): no period after a headline, `U.S.`, `U.N.` and `U.K.` with "
            "periods in running text, dates written `March 4, 2024`, not `2024-03-04`."),
)}


class UnknownProfile(ValueError):
    pass


def check_profiles(names: list[str]) -> list[str]:
    """``names`` if every one is a profile; else an error naming the ones there are.

    >>> check_profiles(["us-news"])
    ['us-news']
    """
    unknown = [n for n in names if n not in PROFILES]
    if unknown:
        raise UnknownProfile(f"unknown profile {', '.join(map(repr, unknown))} (have: {', '.join(sorted(PROFILES))})")
    return names
