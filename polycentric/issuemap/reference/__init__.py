"""The bundled reference map (map.yaml), written from ../shared/reference/ig_facts.yaml."""

from pathlib import Path

MAP_FILE = Path(__file__).resolve().parent / "map.yaml"
