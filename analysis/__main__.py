"""``python -m analysis`` and the ``news-report`` command: the command line of
:mod:`analysis.cli`, plus ``--version``."""

from __future__ import annotations

import sys

from analysis import cli


def main(argv: list[str] | None = None) -> int:
    """Run the command line; ``--version`` prints the installed version and exits 0."""
    args = sys.argv[1:] if argv is None else list(argv)
    if args[:1] == ["--version"]:
        import analysis

        print(f"news-report {analysis.__version__}")
        return 0
    return cli.main(args)


if __name__ == "__main__":
    raise SystemExit(main())
