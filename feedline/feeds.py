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
    hooks:                                # functions taking the Listener, or Hook objects
      - my_hooks:register                 # module:function; a module beside this file works
    locale: de-DE                         # optional: decides 1,234 vs 1.234 when a column's
    decimal: ","                          #   values do not; or say the decimal mark itself
    egress:
      policy: valid-only                  # valid-only | all
      destinations:
        - type: file
          path: out/{space}/{sheet}.csv   # relative to the data directory
          mode: replace                   # replace | append
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from feedline.blueprint import Blueprint, load_blueprint
from feedline.errors import BlueprintError, ConfigError
from feedline.validate.locales import LOCALE, decimal_for_locale

ACCURACIES = ("exact", "confident", "any")
POLICIES = ("valid-only", "all")
PATH_KEYS = ("space", "space_id", "sheet", "file", "file_id", "job")


@dataclass(frozen=True)
class Route:
    match: str
    sheet: str
    extract: dict[str, Any] = field(default_factory=dict, compare=False)
    """Extraction choices for matching files: ``header_row``, ``sheet_name``, ``record_path``."""

    def matches(self, filename: str) -> bool:
        return fnmatch.fnmatch(filename.lower(), self.match.lower())


@dataclass(frozen=True)
class Destination:
    type: str
    path: str
    mode: str = "replace"


@dataclass(frozen=True)
class Feed:
    """A loaded, checked feed config."""

    name: str
    blueprint: Blueprint
    routes: tuple[Route, ...] = ()
    accuracy: str = "confident"
    max_unmapped_enum_share: float = 0.05
    policy: str = "valid-only"
    destinations: tuple[Destination, ...] = ()
    hooks: tuple[str, ...] = ()
    source_path: Path | None = field(default=None, compare=False)
    locale: str | None = None
    """The partner's locale (``de-DE``); gives the decimal mark of ambiguous number columns."""
    decimal: str | None = None
    """``"."`` or ``","``: the decimal mark of ambiguous number columns (wins over ``locale``)."""

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
    egress = data.get("egress") or {}
    policy = egress.get("policy", "valid-only")
    if policy not in POLICIES:
        raise ConfigError(f"{where}: egress.policy must be one of {', '.join(POLICIES)}")
    destinations = []
    for i, raw in enumerate(egress.get("destinations") or []):
        if not isinstance(raw, dict) or raw.get("type") != "file":
            raise ConfigError(f"{where}: destination #{i + 1}: only type 'file' is supported")
        dpath = raw.get("path")
        if not isinstance(dpath, str) or not dpath.endswith(".csv"):
            raise ConfigError(f"{where}: destination #{i + 1}: 'path' must end in .csv")
        if Path(dpath).is_absolute() or ".." in Path(dpath).parts:
            raise ConfigError(f"{where}: destination #{i + 1}: 'path' must stay inside the data directory")
        try:
            dpath.format(**{k: "x" for k in PATH_KEYS})
        except (KeyError, IndexError, ValueError) as exc:
            raise ConfigError(f"{where}: destination #{i + 1}: unknown placeholder in path: {exc}") from None
        mode = raw.get("mode", "replace")
        if mode not in ("replace", "append"):
            raise ConfigError(f"{where}: destination #{i + 1}: mode must be replace or append")
        destinations.append(Destination(type="file", path=dpath, mode=mode))
    hooks = data.get("hooks") or []
    if not isinstance(hooks, list) or not all(isinstance(h, str) and ":" in h for h in hooks):
        raise ConfigError(f"{where}: 'hooks' must be a list of 'module:function' strings")
    locale, decimal = data.get("locale"), data.get("decimal")
    if locale is not None and not (isinstance(locale, str) and LOCALE.match(locale)):
        raise ConfigError(f"{where}: 'locale' must look like de-DE or en_US (got {locale!r})")
    if decimal is not None and decimal not in (".", ","):
        raise ConfigError(f"{where}: 'decimal' must be \".\" or \",\" (got {decimal!r})")
    return Feed(
        hooks=tuple(hooks), locale=locale, decimal=decimal,
        name=name.strip(), blueprint=blueprint, routes=tuple(routes), accuracy=accuracy,
        max_unmapped_enum_share=float(share), policy=policy, destinations=tuple(destinations),
        source_path=source,
    )
