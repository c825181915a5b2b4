"""Where the project's data lives: rules/, templates/ and schemas/ sit beside the converter package."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RULES_DIR = ROOT / "rules"
TEMPLATES_DIR = ROOT / "templates"
SCHEMAS_DIR = ROOT / "schemas"
TAXONOMY_FILE = RULES_DIR / "taxonomy.yaml"
