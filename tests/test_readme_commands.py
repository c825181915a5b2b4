"""The README's commands work as printed: every `xbrlify` line in its shell blocks names a subcommand and
options that exist (so a renamed option cannot go stale there), and the first block's conversion runs."""
from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
from click.testing import CliRunner

from converter.cli import main

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"


def shell_lines() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", README.read_text(), re.S)
    return [line.split(" #")[0].strip() for block in blocks for line in block.splitlines() if line.strip()]


def xbrlify_commands() -> list[list[str]]:
    out = []
    for line in shell_lines():
        for part in line.split("&&"):
            words = shlex.split(part)
            if words and words[0] in ("xbrlify", ".venv/bin/xbrlify"):
                out.append(words[1:])
    return out


def resolve(words: list[str]) -> tuple[click.Command, list[str]]:
    command: click.Command = main
    while isinstance(command, click.Group) and words and words[0] in command.commands:
        command, words = command.commands[words[0]], words[1:]
    return command, words


def test_every_command_and_option_in_the_readme_exists():
    commands = xbrlify_commands()
    assert len(commands) >= 15
    for words in commands:
        command, rest = resolve(words)
        assert not isinstance(command, click.Group), words
        known = {opt for param in command.params for opt in getattr(param, "opts", [])}
        used = [w.split("=")[0] for w in rest if w.startswith("-")]
        assert set(used) <= known, (words, set(used) - known)


def test_the_first_conversion_runs_as_printed(tmp_path, monkeypatch):
    first = next(words for words in xbrlify_commands() if words[0] == "convert")
    assert "examples/acme-q3-2025.txt" in first
    monkeypatch.chdir(tmp_path)
    (tmp_path / "examples").symlink_to(REPO / "examples")
    res = CliRunner().invoke(main, first)
    assert res.exit_code == 0, res.output
    out = tmp_path / first[first.index("-o") + 1]
    assert out.is_file() and out.with_suffix(".xsd").is_file()
