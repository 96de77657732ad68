"""Feed configs: the YAML that wires a blueprint, routes, automap gate and egress.

    name: crm
    blueprint: blueprints/crm.yaml        # relative to this file
    routes:
      - match: "*contacts*"               # file-name glob, case-insensitive
        sheet: contacts
        header_row: 3                     # optional: 0-based header line/row (else detected)
        sheet_name: Orders                # optional: the one workbook sheet to read
        record_path: accounts             # optional: JSON key path / XML record element
    automap:
      accuracy: confident                 # exact | confident | any
      max_unmapped_enum_share: 0.05       # share of enum cells left unmapped that still auto-runs
      new_values: records                 # in a column a person mapped: records | wait
    hooks:                                # functions taking the Listener, or Hook objects
      - my_hooks:register                 # module:function; a module beside this file works
    locale: de-DE                         # optional: decides 1,234 vs 1.234 when a column's
    decimal: ","                          #   values do not; or say the decimal mark itself
    egress:
      policy: valid-only                  # valid-only | all | all-or-nothing
      on: [validated, updated]            # after validation, after edits (debounced), and/or
      debounce: 5s                        #   "schedule" (every); POST …/egress works always
      every: 15m
      destinations:                       # see docs/egress.md for every type and option
        - name: partner-files             # optional; keeps its delivery history by name
          type: file
          path: out/{space}/{sheet}/{file}.csv   # relative to the data directory, or s3://…
          mode: new                       # new (one file per delivery) | replace | append
        - {type: sql, url: "${env:CRM_DB}", table: contacts, mode: upsert, key: [email]}
        - {type: webhook, url: "https://…", secret: "${env:HOOK_SECRET}", batch_size: 500}
    notify:                               # see docs/notifications.md
      on: [needs-review, invalid, failed, delivered]
      channels:
        - {type: webhook, url: "${env:SLACK_WEBHOOK_URL}", secret: "${env:NOTIFY_SECRET}"}
        - {type: email, to: [ops@example.com], host: smtp.example.com, port: 587}
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from feedline.blueprint import Blueprint, load_blueprint
from feedline.errors import BlueprintError, ConfigError
from feedline.mapping.plan import NEW_VALUES

if TYPE_CHECKING:
    from feedline.egress.base import Destination
    from feedline.notify.config import Notify
from feedline.validate.locales import LOCALE, decimal_for_locale

ACCURACIES = ("exact", "confident", "any")
POLICIES = ("valid-only", "all", "all-or-nothing")
TRIGGERS = ("validated", "updated", "schedule")
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$")
_UNITS = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, None: 1}


@dataclass(frozen=True)
class Route:
    match: str
    sheet: str
    extract: dict[str, Any] = field(default_factory=dict, compare=False)
    """Extraction choices for matching files: ``header_row``, ``sheet_name``, ``record_path``."""

    def matches(self, filename: str) -> bool:
        return fnmatch.fnmatch(filename.lower(), self.match.lower())


@dataclass(frozen=True)
class FeedDestination:
    """One destination of a feed, under the name its delivery history is kept by."""

    name: str
    destination: Destination

    @property
    def type(self) -> str:
        return self.destination.type


@dataclass(frozen=True)
class Egress:
    """Where a feed's records go, which of them, and when."""

    policy: str = "valid-only"
    triggers: tuple[str, ...] = ("validated", "updated")
    debounce_seconds: float = 5.0
    every_seconds: float | None = None
    destinations: tuple[FeedDestination, ...] = ()


@dataclass(frozen=True)
class Feed:
    """A loaded, checked feed config."""

    name: str
    blueprint: Blueprint
    routes: tuple[Route, ...] = ()
    accuracy: str = "confident"
    max_unmapped_enum_share: float = 0.05
    new_values: str = "records"
    """What a value no option reads does in a column a person mapped in this space:
    ``records`` (the delivery runs; its records wait in review) or ``wait`` (it waits)."""
    egress: Egress = field(default_factory=Egress)
    hooks: tuple[str, ...] = ()
    source_path: Path | None = field(default=None, compare=False)
    locale: str | None = None
    """The partner's locale (``de-DE``); gives the decimal mark of ambiguous number columns."""
    decimal: str | None = None
    """``"."`` or ``","``: the decimal mark of ambiguous number columns (wins over ``locale``)."""
    notify: Notify | None = None
    """Who hears of what (see :mod:`feedline.notify.config`); None: nobody is told."""

    @property
    def policy(self) -> str:
        return self.egress.policy

    @property
    def destinations(self) -> tuple[FeedDestination, ...]:
        return self.egress.destinations

    @property
    def decimal_separator(self) -> str | None:
        """The decimal mark validation uses when a column's values leave it open."""
        if self.decimal:
            return self.decimal
        return decimal_for_locale(self.locale) if self.locale else None

    def route(self, filename: str) -> str | None:
        """The destination sheet for a file name: the first matching route, or the only sheet."""
        for r in self.routes:
            if r.matches(filename):
                return r.sheet
        if not self.routes and len(self.blueprint.sheets) == 1:
            return self.blueprint.sheets[0].slug
        return None

    def extract_options(self, filename: str) -> dict[str, Any]:
        """The extraction choices of the first route matching ``filename`` (may be empty)."""
        for r in self.routes:
            if r.matches(filename):
                return dict(r.extract)
        return {}


EXTRACT_KEYS = {"header_row": int, "sheet_name": str, "record_path": str}


def load_feed(path: str | Path) -> Feed:
    """Read and check a feed config; relative paths are resolved against its folder."""
    p = Path(path)
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"feed config not found: {p}") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"feed config {p.name} cannot be read: {str(exc).splitlines()[0]}") from None
    return parse_feed(data, base=p.parent, source=p)


def parse_feed(data: Any, base: Path, source: Path | None = None) -> Feed:
    where = f"feed {source.name}" if source else "feed"
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected a mapping")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ConfigError(f"{where}: 'name' must be a non-empty string")
    where = f"feed {name!r}"
    bp_ref = data.get("blueprint")
    if not isinstance(bp_ref, str):
        raise ConfigError(f"{where}: 'blueprint' must be a path to a blueprint file")
    try:
        blueprint = load_blueprint(base / bp_ref)
    except BlueprintError as exc:
        raise ConfigError(f"{where}: {exc}") from None
    slugs = {s.slug for s in blueprint.sheets}
    routes = []
    for i, raw in enumerate(data.get("routes") or []):
        if not isinstance(raw, dict) or not raw.get("match") or not raw.get("sheet"):
            raise ConfigError(f"{where}: route #{i + 1} needs 'match' and 'sheet'")
        if raw["sheet"] not in slugs:
            raise ConfigError(f"{where}: route #{i + 1} names unknown sheet {raw['sheet']!r}")
        options = {k: raw[k] for k in EXTRACT_KEYS if raw.get(k) is not None}
        for key, value in options.items():
            if not isinstance(value, EXTRACT_KEYS[key]) or isinstance(value, bool) or (
                    key == "header_row" and value < 0):  # type: ignore[operator]
                raise ConfigError(f"{where}: route #{i + 1}: {key} must be a "
                                  f"{'non-negative integer' if key == 'header_row' else 'string'}")
        routes.append(Route(match=str(raw["match"]), sheet=str(raw["sheet"]), extract=options))
    automap = data.get("automap") or {}
    accuracy = automap.get("accuracy", "confident")
    if accuracy not in ACCURACIES:
        raise ConfigError(f"{where}: automap.accuracy must be one of {', '.join(ACCURACIES)}")
    share = automap.get("max_unmapped_enum_share", 0.05)
    if not isinstance(share, int | float) or not 0 <= share <= 1:
        raise ConfigError(f"{where}: automap.max_unmapped_enum_share must be between 0 and 1")
    new_values = automap.get("new_values", "records")
    if new_values not in NEW_VALUES:
        raise ConfigError(f"{where}: automap.new_values must be one of {', '.join(NEW_VALUES)}")
    egress = _egress(data.get("egress"), where, base)
    hooks = data.get("hooks") or []
    if not isinstance(hooks, list) or not all(isinstance(h, str) and ":" in h for h in hooks):
        raise ConfigError(f"{where}: 'hooks' must be a list of 'module:function' strings")
    locale, decimal = data.get("locale"), data.get("decimal")
    if locale is not None and not (isinstance(locale, str) and LOCALE.match(locale)):
        raise ConfigError(f"{where}: 'locale' must look like de-DE or en_US (got {locale!r})")
    if decimal is not None and decimal not in (".", ","):
        raise ConfigError(f"{where}: 'decimal' must be \".\" or \",\" (got {decimal!r})")
    notify = _notify(data.get("notify"), where, base)
    return Feed(
        hooks=tuple(hooks), locale=locale, decimal=decimal, notify=notify,
        name=name.strip(), blueprint=blueprint, routes=tuple(routes), accuracy=accuracy,
        max_unmapped_enum_share=float(share), new_values=new_values, egress=egress, source_path=source,
    )


def duration(value: Any, where: str) -> float:
    """Seconds from ``5``, ``"5s"``, ``"15m"``, ``"1h"`` or ``"250ms"``."""
    if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
        return float(value)
    match = _DURATION.match(value) if isinstance(value, str) else None
    if match is None:
        raise ConfigError(f"{where} must be a duration such as 30s, 15m or 1h (got {value!r})")
    return float(match.group(1)) * _UNITS[match.group(2)]


def _egress(raw: Any, where: str, base: Path) -> Egress:
    """The ``egress`` section: policy, triggers and destinations (see docs/egress.md)."""
    from feedline.egress.registry import parse_destination
    from feedline.egress.secrets import SecretResolver

    raw = raw or {}
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: 'egress' must be a mapping")
    unknown = sorted(set(raw) - {"policy", "on", "debounce", "every", "destinations"})
    if unknown:
        raise ConfigError(f"{where}: egress has an unknown setting {unknown[0]!r}")
    policy = raw.get("policy", "valid-only")
    if policy not in POLICIES:
        raise ConfigError(f"{where}: egress.policy must be one of {', '.join(POLICIES)}")
    triggers = raw.get("on", ["validated", "updated"])
    if isinstance(triggers, str):
        triggers = [triggers]
    if not isinstance(triggers, list) or not all(t in TRIGGERS for t in triggers):
        raise ConfigError(f"{where}: egress.on must list some of {', '.join(TRIGGERS)}")
    every = raw.get("every")
    every_seconds = duration(every, f"{where}: egress.every") if every is not None else None
    if "schedule" in triggers and not every_seconds:
        raise ConfigError(f"{where}: egress.on includes schedule: set egress.every (e.g. 15m)")
    secrets = SecretResolver(base=base)
    destinations: list[FeedDestination] = []
    for i, item in enumerate(raw.get("destinations") or []):
        here = f"{where}: destination #{i + 1}"
        if not isinstance(item, dict):
            raise ConfigError(f"{here}: expected a mapping with a 'type'")
        item = dict(item)
        name = item.pop("name", None) or f"{item.get('type')}-{i + 1}"
        if not isinstance(name, str) or not re.fullmatch(r"[A-Za-z0-9_.-]{1,100}", name):
            raise ConfigError(f"{here}: name must be letters, digits, '-', '_' or '.'")
        if any(d.name == name for d in destinations):
            raise ConfigError(f"{here}: another destination is named {name!r}")
        destinations.append(FeedDestination(name, parse_destination(item, here, secrets)))
    return Egress(policy=policy, triggers=tuple(triggers),
                  debounce_seconds=duration(raw.get("debounce", 5), f"{where}: egress.debounce"),
                  every_seconds=every_seconds, destinations=tuple(destinations))


def _notify(raw: Any, where: str, base: Path) -> Notify | None:
    """The ``notify`` section: which happenings go to which channels (docs/notifications.md)."""
    from feedline.egress.secrets import SecretResolver
    from feedline.notify.config import parse_notify

    secrets = SecretResolver(base=base)
    return parse_notify(raw, where, secrets.resolve, duration)
