"""Corpus results in DuckDB, and the same tables exported as Parquet (an edge: I/O).

Tables and columns: :data:`analysis.result_tables.SCHEMA`, documented in
``docs/corpus.md``. Writing an article replaces its earlier rows, and every article's
rows go in together with the rest of its batch in one transaction, so an interrupted
run leaves each article either fully present or absent.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from analysis.atomic import new_sibling_dir, replace_dir
from analysis.result_tables import SCHEMA, result_rows

# DuckDB's memory for a results database: inserts and the Parquet export stream through
# it; what does not fit is written to disk, not held
MEMORY_LIMIT = "64MB"


class ResultsStoreError(Exception):
    """A database or folder that cannot be used, with what to do about it."""


def _frame(columns: list[str], rows: list[tuple]):
    """Rows as a pandas frame of Python objects, so that DuckDB casts each value to the
    column's declared type (pandas would turn integers with gaps into floats)."""
    import pandas as pd

    return pd.DataFrame(
        {c: pd.Series([row[i] for row in rows], dtype=object) for i, c in enumerate(columns)}
    )


def _columns(table: str) -> str:
    return ", ".join(f'"{c}"' for c in SCHEMA[table])


class ResultsStore:
    """A DuckDB database of corpus results at ``path`` (created if missing)."""

    def __init__(self, path: str | Path):
        import duckdb

        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.con = duckdb.connect(str(self.path))
        except (OSError, duckdb.Error) as exc:
            raise ResultsStoreError(f"{self.path}: cannot open the results database ({exc})"
                                    ) from None
        # DuckDB would cache up to 80% of the machine's memory and use every core; a
        # batch needs neither (its workers need the cores, and pages can go to disk)
        self.con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
        self.con.execute("SET threads = 1")
        for table, columns in SCHEMA.items():
            cols = ", ".join(f'"{c}" {t}' for c, t in columns.items())
            self.con.execute(f"CREATE TABLE IF NOT EXISTS {table} ({cols})")

    def done_ids(self) -> set[str]:
        """Ids of the articles already in the database (analysed or failed)."""
        return {row[0] for row in self.con.execute("SELECT id FROM articles").fetchall()}

    def write(self, results: Iterable[tuple[int | None, dict[str, Any]]]) -> None:
        """Replace the rows of these articles (``(position, result)`` pairs) in one
        transaction."""
        batch = list(results)
        self._write([r["id"] for _, r in batch],
                    [result_rows(result, position) for position, result in batch])

    def write_outcomes(self, outcomes: Iterable[tuple[int | None, Any]]) -> None:
        """Like :meth:`write`, for :class:`analysis.batch.Outcome` objects whose rows a
        worker has already made: ``(position, outcome)`` pairs."""
        batch = list(outcomes)
        per_article = []
        for position, done in batch:
            rows = dict(done.rows)
            first = rows["articles"][0]
            rows["articles"] = [(first[0], position, *first[2:])]  # its place in this run
            per_article.append(rows)
        self._write([done.id for _, done in batch], per_article)

    def _write(self, ids_in: list[str], per_article: list[dict[str, list[tuple]]]) -> None:
        if not ids_in:
            return
        ids = [(i,) for i in ids_in]
        rows: dict[str, list[tuple]] = {t: [] for t in SCHEMA}
        for article_rows in per_article:
            for table, table_rows in article_rows.items():
                rows[table].extend(table_rows)
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            # one set-based statement per table: executemany costs ~1 ms a row in DuckDB
            con.register("batch_ids", _frame(["id"], ids))
            for table in SCHEMA:
                con.execute(f"DELETE FROM {table} WHERE id IN (SELECT id FROM batch_ids)")
            for table, table_rows in rows.items():
                if table_rows:
                    con.register("batch_rows", _frame(list(SCHEMA[table]), table_rows))
                    con.execute(f"INSERT INTO {table} ({_columns(table)}) "
                                f"SELECT {_columns(table)} FROM batch_rows")
                    con.unregister("batch_rows")
            con.unregister("batch_ids")
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def export_parquet(self, folder: str | Path) -> Path:
        """Write every table as ``<folder>/<table>.parquet``, replacing the folder whole.

        The files are written into a new folder beside it, which then takes its place,
        so a failure leaves the previous export as it was.
        """
        target = Path(folder)
        tmp = new_sibling_dir(target, "tmp")
        try:
            for table in SCHEMA:
                order = "position, id" if table == "articles" else "id"
                out = str(tmp / f"{table}.parquet").replace("'", "''")
                self.con.execute(
                    f"COPY (SELECT * FROM {table} ORDER BY {order}) TO '{out}' "
                    "(FORMAT parquet)"
                )
            replace_dir(tmp, target)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        return target

    def import_parquet(self, folder: str | Path) -> None:
        """Load an earlier Parquet export into this (empty) database, for ``--resume``."""
        for table in SCHEMA:
            path = Path(folder) / f"{table}.parquet"
            if path.exists():
                src = str(path).replace("'", "''")
                self.con.execute(
                    f"INSERT INTO {table} ({_columns(table)}) "
                    f"SELECT {_columns(table)} FROM read_parquet('{src}')"
                )

    def close(self) -> None:
        self.con.close()


def read_tables(path: str | Path) -> dict[str, Any]:
    """Every table of a results database as a pandas frame (the database is opened
    read-only, so a report can read while nothing writes)."""
    import duckdb

    p = Path(path)
    if not p.is_file():
        raise ResultsStoreError(f"{p}: no such results database")
    try:
        con = duckdb.connect(str(p), read_only=True)
    except duckdb.Error as exc:
        raise ResultsStoreError(f"{p}: not a readable DuckDB database ({exc})") from None
    try:
        missing = [t for t in SCHEMA
                   if not con.execute("SELECT count(*) FROM information_schema.tables "
                                      "WHERE table_name = ?", [t]).fetchone()[0]]
        if missing:
            raise ResultsStoreError(f"{p}: not a results database of `analyze --db` "
                                    f"(no table {', '.join(missing)})")
        return {t: con.execute(f"SELECT * FROM {t}").fetchdf() for t in SCHEMA}
    finally:
        con.close()
