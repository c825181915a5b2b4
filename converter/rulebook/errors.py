"""The one error a rule file gives: the loader, the checks and the timed matching all raise it."""


class RuleError(Exception):
    """A rule file that cannot be used; the message is one line, starting with the file (and line)."""
