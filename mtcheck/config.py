"""Configuration: ``[tool.mtcheck]`` in ``pyproject.toml``, or ``mtcheck.toml``.

Keys (all optional)::

    [tool.mtcheck]
    lang = "en"                        # target language; skips detection (fast pre-commit runs)
    source-lang = "en"                 # source language of resource files (de.json's is en.json)
    select = ["ALL"]                   # codes (MT101), code prefixes (MT1), categories, rule names
    ignore = ["extra-space"]
    profiles = ["de-typography"]       # house styles to check too (mtcheck.profiles)
    fail-on = "minor"                  # lowest severity that makes `check` exit 1
    accept = ["PayPal", "Ravenmoor"]   # words never flagged (house names, brands)
    accept-file = "accept.txt"         # one word a line, `#` comments; relative to the config file
    glossary = "terms.csv"             # CSV or TBX (or a list); relative to the config file
    [tool.mtcheck.severity]            # severity overrides by code or category
    "unbalanced-quote" = "major"
    [tool.mtcheck.per-file-ignores]    # glob → codes or categories
    "legacy/*.md" = ["MT2"]

In Markdown, ``<!-- mtcheck: ignore[merged-words, MT203] -->`` suppresses those codes or
categories on the next line, and ``<!-- mtcheck: ignore -->`` every finding there.
"""

from __future__ import annotations

import fnmatch
import functools
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from mtcheck.io.glossary import Glossary, load_glossary
from mtcheck.taxonomy import Severity

CONFIG_FILES = ("mtcheck.toml", "pyproject.toml")
_KEYS = {"lang", "source-lang", "select", "ignore", "profiles", "fail-on", "accept", "accept-file", "glossary",
         "severity", "per-file-ignores", "model", "spaces-model"}


class ConfigError(ValueError):
    pass


@dataclass
class Config:
    select: list[str] = field(default_factory=lambda: ["ALL"])
    ignore: list[str] = field(default_factory=list)
    # House-style profiles whose rules run too (mtcheck.profiles); their rules are off otherwise.
    profiles: list[str] = field(default_factory=list)
    lang: str | None = None
    # The source language of resource files (de.json's source is en.json when it is "en").
    source_lang: str | None = None
    fail_on: Severity = Severity.MINOR
    accept: frozenset[str] = frozenset()
    severity: dict[str, Severity] = field(default_factory=dict)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    path: Path | None = None  # where it was read from
    # Required translations of source terms (MT703); its target terms are also accepted words.
    glossary: Glossary | None = None
    # The trained tagger as a second opinion: a model's folder (``model = true``: the shipped one).
    model: str | None = None
    # The spaces model as a second opinion on MT101–MT103: its folder (``spaces-model = true``:
    # the shipped one, mtcheck/model/mtcheck-spaces).
    spaces_model: str | None = None
    # (lang, path) → selected rules, filled by checker.selected_rules; not part of the settings.
    rule_cache: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.glossary is not None:  # Config(glossary=load_glossary(...)) from the library
            self.accept = self.accept | {t.casefold() for t in self.glossary.target_terms()}

    def selects(self, rule, path: str | None = None, lang: str | None = None) -> bool:
        """Is ``rule`` on for a file at ``path`` in ``lang``? Ignore wins over select; a
        house-style rule needs one of its profiles for ``lang`` on, or to be named."""
        ignored = list(self.ignore)
        if path and self.per_file_ignores:
            # Patterns are relative to the config file's folder (cwd without one), so match the
            # path as seen from there: 'legacy/a.txt', './legacy/a.txt' and '/abs/legacy/a.txt'
            # must all match 'legacy/*.txt'.
            base = self.path.parent if self.path else Path.cwd()
            path = _relative_to(os.path.abspath(path), os.path.abspath(base)) or path
            for pattern, entries in self.per_file_ignores.items():
                if fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(Path(path).name, pattern):
                    ignored += entries
        if rule.profiles and not named(rule, self.select) and not self._profile_on(rule, lang):
            return False  # a house style's rule: on with its profile, or selected by code or name
        return matches(rule, self.select) and not matches(rule, ignored)

    def _profile_on(self, rule, lang: str | None) -> bool:
        from mtcheck.languages import language_for
        from mtcheck.profiles import PROFILES

        code = language_for(lang).code if lang else None
        return any(p in self.profiles and (code is None or code in PROFILES[p].languages) for p in rule.profiles)

    def severity_of(self, code: str, category: str) -> Severity | None:
        return self.severity.get(code) or self.severity.get(category)

    def add_glossary(self, glossary: Glossary) -> None:
        """Use ``glossary`` too (after any already given); its target terms join the accept-list."""
        self.glossary = glossary if self.glossary is None else self.glossary + glossary
        self.accept = self.accept | {t.casefold() for t in glossary.target_terms()}

    def accepts(self, text: str) -> bool:
        """Is ``text`` (a flagged span) or any of its words on the accept-list?"""
        if not self.accept:
            return False
        folded = text.casefold()
        return folded in self.accept or any(w in self.accept for w in folded.split())


@functools.lru_cache(maxsize=4096)  # selects() runs for every rule of every document
def _relative_to(path: str, base: str) -> str | None:
    """Absolute ``path`` relative to the absolute folder ``base``, with "/" separators; None when
    outside it.

    Both sides go through realpath (the config file is found by a resolved path, a path typed on
    the command line may not be), but the file's own name is kept: a symlinked file is matched
    by where the link is, like any other file in that folder.
    """
    folder, name = os.path.split(path)
    try:
        return Path(os.path.realpath(folder), name).relative_to(os.path.realpath(base)).as_posix()
    except ValueError:  # outside the base folder (or on another drive)
        return None


def matches(rule, selectors: list[str]) -> bool:
    """Does a selector name this rule? ``ALL``, a code or code prefix, a category or a name."""
    for sel in selectors:
        if sel == "ALL" or sel in (rule.category, rule.name) or rule.code.startswith(sel.upper()):
            return True
    return False


def named(rule, selectors: list[str]) -> bool:
    """Does a selector name this very rule, by code or name (not ``ALL``, a prefix or a category)?"""
    return any(sel.upper() == rule.code or sel == rule.name for sel in selectors)


def find_config(start: Path) -> Path | None:
    """The nearest mtcheck.toml, or pyproject.toml with a [tool.mtcheck] table, upwards."""
    start = start.resolve()
    for folder in [start, *start.parents] if start.is_dir() else start.parents:
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file():
                if name == "pyproject.toml" and "mtcheck" not in _read(candidate).get("tool", {}):
                    continue
                return candidate
    return None


def _read(path: Path) -> dict:
    try:  # imported here: a run without a config file never needs the parser (6 ms of start-up)
        import tomllib
    except ModuleNotFoundError:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc


def load_config(path: Path | None) -> Config:
    """Read a config file (None: defaults). Unknown keys and bad values are errors."""
    if path is None:
        return Config()
    data = _read(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("mtcheck", {})
    unknown = set(data) - _KEYS
    if unknown:
        raise ConfigError(f"{path}: unknown key(s) {', '.join(sorted(unknown))}")
    try:
        for key in ("severity", "per-file-ignores"):
            if not isinstance(data.get(key, {}), dict):
                raise ValueError(f"{key} must be a table, e.g. [tool.mtcheck.{key}]")
        for key in ("lang", "source-lang", "fail-on", "accept-file"):
            if key in data and not isinstance(data[key], str):
                raise ValueError(f"{key} must be a string")
        for key in ("model", "spaces-model"):
            if key in data and not isinstance(data[key], (bool, str)):
                raise ValueError(f"{key} must be true, false or a folder")
        accept = {w.casefold() for w in _strings(data, "accept", [])}
        if "accept-file" in data:
            accept_path = path.parent / data["accept-file"]
            for line in accept_path.read_text(encoding="utf-8").splitlines():
                line = line.split("#", 1)[0].strip()
                if line:
                    accept.add(line.casefold())
        config = Config(
            select=_strings(data, "select", ["ALL"]),
            ignore=_strings(data, "ignore", []),
            profiles=_profiles(_strings(data, "profiles", [])),
            lang=data.get("lang"),
            source_lang=data.get("source-lang"),
            fail_on=Severity(data.get("fail-on", "minor")),
            accept=frozenset(accept),
            severity={k: Severity(v) for k, v in data.get("severity", {}).items()},
            per_file_ignores={k: _strings(data["per-file-ignores"], k, [], "per-file-ignores")
                              for k in data.get("per-file-ignores", {})},
            path=path,
            model=_model_folder(data.get("model", False), path),
            spaces_model=_model_folder(data.get("spaces-model", False), path, spaces=True),
        )
        glossaries = data.get("glossary", [])
        for name in [glossaries] if isinstance(glossaries, str) else _strings(data, "glossary", []):
            config.add_glossary(load_glossary(path.parent / name))  # GlossaryError is a ValueError
        return config
    except (ValueError, OSError, TypeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc


def _model_folder(value, path: Path, spaces: bool = False) -> str | None:
    """``model = true`` → the shipped tagger (``spaces-model = true``: the shipped spaces
    model); a string → that folder, relative to the config."""
    if value is True:
        if spaces:
            from mtcheck.model.spaces import DEFAULT
        else:
            from mtcheck.model.tagger import DEFAULT

        return str(DEFAULT)
    return str(path.parent / value) if isinstance(value, str) else None


def _strings(table: dict, key: str, default: list[str], parent: str = "") -> list[str]:
    """``table[key]`` as a list of strings. A bare string is an error, not list(value): that
    would split ignore = "extra-space" into characters and silently ignore nothing."""
    value = table.get(key, default)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        name = f'{parent}."{key}"' if parent else key
        raise ValueError(f"{name} must be a list of strings, e.g. {name} = {json.dumps([str(value)])}"
                         if isinstance(value, str) else f"{name} must be a list of strings")
    return list(value)


def _profiles(names: list[str]) -> list[str]:
    from mtcheck.profiles import UnknownProfile, check_profiles

    try:
        return check_profiles(names)
    except UnknownProfile as e:
        raise ConfigError(str(e)) from None
