"""The one exception type the CLI turns into a one-line message and exit status 1."""


class KgError(Exception):
    """Bad input or an unusable file: the message names the file and the problem."""
