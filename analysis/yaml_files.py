"""Reading the project's YAML files: one loader for every knowledge file.

PyYAML's C loader (libyaml, shipped in PyYAML's wheels) parses the knowledge files about
ten times faster than the pure-Python one, which matters at start-up: every worker of a
batch reads them once. Both build the same plain data (``safe`` loading: no objects).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml_text(text: str) -> Any:
    """Parse YAML text safely (plain data only); raises ``yaml.YAMLError``."""
    return yaml.load(text, Loader=SafeLoader)  # noqa: S506 - a safe loader


def load_yaml(path: str | Path) -> Any:
    """Parse a UTF-8 YAML file safely (plain data only); raises ``OSError`` or
    ``yaml.YAMLError``."""
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=SafeLoader)  # noqa: S506 - a safe loader
