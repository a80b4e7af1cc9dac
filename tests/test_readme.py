"""The README stays true: every configuration variable the code reads is in its table."""

from pathlib import Path

from core.config import SECTIONS

README = Path(__file__).resolve().parents[1] / "README.md"


def _variables() -> set[str]:
    names: set[str] = set()
    for section in SECTIONS:
        prefix = str(section.model_config.get("env_prefix", ""))
        for name, field in section.model_fields.items():
            alias = field.validation_alias
            names.add(alias if isinstance(alias, str) else f"{prefix}{name}".upper())
    return names


def test_every_setting_is_documented_in_the_readme() -> None:
    text = README.read_text()
    missing = sorted(name for name in _variables() if f"`{name}`" not in text)
    assert missing == [], f"add these to the README's configuration table: {missing}"


def test_readme_names_the_two_commands_on_its_first_screen() -> None:
    first_screen = "\n".join(README.read_text().splitlines()[:40])
    assert "make run" in first_screen
    assert "make test" in first_screen
    assert "make test" in (README.parent / ".ci" / "run").read_text()
