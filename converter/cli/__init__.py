"""The `xbrlify` command: `convert` is the main job; `review` shows a reviewer which numbers became facts;
`rules` and `explain` serve rule authors; `package` writes the taxonomy package for offline processors."""
from __future__ import annotations

import click

from .convert import convert_cmd
from .explain import explain_cmd
from .package import package_cmd
from .review import review_cmd
from .rules import rules_cmd


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="xbrlify")
def main():
    """Convert earnings press releases to XBRL 2.1 and xBRL-JSON.

    \b
    Exit codes:
      0  converted, checks clean
      1  converted, with check findings (printed on stderr)
      2  usage error
      3  input error (unreadable, empty, binary, too large, not a regular file,
         unknown layout, bad rules, output not writable or not to be replaced)
      4  internal error: an output failed its own schema (a bug)
      130, 143  stopped by Ctrl-C or SIGTERM (what was written is recorded)
    A batch (several files or a folder, -o OUTDIR) exits with the worst code.
    """


main.add_command(convert_cmd)
main.add_command(rules_cmd)
main.add_command(explain_cmd)
main.add_command(package_cmd)
main.add_command(review_cmd)
